"""Reads of postings: the boards, a user's postings, the review queue, a posting's timeline.

``filter_board(queryset, params)`` filters and sorts ANY base queryset of projects or
challenges by the board's GET parameters, so other pages (an event's boards) reuse the board
with their own base queryset; ``board_rows`` adds what a card needs in a constant number of
queries.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from mentors.models import IndustryChain, Organization
from mentors.regions import in_place
from projects.forms.boards import BoardFilterForm
from projects.models import PUBLIC_STATUSES, Challenge, Claim, PostingEvent, Project, Status
from talentbridge.models import Office


def board_model(kind: str) -> type[Project] | type[Challenge]:
    """The model of a board's kind (``challenges`` or ``projects``)."""
    return Challenge if kind == Challenge.kind else Project


def published_postings(kind: str) -> QuerySet:
    """Everything on a public board (published up to closed), newest first."""
    return board_model(kind).objects.filter(status__in=PUBLIC_STATUSES)


def filter_board(queryset: QuerySet, params, *, kind: str | None = None) -> QuerySet:
    """Filter and sort a base queryset of postings by the board's GET parameters.

    ``params`` is a QueryDict (``request.GET``) or a BoardFilterForm. Unknown or invalid
    parameters are ignored; with no ``status`` parameter, closed postings are left out.
    """
    kind = kind or queryset.model.kind
    form = params if isinstance(params, BoardFilterForm) else BoardFilterForm(params, kind=kind)
    form.is_valid()  # cleaned_data then holds the valid parameters only
    data = form.cleaned_data
    if query := (data.get("q") or "").strip().casefold():
        # The search column is lower-cased; a trigram index serves this on PostgreSQL.
        for word in query.split():
            queryset = queryset.filter(search_text__contains=word)
    if field := data.get("field"):
        queryset = queryset.filter(fields=field)
    if province := (data.get("province") or "").strip():
        # Any level, in part, through the region tree: 济宁 finds postings landing in 金乡县.
        queryset = queryset.filter(in_place(province))
    if status := data.get("status"):
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.exclude(status__in=[Status.CLOSED, Status.WITHDRAWN])
    today = timezone.localdate()
    match data.get("deadline"):
        case "7" | "30" as days:
            queryset = queryset.filter(
                deadline__gte=today, deadline__lte=today + timedelta(days=int(days))
            )
        case "open":
            queryset = queryset.filter(Q(deadline__isnull=True) | Q(deadline__gte=today))
    if (amount := data.get("min_amount")) is not None:
        column = "reward_max" if kind == Challenge.kind else "intended_investment"
        queryset = queryset.filter(**{f"{column}__gte": amount * 10_000})
    return queryset.order_by(*BoardFilterForm.SORTS[data.get("sort") or "new"])


def _accepted_count_subquery(model) -> Subquery:
    ref = "challenge" if model is Challenge else "project"
    claims = (
        Claim.objects.filter(**{ref: OuterRef("pk")}, status=Claim.Status.ACCEPTED)
        .order_by()
        .values(ref)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(claims, output_field=IntegerField()), 0)


def board_rows(queryset: QuerySet) -> QuerySet:
    """Add what a board card shows (poster, fields, accepted claims) without N+1 queries."""
    return (
        queryset.select_related("poster_mentor", "poster_mentee", "poster_organization")
        .prefetch_related(
            Prefetch("fields", queryset=IndustryChain.objects.order_by("order", "slug"))
        )
        .annotate(accepted_count=_accepted_count_subquery(queryset.model))
    )


def owned_postings(user, kind: str) -> QuerySet:
    """A user's postings with their claims (and claimants) prefetched."""
    return (
        board_model(kind)
        .objects.filter(owner=user)
        .exclude(status=Status.WITHDRAWN)
        .select_related("poster_mentor", "poster_mentee", "poster_organization")
        .prefetch_related(
            Prefetch(
                "claims",
                queryset=Claim.objects.select_related("claimant", "mentor", "mentee")
                .prefetch_related("attachments")
                .order_by("created_at", "id"),
            )
        )
        .order_by("-created_at", "-id")
    )


def history_of(posting) -> QuerySet:
    """A posting's timeline, oldest first."""
    return posting.history.select_related("actor", "claim__claimant").order_by("at", "id")


def review_queue(kind: str, office_ids: Iterable[int] | None = None) -> QuerySet:
    """Postings waiting for review, oldest submission first: those submitted to
    ``office_ids``, or to any office (and to none) when it is None."""
    postings = board_model(kind).objects.filter(status=Status.SUBMITTED)
    if office_ids is not None:
        postings = postings.filter(office__in=list(office_ids))
    return postings.select_related(
        "owner", "office", "poster_mentor", "poster_mentee", "poster_organization"
    ).order_by("submitted_at", "id")


@dataclass(frozen=True)
class OfficePostings:
    """The demands and projects submitted to one office, in every status, newest first."""

    challenges: QuerySet
    projects: QuerySet


def postings_of_office(office: Office | int) -> OfficePostings:
    """Every posting submitted to ``office`` (filter the querysets by status as needed)."""
    return OfficePostings(
        challenges=Challenge.objects.filter(office=office).order_by("-created_at", "-id"),
        projects=Project.objects.filter(office=office).order_by("-created_at", "-id"),
    )


def latest_send_back(posting) -> PostingEvent | None:
    """The organizers' latest request for changes, shown to the poster of a draft."""
    return posting.history.filter(action=PostingEvent.Action.SENT_BACK).order_by("-at").first()


def send_back_count(posting) -> int:
    """How many times the organizers have sent the posting back."""
    return posting.history.filter(action=PostingEvent.Action.SENT_BACK).count()


def organization_named(name: str) -> Organization | None:
    """The existing organisation of that name (ignoring case and outer spaces), if any."""
    return Organization.objects.filter(name__iexact=name.strip()).order_by("pk").first()
