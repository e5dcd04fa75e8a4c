"""Reads of matchmaking days: suggested people (the matching engine, with reasons), a
participant's requests and agenda, the organizer's overview and the follow-up figures."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from events.models import Event, Meeting, MeetingFollowUp, MeetingProfile, MeetingRequest
from projects.matching import Expert, Item, MatchEngine

SUGGESTIONS = 30


def participants(event: Event) -> QuerySet:
    return (
        MeetingProfile.objects.filter(event=event)
        .select_related("user")
        .order_by("user__name", "pk")
    )


def _texts(profile: MeetingProfile) -> list[str]:
    return [profile.offers, profile.seeks]


@dataclass
class Suggested:
    """A participant worth meeting, with the engine's score and reasons."""

    profile: MeetingProfile
    score: float
    reasons: list[str] = field(default_factory=list)
    explained: list = field(default_factory=list)


def suggested_people(profile: MeetingProfile, *, k: int = SUGGESTIONS) -> list[Suggested]:
    """The participants whose offers best answer what ``profile`` seeks (and who seek what it
    offers), best first; people already asked or asking are left out."""
    others = list(participants(profile.event).exclude(pk=profile.pk))
    if not others:
        return []
    asked = MeetingRequest.objects.filter(status__in=MeetingRequest.OPEN).filter(
        Q(requester=profile) | Q(recipient=profile)
    )
    taken = {pk for pair in asked.values_list("requester_id", "recipient_id") for pk in pair}
    engine = MatchEngine()
    engine.index(
        [
            Expert(id=str(o.pk), texts=[o.offers, o.seeks], people=[f"user:{o.user_id}"])
            for o in others
        ]
    )
    item = Item(
        id=f"profile:{profile.pk}",
        text=f"{profile.seeks}\n{profile.offers}",
        people=[f"user:{profile.user_id}"],
    )
    by_id = {str(o.pk): o for o in others}
    ranked = engine.rank(item, k=k + len(taken))
    return [
        Suggested(by_id[s.expert_id], s.score, s.reasons)
        for s in ranked
        if int(s.expert_id) not in taken and s.score > 0
    ][:k]


def incoming(profile: MeetingProfile) -> QuerySet:
    return (
        MeetingRequest.objects.filter(recipient=profile)
        .select_related("requester__user", "recipient__user", "meeting__slot", "meeting__table")
        .order_by("status", "-created_at")
    )


def outgoing(profile: MeetingProfile) -> QuerySet:
    return (
        MeetingRequest.objects.filter(requester=profile)
        .select_related("requester__user", "recipient__user", "meeting__slot", "meeting__table")
        .order_by("status", "-created_at")
    )


@dataclass
class AgendaRow:
    meeting: Meeting
    other: MeetingProfile


def agenda(profile: MeetingProfile) -> list[AgendaRow]:
    """The participant's meetings in time order, each with the other side."""
    meetings = (
        Meeting.objects.filter(
            Q(request__requester=profile) | Q(request__recipient=profile),
            request__status=MeetingRequest.Status.ACCEPTED,
        )
        .select_related("slot", "table", "request__requester__user", "request__recipient__user")
        .order_by("slot__starts_at")
    )
    return [
        AgendaRow(
            m,
            m.request.recipient if m.request.requester_id == profile.pk else m.request.requester,
        )
        for m in meetings
    ]


def schedule_meetings(event: Event) -> QuerySet:
    return (
        Meeting.objects.filter(request__event=event)
        .select_related("slot", "table", "request__requester__user", "request__recipient__user")
        .order_by("slot__starts_at", "table__order", "pk")
    )


def unplaced(event: Event) -> QuerySet:
    """Accepted requests without a meeting, with the reason the scheduler gave."""
    return (
        MeetingRequest.objects.filter(
            event=event, status=MeetingRequest.Status.ACCEPTED, meeting__isnull=True
        )
        .select_related("requester__user", "recipient__user")
        .order_by("-priority", "created_at", "pk")
    )


def request_counts(event: Event) -> dict[str, int]:
    rows = MeetingRequest.objects.filter(event=event).values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in MeetingRequest.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def _contract_total(rows) -> Decimal:
    """Contract amounts of one stage, once per meeting (both sides may report it)."""
    amounts: dict[int, Decimal] = {}
    for meeting_id, amount in rows.filter(outcome="contract").values_list("meeting_id", "amount"):
        amounts[meeting_id] = max(amounts.get(meeting_id, Decimal(0)), amount or Decimal(0))
    return sum(amounts.values(), Decimal(0))


def follow_up_figures(event: Event) -> dict:
    """The day's meeting figures for the statistics: requests, meetings held, no-shows, and
    per follow-up stage how many meetings led to contact, cooperation or a contract."""
    meetings = Meeting.objects.filter(request__event=event)
    answers = MeetingFollowUp.objects.filter(meeting__request__event=event)
    stages = []
    for stage, label in MeetingFollowUp.Stage.choices:
        rows = answers.filter(stage=stage)
        outcome = {
            o: rows.filter(outcome=o).values("meeting").distinct().count()
            for o in MeetingFollowUp.Outcome.values
        }
        stages.append(
            {
                "label": label,
                "answers": rows.count(),
                "outcome": outcome,
                "amount": _contract_total(rows),
            }
        )
    return {
        "participants": event.meeting_profiles.count(),
        "requests": request_counts(event),
        "meetings": meetings.count(),
        "no_shows": meetings.exclude(no_show="").count(),
        "stages": stages,
    }
