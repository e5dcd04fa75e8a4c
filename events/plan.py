"""The organizer's pairing plan for an event: which of the event's experts should mentor which
of its mentees so that the total match score is highest, within every expert's free places.

Scores come from the matching engine (``projects.suggestions``); the optimum comes from the
engine's ``plan_pairings`` and is shown against the greedy best-first plan a person would make
from a sorted list. Locked and ruled-out pairs are the organizer's ``PlanConstraint`` rows,
written by ``events.services.plan``; nothing here writes.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor, Pairing
from projects.matching import greedy_pairings, plan_pairings
from projects.models import CLAIMABLE_STATUSES, Challenge, Claim, MatchSuggestion
from projects.suggestions import MENTORS
from projects.suggestions.inputs import candidate_engine, mentee_item, posting_item
from talentbridge.parsing import parse_int

from .models import Event, PlanConstraint, Registration

# How many new mentees one expert takes at a summit unless the organizer says otherwise: on
# stage every expert hands one ribbon, and capacity then binds, which is what a plan is for.
DEFAULT_PER_MENTOR = 1
MAX_PER_MENTOR = 10


MENTEES, CHALLENGES = "mentees", "challenges"
# What a plan pairs the event's experts with: its mentees (师带徒) or its demands (揭榜挂帅).
TARGETS = (CHALLENGES, MENTEES)


@dataclass
class PlanRow:
    """One planned pair, with the expert the greedy plan gives the same target instead."""

    mentor: Mentor
    target: Mentee | Challenge
    score: float
    locked: bool = False
    reasons: list[str] = field(default_factory=list)
    greedy_mentor: Mentor | None = None
    explained: list[tuple[str, str]] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return self.greedy_mentor is None or self.greedy_mentor.pk != self.mentor.pk


# Why a demand or mentee stayed out of the plan, by the engine's stable codes.
UNPAIRED_REASONS = {
    "no_capacity": _("no free slot"),
    "no_match": _("no expert matches at all"),
    "conflict": _("only conflicts of interest match"),
    "ruled_out": _("the matching experts were ruled out"),
    "below_min_score": _("matches are below the minimum score"),
    "taken": _("the matching experts went to better pairs"),
}


@dataclass
class PairingPlan:
    """The optimal plan of an event, its total and the greedy plan's total."""

    of: str
    rows: list[PlanRow]
    total: float
    greedy_total: float
    mentors: list[Mentor]
    targets: list
    unplanned: list
    decisions: list[PlanConstraint]
    per_mentor: int
    error: str = ""
    # The weakest score the plan pairs, and why the demands or mentees it left out stayed so.
    min_score: float = 0.0
    unpaired: list[tuple[str, int]] = field(default_factory=list)

    @property
    def gain(self) -> float:
        return self.total - self.greedy_total

    @property
    def gain_percent(self) -> float:
        """How much higher the optimal total is than the greedy one, in percent."""
        return 100 * self.gain / self.greedy_total if self.greedy_total > 0 else 0.0

    @property
    def ruled_out(self) -> list[PlanConstraint]:
        return [d for d in self.decisions if d.kind == PlanConstraint.Kind.RULED_OUT]


def _linked(event: Event, role: str) -> Q:
    """People linked to the event: registered, or posting / claiming one of its postings."""
    registered = Q(
        user__event_registrations__event=event,
        user__event_registrations__status__in=Registration.ACTIVE,
    )
    postings = event.postings.all()
    posted = Q(pk__in=postings.filter(project__isnull=False).values(f"project__poster_{role}"))
    posted |= Q(pk__in=postings.filter(challenge__isnull=False).values(f"challenge__poster_{role}"))
    claimed = Q(
        pk__in=postings.filter(challenge__isnull=False).values(f"challenge__claims__{role}")
    )
    claimed |= Q(pk__in=postings.filter(project__isnull=False).values(f"project__claims__{role}"))
    return registered | posted | claimed


def event_mentors(event: Event) -> QuerySet:
    """The event's available experts, with ``promised`` = their open pairings."""
    # Membership as a subquery: joining registrations here would multiply the pairing count.
    linked = Mentor.objects.filter(_linked(event, "mentor")).values("pk")
    return (
        Mentor.objects.filter(pk__in=linked, available=True)
        .annotate(promised=Count("pairings", filter=Q(pairings__status__in=Pairing.OPEN)))
        .order_by("name", "pk")
    )


def event_mentees(event: Event) -> QuerySet:
    """The event's mentees without an open pairing: registered, posting, claiming, or on the
    team of an organisation that brought a demand or project to the event."""
    postings = event.postings.all()
    organisations = Q(
        organization__in=postings.filter(challenge__isnull=False).values(
            "challenge__poster_organization"
        )
    ) | Q(
        organization__in=postings.filter(project__isnull=False).values(
            "project__poster_organization"
        )
    )
    paired = Pairing.objects.filter(status__in=Pairing.OPEN).values("mentee")
    linked = Mentee.objects.filter(_linked(event, "mentee") | organisations).values("pk")
    return (
        Mentee.objects.filter(pk__in=linked)
        .exclude(pk__in=paired)
        .prefetch_related("fields")
        .order_by("name", "pk")
    )


def event_challenges(event: Event) -> QuerySet:
    """The event's demands open for claims, with ``taken`` = accepted claims."""
    return (
        Challenge.objects.filter(event_links__event=event, status__in=CLAIMABLE_STATUSES)
        .annotate(taken=Count("claims", filter=Q(claims__status=Claim.Status.ACCEPTED)))
        .select_related("poster_mentee", "poster_organization")
        .prefetch_related("fields")
        .order_by("title", "pk")
    )


