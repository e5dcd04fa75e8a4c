"""Reads of commissioners' work: the directory, who serves which firm, the lists of a
commissioner's and a firm's records, drafts and whistle requests, and an office's pool."""

from collections.abc import Iterable

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from mentors.models import Mentor, Organization
from mentors.search import search_filter
from talentbridge.models import MANAGING_ROLES, Membership, Office, OfficeRole, User

from .models import (
    CommissionerRequest,
    DemandDraft,
    Dispatch,
    ServiceRecord,
    WhistlePolicy,
    WhistleRequest,
)


def _count(rows: QuerySet, key: str, counted: str = "pk", *, distinct: bool = False):
    """A correlated count of ``rows`` grouped by ``key`` (0 when there is none)."""
    subquery = (
        rows.order_by().values(key).annotate(n=Count(counted, distinct=distinct)).values("n")[:1]
    )
    return Coalesce(Subquery(subquery, output_field=IntegerField()), 0)


# --- Offices and their pool -------------------------------------------------------------------


def policy_for(office: Office) -> WhistlePolicy:
    """The office's response deadlines; the defaults (24 h, 120 h) until it sets its own."""
    return WhistlePolicy.objects.filter(office=office).first() or WhistlePolicy(office=office)


def commissioners_of(office: Office | int) -> QuerySet[User]:
    """The people holding the commissioner role in ``office``, by name."""
    return (
        User.objects.filter(memberships__office=office, memberships__role=OfficeRole.COMMISSIONER)
        .select_related("mentor_profile__affiliation")
        .order_by("name", "pk")
    )


def office_managers(office: Office | int) -> QuerySet[User]:
    """The owners and managers of ``office``: who hears of escalations and requests."""
    managing = Membership.objects.filter(
        office=office, user=OuterRef("pk"), role__in=MANAGING_ROLES
    )
    return User.objects.filter(Exists(managing), is_active=True).order_by("pk")


def active_dispatches() -> QuerySet[Dispatch]:
    return Dispatch.objects.filter(status=Dispatch.Status.ACTIVE)


def office_dispatches(office: Office) -> QuerySet[Dispatch]:
    """The office's serving commissioners and their firms, newest first."""
    return active_dispatches().filter(office=office).select_related("commissioner", "organization")


def pending_requests(office: Office) -> QuerySet[CommissionerRequest]:
    return CommissionerRequest.objects.filter(
        office=office, status=CommissionerRequest.Status.PENDING
    ).select_related("organization", "commissioner", "requested_by")


def office_firms(office: Office, query: str = "") -> QuerySet[Organization]:
    """Firms the office serves (or, with a search, any enterprise by name), with the number
    of commissioners serving each and of records logged there for the office."""
    firms = Organization.objects.all()
    if query:
        firms = firms.filter(search_filter(query))
    else:
        firms = firms.filter(
            Exists(Dispatch.objects.filter(office=office, organization=OuterRef("pk")))
        )
    dispatches = active_dispatches().filter(office=office, organization=OuterRef("pk"))
    records = ServiceRecord.objects.filter(office=office, organization=OuterRef("pk"))
    return firms.annotate(
        serving=_count(dispatches, "organization"),
        record_count=_count(records, "organization"),
    ).order_by("-serving", "name", "pk")


def firm_dispatches(office: Office, organization: Organization) -> QuerySet[Dispatch]:
    """Every dispatch of the office to the firm, serving ones first."""
    return (
        Dispatch.objects.filter(office=office, organization=organization)
        .select_related("commissioner__mentor_profile__affiliation")
        .order_by("status", "-starts_on", "-pk")
    )


def first_responder(office: Office, organization: Organization, key_project: str = ""):
    """The dispatch that answers the firm's whistle first (第一响应人): the one serving the
    named key project, else the most recent serving the firm; None when nobody serves it."""
    serving = active_dispatches().filter(office=office, organization=organization)
    if key_project and (match := serving.filter(key_project=key_project).first()):
        return match
    return serving.order_by("-starts_on", "-pk").first()


# --- The directory ----------------------------------------------------------------------------


def commissioner_directory(
    *, query: str = "", field=None, institution: str = "", region: str = "", office=None
) -> QuerySet[Mentor]:
    """Expert profiles of commissioners, with their offices and service counts, busiest first.

    ``institution`` and ``region`` match parts of names (青岛, 海洋大学); ``region`` matches
    where the expert works or lives, or their institution's place.
    """
    role = Membership.objects.filter(user=OuterRef("user"), role=OfficeRole.COMMISSIONER)
    if office is not None:
        role = role.filter(office=office)
    mentors = Mentor.objects.filter(Exists(role))
    if query:
        mentors = mentors.filter(search_filter(query))
    if field is not None:
        mentors = mentors.filter(fields=field)
    if institution:
        mentors = mentors.filter(affiliation__name__icontains=institution)
    if region:
        mentors = mentors.filter(
            Q(current_city__icontains=region)
            | Q(affiliation__province__icontains=region)
            | Q(affiliation__city__icontains=region)
            | Q(affiliation__county__icontains=region)
        )
    records = ServiceRecord.objects.filter(commissioner=OuterRef("user"))
    confirmed = records.filter(status=ServiceRecord.Status.CONFIRMED)
    serving = active_dispatches().filter(commissioner=OuterRef("user"))
    roles = Membership.objects.filter(role=OfficeRole.COMMISSIONER).select_related("office")
    return (
        mentors.select_related("affiliation", "user")
        .prefetch_related(
            "fields", Prefetch("user__memberships", queryset=roles, to_attr="commissioner_roles")
        )
        .annotate(
            record_count=_count(records, "commissioner"),
            confirmed_count=_count(confirmed, "commissioner"),
            firm_count=_count(serving, "commissioner", "organization", distinct=True),
        )
        .order_by("-record_count", "name", "pk")
    )


