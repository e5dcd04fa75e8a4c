"""Commissioners suggested for a firm: rows → matching engine → ranked, explained candidates.

The firm is the item (its description, fields and region, and what its service records and
whistle requests say it needs); the office's commissioners are the experts (their profile,
fields and where they work). A commissioner employed by the firm is a conflict of interest
and is never suggested; one already serving the firm is left out.
"""

from dataclasses import dataclass

from mentors.models import Organization
from projects.matching import Expert, Item, MatchConfig, MatchEngine
from projects.suggestions.inputs import field_tags
from projects.suggestions.reasons import explain_reasons
from talentbridge.models import Office, User

from .models import ServiceRecord, WhistleRequest
from .queries import active_dispatches, commissioners_of

# How many recent records and requests of the firm say what it needs.
RECENT_NEEDS = 10
# An office's pool is tens of people: too few for the engine's latent-semantic layer to learn
# anything, so it ranks on words, topics, fields and places only.
POOL_CONFIG = MatchConfig(semantic_weight=0.0)


@dataclass
class Candidate:
    commissioner: User
    score: float
    label: str
    explained: list[tuple[str, str]]
    serving: int


def commissioner_expert(user: User) -> Expert | None:
    """The engine's view of a commissioner, from their expert profile (None without one)."""
    mentor = getattr(user, "mentor_profile", None)
    if mentor is None:
        return None
    affiliation = mentor.affiliation
    return Expert(
        id=str(user.pk),
        texts=[text for text in (mentor.research_fields, mentor.bio, mentor.achievements) if text],
        tags=field_tags(mentor.fields.all()),
        region=mentor.current_city or (affiliation.region_label if affiliation else ""),
        hometown=mentor.region_label,
        languages=mentor.languages.split(),
        people=[f"user:{user.pk}"],
        organizations=[affiliation.name] if affiliation else [],
    )


def firm_item(organization: Organization, office: Office) -> Item:
    """The firm as the engine's query: what it does and what its recent visits found."""
    findings = ServiceRecord.objects.filter(organization=organization, office=office).order_by(
        "-served_on", "-pk"
    )[:RECENT_NEEDS]
    asks = WhistleRequest.objects.filter(organization=organization, office=office).order_by(
        "-raised_at", "-pk"
    )[:RECENT_NEEDS]
    fields = list(organization.fields.all())
    parts = [
        organization.description,
        " ".join(field_tags(fields)),
        *(record.findings for record in findings),
        *(f"{whistle.title} {whistle.details}" for whistle in asks),
    ]
    return Item(
        id=str(organization.pk),
        text="\n".join(part for part in parts if part),
        tags=field_tags(fields),
        region=organization.region_label,
        organizations=[organization.name],
    )


def suggest_commissioners(office: Office, organization: Organization, k: int = 5):
    """The ``k`` commissioners of ``office`` who fit ``organization`` best, best first."""
    pool = list(commissioners_of(office).prefetch_related("mentor_profile__fields"))
    serving_firm = set(
        active_dispatches()
        .filter(office=office, organization=organization)
        .values_list("commissioner_id", flat=True)
    )
    experts = [
        expert
        for user in pool
        if user.pk not in serving_firm and (expert := commissioner_expert(user)) is not None
    ]
    if not experts:
        return []
    engine = MatchEngine(POOL_CONFIG)
    engine.index(experts)
    load = _load(office)
    by_id = {str(user.pk): user for user in pool}
    return [
        Candidate(
            commissioner=by_id[suggestion.expert_id],
            score=suggestion.score,
            label=suggestion.label,
            explained=explain_reasons(suggestion.reasons),
            serving=load.get(int(suggestion.expert_id), 0),
        )
        for suggestion in engine.rank(firm_item(organization, office), k)
    ]


def _load(office: Office) -> dict[int, int]:
    """How many firms each commissioner of the office serves now."""
    load: dict[int, int] = {}
    for commissioner_id in (
        active_dispatches().filter(office=office).values_list("commissioner_id", flat=True)
    ):
        load[commissioner_id] = load.get(commissioner_id, 0) + 1
    return load