def parse_per_mentor(value) -> int:
    """The "mentees per expert" setting from a GET/POST value; bad input means the default."""
    number = parse_int(value)
    if number is None:
        return DEFAULT_PER_MENTOR
    return min(max(number, 1), MAX_PER_MENTOR)


def parse_target(value) -> str:
    return value if value in TARGETS else CHALLENGES


def score_matrix(mentors: list[Mentor], targets: list, of: str) -> dict[tuple[str, str], float]:
    """Every (mentor, target) score from the engine, keyed by their ids as strings."""
    if not mentors:
        return {}
    engine = candidate_engine(MENTORS)
    item_of = mentee_item if of == MENTEES else posting_item
    mentor_ids = [str(m.pk) for m in mentors]
    scores = {}
    for target in targets:
        for mentor_id, score in zip(
            mentor_ids, engine.score(item_of(target), mentor_ids), strict=True
        ):
            scores[(mentor_id, str(target.pk))] = score
    return scores


def build_plan(
    event: Event, *, of: str = CHALLENGES, per_mentor: int = DEFAULT_PER_MENTOR
) -> PairingPlan:
    """The optimal plan for the event's experts × its demands (or mentees) under the
    organizer's decisions, with the greedy plan's total for comparison."""
    column = "mentee" if of == MENTEES else "challenge"
    mentors = list(event_mentors(event))
    targets = list(event_mentees(event) if of == MENTEES else event_challenges(event))
    by_mentor = {str(m.pk): m for m in mentors}
    by_target = {str(t.pk): t for t in targets}
    # A mentee takes one mentor; a demand as many experts as it has free slots. An expert
    # takes at most ``per_mentor``, and for mentees never beyond their free places.
    capacity = {
        str(m.pk): per_mentor
        if of == CHALLENGES
        else min(per_mentor, max(m.capacity - m.promised, 0))
        for m in mentors
    }
    slots = {str(t.pk): 1 if of == MENTEES else max(t.slots - t.taken, 0) for t in targets}
    scores = score_matrix(mentors, targets, of)
    decisions = [
        d
        for d in event.plan_constraints.filter(**{f"{column}__isnull": False})
        .select_related("mentor", column)
        .order_by("created_at", "pk")
        if str(d.mentor_id) in by_mentor and str(getattr(d, f"{column}_id")) in by_target
    ]
    pairs = {
        kind: [
            (str(d.mentor_id), str(getattr(d, f"{column}_id"))) for d in decisions if d.kind == kind
        ]
        for kind in PlanConstraint.Kind.values
    }
    locked, ruled_out = pairs[PlanConstraint.Kind.LOCKED], pairs[PlanConstraint.Kind.RULED_OUT]
    error = ""
    minimum = settings.PAIRING_PLAN_MIN_SCORE
    try:
        best = plan_pairings(
            scores, capacity, slots, locked=locked, ruled_out=ruled_out, min_score=minimum
        )
    except ValueError:
        error = str(_("The locked pairs exceed a free place or slot; they are left out."))
        locked = []
        best = plan_pairings(scores, capacity, slots, ruled_out=ruled_out, min_score=minimum)
    greedy = greedy_pairings(
        scores, capacity, slots, locked=locked, ruled_out=ruled_out, min_score=minimum
    )
    greedy_of: dict[str, list[str]] = {}
    for mentor_id, target_id, _score in greedy.pairs:
        greedy_of.setdefault(target_id, []).append(mentor_id)
    reasons = _stored_reasons(best.pairs, column)
    locked_set = set(locked)
    rows = []
    for mentor_id, target_id, score in best.pairs:
        # The greedy expert shown is one the optimum did not also give this target.
        planned_here = {m for m, t, _s in best.pairs if t == target_id}
        alternatives = [m for m in greedy_of.get(target_id, []) if m not in planned_here]
        same = mentor_id in greedy_of.get(target_id, [])
        rows.append(
            PlanRow(
                mentor=by_mentor[mentor_id],
                target=by_target[target_id],
                score=score,
                locked=(mentor_id, target_id) in locked_set,
                reasons=reasons.get((mentor_id, target_id), []),
                greedy_mentor=by_mentor[mentor_id]
                if same
                else by_mentor.get(alternatives[0] if alternatives else ""),
            )
        )
    planned = {row.target.pk for row in rows}
    return PairingPlan(
        of=of,
        rows=rows,
        total=best.total,
        greedy_total=greedy.total,
        mentors=mentors,
        targets=targets,
        unplanned=[t for t in targets if t.pk not in planned],
        decisions=decisions,
        per_mentor=per_mentor,
        error=error,
        min_score=minimum,
        unpaired=[
            (str(UNPAIRED_REASONS.get(reason, reason)), count)
            for reason, count in sorted(best.unpaired_counts()["items"].items())
        ],
    )


def _stored_reasons(pairs, column: str) -> dict[tuple[str, str], list[str]]:
    """The reasons of the planned pairs that are also on the target's stored list."""
    field_name = "for_mentee" if column == "mentee" else "challenge"
    target_ids = {int(target_id) for _m, target_id, _s in pairs}
    rows = MatchSuggestion.objects.filter(**{f"{field_name}__in": target_ids}).values_list(
        "mentor_id", f"{field_name}_id", "reasons"
    )
    return {(str(mentor_id), str(target_id)): reasons for mentor_id, target_id, reasons in rows}
