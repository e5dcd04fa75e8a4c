"""Reusable read querysets for the boards.

``filter_board(queryset, params)`` filters and sorts ANY base queryset of projects or
challenges by the board's GET parameters, so other pages (an event's boards) reuse the board
with their own base queryset; ``board_rows`` adds what a card needs in a constant number of
queries.
"""

from datetime import timedelta

from django import forms
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain

from .models import PUBLIC_STATUSES, Challenge, Claim, PostingEvent, Project, Status

BOARD_STATUSES = [(status.value, status.label) for status in PUBLIC_STATUSES]


def board_model(kind: str) -> type[Project] | type[Challenge]:
    return Challenge if kind == Challenge.kind else Project


def published_postings(kind: str) -> QuerySet:
    """Everything on a public board (published up to closed), newest first."""
    return board_model(kind).objects.filter(status__in=PUBLIC_STATUSES)


class BoardFilterForm(forms.Form):
    """The board's GET parameters; invalid values are ignored rather than reported."""

    SORTS = {
        "new": ("-published_at", "-id"),
        "deadline": (F("deadline").asc(nulls_last=True), "-id"),
        "reward": (F("reward_max").desc(nulls_last=True), "-id"),
        "investment": (F("intended_investment").desc(nulls_last=True), "-id"),
    }

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    field = forms.ModelChoiceField(
        label=_("Field"),
        queryset=IndustryChain.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )
    province = forms.CharField(label=_("Region"), required=False, max_length=40)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Open and in progress")), *BOARD_STATUSES],
        required=False,
    )
    deadline = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[
            ("", _("Any deadline")),
            ("7", _("Within 7 days")),
            ("30", _("Within 30 days")),
            ("open", _("Not passed")),
        ],
    )
    min_amount = forms.IntegerField(
        label=_("At least (10,000 yuan)"), required=False, min_value=0, max_value=10**8
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("new", _("Newest")),
            ("deadline", _("Deadline soonest")),
            ("reward", _("Highest reward")),
            ("investment", _("Highest investment")),
        ],
    )

    def __init__(self, data=None, *, kind: str = Challenge.kind, **kwargs):
        super().__init__(data, **kwargs)
        self.kind = kind
        # Reward applies to demands, investment to projects.
        drop = "investment" if kind == Challenge.kind else "reward"
        self.fields["sort"].choices = [c for c in self.fields["sort"].choices if c[0] != drop]
        if kind != Challenge.kind:
            self.fields["min_amount"].label = _("Investment at least (10,000 yuan)")
        else:
            self.fields["min_amount"].label = _("Reward at least (10,000 yuan)")


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
        queryset = queryset.filter(Q(province__startswith=province) | Q(city__startswith=province))
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


def claims_of_user(user) -> QuerySet:
    """A user's claims, newest first, with their postings."""
    return (
        Claim.objects.filter(claimant=user)
        .select_related("project__owner", "challenge__owner")
        .order_by("-created_at", "-id")
    )


def claims_for_posting(posting) -> QuerySet:
    return posting.claims.select_related(
        "claimant", "mentor", "mentee", "decided_by", "project__owner", "challenge__owner"
    ).prefetch_related("attachments")


def history_of(posting) -> QuerySet:
    return posting.history.select_related("actor", "claim__claimant").order_by("at", "id")


def review_queue(kind: str) -> QuerySet:
    """Postings waiting for an organizer's review, oldest submission first."""
    return (
        board_model(kind)
        .objects.filter(status=Status.SUBMITTED)
        .select_related("owner", "poster_mentor", "poster_mentee", "poster_organization")
        .order_by("submitted_at", "id")
    )


def latest_send_back(posting) -> PostingEvent | None:
    return posting.history.filter(action=PostingEvent.Action.SENT_BACK).order_by("-at").first()


def _contact(user, profile) -> dict:
    return {
        "name": getattr(profile, "name", "") or user.name,
        "email": getattr(profile, "email", "") or user.email,
        "phone": getattr(profile, "phone", "") or user.phone,
        "wechat": getattr(profile, "wechat", ""),
    }


def claim_contacts(claim: Claim) -> dict:
    """Both parties' contact details; show them only where ``can_see_claim_contacts`` allows."""
    posting = claim.posting
    poster = posting.poster_mentor or posting.poster_mentee
    return {
        "poster": _contact(posting.owner, poster),
        "claimant": _contact(claim.claimant, claim.mentor or claim.mentee),
    }
