"""Experts for a firm: rows → matching engine → ranked, explained candidates; and a county's
matchmaking plan (its roster's experts × its firms) through ``plan_pairings``."""

from dataclasses import dataclass

from django.db.models import Count, Q

from mentors.models import Mentor, Organization, Pairing
from mentors.regions import in_place
from projects.matching import Item, MatchConfig, MatchEngine
from projects.matching.plan import Plan, plan_pairings
from projects.suggestions import MENTORS
from projects.suggestions.inputs import candidate_engine, field_tags, mentor_expert
from projects.suggestions.reasons import explain_reasons
from talentbridge.models import Office
from talentbridge.regions import resolve_region, within_region

# In a hometown programme a shared hometown (老乡) weighs as much as a shared field.
HOMETOWN_CONFIG = MatchConfig(semantic_weight=0.0, hometown_weight=0.15)
# How many experts one firm meets at a matchmaking day.
FIRM_SLOTS = 3
SHOWN = 10


@dataclass
class Candidate:
    mentor: Mentor
    score: float
    label: str
    explained: list[tuple[str, str]]


def firm_item(organization: Organization) -> Item:
    """The firm as the engine's query: what it does, its fields and industry chain, where."""
    fields = list(organization.fields.all())
    text = "\n".join(
        part for part in (organization.description, " ".join(field_tags(fields))) if part
    )
    return Item(
        id=str(organization.pk),
        text=text,
        tags=field_tags(fields),
        region=organization.region_label,
        organizations=[organization.name],
    )


def _experts(mentors) -> list:
    return [mentor_expert(m, occupied=m.occupied) for m in mentors]


def _with_load(mentors):
    return (
        mentors.select_related("affiliation")
        .prefetch_related("fields")
        .annotate(occupied=Count("pairings", filter=Q(pairings__status__in=Pairing.OCCUPYING)))
    )


def office_experts(office: Office):
    """The experts an office matches its firms with: those on its hometown roster."""
    return _with_load(Mentor.objects.filter(roster_entries__office=office)).order_by("pk")


def office_firms(office: Office):
    """The enterprises in the office's region (its county and everything inside it)."""
    division = resolve_region(office.region) if office.region else None
    firms = Organization.objects.filter(kind=Organization.Kind.ENTERPRISE)
    if division is not None:
        firms = firms.filter(within_region("region", division))
    elif office.region:
        firms = firms.filter(in_place(office.region))
    else:
        return firms.none()
    return firms.prefetch_related("fields").order_by("name", "pk")


def suggest_experts_for_firm(
    organization: Organization, *, office: Office | None = None, k: int = SHOWN
) -> list[Candidate]:
    """The ``k`` experts who fit the firm best: among all experts, or among a hometown
    office's roster with the hometown bonus."""
    if office is not None:
        mentors = list(office_experts(office))
        engine = MatchEngine(HOMETOWN_CONFIG)
        engine.index(_experts(mentors))
        by_id = {str(m.pk): m for m in mentors}
    else:
        engine = candidate_engine(MENTORS)
        by_id = None
    ranked = [s for s in engine.rank(firm_item(organization), k) if s.score > 0]
    if by_id is None:
        found = Mentor.objects.select_related("affiliation").in_bulk(
            [int(s.expert_id) for s in ranked]
        )
        by_id = {str(pk): mentor for pk, mentor in found.items()}
    return [
        Candidate(by_id[s.expert_id], s.score, s.label, explain_reasons(s.reasons))
        for s in ranked
        if s.expert_id in by_id
    ]


@dataclass
class Matchmaking:
    plan: Plan
    reasons: dict[tuple[str, str], list[str]]


def plan_matchmaking(office: Office, *, exclude=()) -> Matchmaking:
    """The office's experts × its firms: the pairs of highest total score, each expert within
    their capacity and each firm meeting at most ``FIRM_SLOTS`` experts."""
    mentors = list(office_experts(office))
    firms = list(office_firms(office))
    experts = _experts(mentors)
    if not experts or not firms:
        return Matchmaking(Plan([], 0.0), {})
    engine = MatchEngine(HOMETOWN_CONFIG)
    engine.index(experts)
    scores, reasons, conflicts = {}, {}, []
    for firm in firms:
        item = firm_item(firm)
        for suggestion in engine.rank(item, len(experts)):
            scores[(suggestion.expert_id, item.id)] = suggestion.score
            reasons[(suggestion.expert_id, item.id)] = suggestion.reasons
        conflicts += [(expert_id, item.id) for expert_id in engine.conflicts(item)]
    plan = plan_pairings(
        scores,
        {e.id: e.capacity for e in experts},
        {str(f.pk): FIRM_SLOTS for f in firms},
        min_score=HOMETOWN_CONFIG.plan_min_score,
        exclude=[*conflicts, *exclude],
    )
    return Matchmaking(plan, reasons)