def requestable_offices(commissioner: User) -> QuerySet[Office]:
    """The offices in which ``commissioner`` serves, where a firm may ask for them."""
    return Office.objects.filter(
        memberships__user=commissioner, memberships__role=OfficeRole.COMMISSIONER
    ).order_by("name")


# --- A commissioner's and a firm's work -------------------------------------------------------


def dispatches_of(commissioner: User) -> QuerySet[Dispatch]:
    """The firms a commissioner serves now."""
    return (
        active_dispatches()
        .filter(commissioner=commissioner)
        .select_related("organization", "office")
        .order_by("organization__name", "pk")
    )


def dispatches_for_firms(firm_ids: Iterable[int]) -> QuerySet[Dispatch]:
    """The commissioners serving the given firms now."""
    return (
        active_dispatches()
        .filter(organization__in=list(firm_ids))
        .select_related("organization", "office", "commissioner__mentor_profile__affiliation")
        .order_by("organization__name", "-starts_on", "pk")
    )


def _records() -> QuerySet[ServiceRecord]:
    return ServiceRecord.objects.select_related("organization", "commissioner", "office")


def records_by(commissioner: User) -> QuerySet[ServiceRecord]:
    return _records().filter(commissioner=commissioner)


def records_for_firms(firm_ids: Iterable[int]) -> QuerySet[ServiceRecord]:
    return _records().filter(organization__in=list(firm_ids))


def records_awaiting(firm_ids: Iterable[int]) -> QuerySet[ServiceRecord]:
    """Records the firms have not confirmed or disputed yet, oldest first."""
    return (
        records_for_firms(firm_ids)
        .filter(status=ServiceRecord.Status.SUBMITTED)
        .order_by("served_on", "pk")
    )


def drafts_awaiting(firm_ids: Iterable[int]) -> QuerySet[DemandDraft]:
    return DemandDraft.objects.filter(
        record__organization__in=list(firm_ids), status=DemandDraft.Status.DRAFT
    ).select_related("record__organization", "record__commissioner")


def drafts_by(commissioner: User) -> QuerySet[DemandDraft]:
    return DemandDraft.objects.filter(record__commissioner=commissioner).select_related(
        "record__organization", "challenge"
    )


def record_files(record: ServiceRecord):
    return record.files.all()


# --- Whistle requests -------------------------------------------------------------------------


def _whistles() -> QuerySet[WhistleRequest]:
    return WhistleRequest.objects.select_related("organization", "commissioner", "office")


def open_whistles_of(commissioner: User, *, keep: int | None = None) -> QuerySet[WhistleRequest]:
    """A commissioner's requests still to acknowledge or close, the nearest deadline first
    (and request ``keep``, whatever its status: the one a record already answers)."""
    still_open = Q(commissioner=commissioner, status__in=WhistleRequest.OPEN_STATUSES)
    return (
        _whistles()
        .filter(still_open | Q(pk=keep) if keep else still_open)
        .order_by("acknowledge_by", "pk")
    )


def whistles_for_firms(firm_ids: Iterable[int]) -> QuerySet[WhistleRequest]:
    return _whistles().filter(organization__in=list(firm_ids))


def office_whistles(office: Office, *, open_only: bool = False) -> QuerySet[WhistleRequest]:
    """The office's requests; open ones sorted by their nearest deadline."""
    whistles = _whistles().filter(office=office)
    if open_only:
        return whistles.filter(status__in=WhistleRequest.OPEN_STATUSES).order_by(
            "acknowledge_by", "pk"
        )
    return whistles


def whistle_targets(user, managed_office_ids: Iterable[int]) -> list[tuple[Office, Organization]]:
    """(office, firm) pairs ``user`` may raise a whistle for: their own firms where an office
    serves them, and every firm served by an office they manage."""
    firm_ids = Organization.members.through.objects.filter(user=user).values("organization_id")
    dispatches = (
        active_dispatches()
        .filter(Q(organization__in=firm_ids) | Q(office__in=list(managed_office_ids)))
        .select_related("office", "organization")
        .order_by("office__name", "organization__name")
    )
    pairs: dict[tuple[int, int], tuple[Office, Organization]] = {}
    for dispatch in dispatches:
        pairs.setdefault(
            (dispatch.office_id, dispatch.organization_id), (dispatch.office, dispatch.organization)
        )
    return list(pairs.values())


def overdue_for_acknowledgement(now) -> QuerySet[WhistleRequest]:
    """Requests past their acknowledgement deadline that have not been escalated for it."""
    return WhistleRequest.objects.filter(
        status=WhistleRequest.Status.OPEN,
        acknowledge_by__lt=now,
        acknowledge_escalated_at__isnull=True,
    )


def overdue_for_closing(now) -> QuerySet[WhistleRequest]:
    """Requests past their closing deadline that have not been escalated for it."""
    return WhistleRequest.objects.filter(
        status__in=WhistleRequest.OPEN_STATUSES,
        close_by__lt=now,
        close_escalated_at__isnull=True,
    )


def is_overdue(whistle: WhistleRequest, now=None) -> bool:
    now = now or timezone.now()
    if whistle.status == WhistleRequest.Status.OPEN and whistle.acknowledge_by < now:
        return True
    return whistle.status in WhistleRequest.OPEN_STATUSES and whistle.close_by < now
