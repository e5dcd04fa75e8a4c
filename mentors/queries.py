"""Reusable read querysets for people, organisations, pairings, the offices that hold them
and the invitations to claim a profile."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from talentbridge.models import Office
from talentbridge.rules import is_admin, managed_office_ids

from .models import (
    ClaimStatus,
    Honour,
    IndustryChain,
    Mentee,
    Mentor,
    Organization,
    Pairing,
    ProfileInvitation,
)
from .regions import in_place
from .search import search_filter

DOMESTIC_COUNTRIES = ("", "中国", "China", "CN")


def occupied_places(mentor: Mentor) -> int:
    """How many of the expert's capacity places accepted/celebrated/active pairings take."""
    return Pairing.objects.filter(mentor=mentor, status__in=Pairing.OCCUPYING).count()


def _occupied_subquery():
    return Coalesce(
        Subquery(
            Pairing.objects.filter(mentor=OuterRef("pk"), status__in=Pairing.OCCUPYING)
            .order_by()
            .values("mentor")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def has_language(code: str) -> Q:
    """Profiles whose space-separated ``languages`` include ``code``."""
    return (
        Q(languages=code)
        | Q(languages__startswith=f"{code} ")
        | Q(languages__endswith=f" {code}")
        | Q(languages__contains=f" {code} ")
    )


def in_hometown(place: str) -> Q:
    """Profiles in the place ``place`` names at any level and in part (金乡 → 金乡县, 济宁 →
    its counties, 山东 → all of Shandong), through the region tree (``mentors.regions``)."""
    return in_place(place)


@dataclass(frozen=True)
class MentorFilters:
    """What the expert directory is filtered and sorted by (all optional)."""

    q: str = ""
    field: IndustryChain | None = None
    honour: Honour | None = None
    region: str = ""  # "domestic" or "overseas"
    hometown: str = ""
    language: str = ""
    has_capacity: bool = False
    sort: str = "name"


MENTOR_SORTS = {
    "name": ("name", "id"),
    "seniority": ("honour_level", "name", "id"),
    "newest": ("-created_at", "-id"),
}


def mentor_directory(filters: MentorFilters) -> QuerySet[Mentor]:
    """Experts matching ``filters``, with what a directory row shows, in a constant
    number of queries (one for the page, one per prefetched tag list)."""
    mentors = Mentor.objects.select_related("affiliation").prefetch_related("honours", "fields")
    if filters.q:
        mentors = mentors.filter(search_filter(filters.q))
    if filters.field:
        mentors = mentors.filter(fields=filters.field)
    if filters.honour:
        mentors = mentors.filter(honours=filters.honour)
    if filters.region == "domestic":
        mentors = mentors.filter(country__in=DOMESTIC_COUNTRIES)
    elif filters.region == "overseas":
        mentors = mentors.exclude(country__in=DOMESTIC_COUNTRIES)
    if filters.hometown:
        mentors = mentors.filter(in_hometown(filters.hometown))
    if filters.language:
        mentors = mentors.filter(has_language(filters.language))
    mentors = mentors.annotate(occupied=_occupied_subquery())
    if filters.has_capacity:
        mentors = mentors.filter(available=True, capacity__gt=F("occupied"))
    return mentors.order_by(*MENTOR_SORTS.get(filters.sort, MENTOR_SORTS["name"]))


def hometown_groups(*, place: str = "") -> QuerySet:
    """Hometowns (province, city, county) with how many experts come from each; ``place``
    keeps those whose province, city or county contains it."""
    mentors = Mentor.objects.exclude(province="", city="", county="")
    if place:
        mentors = mentors.filter(in_hometown(place))
    return (
        mentors.order_by()
        .values("province", "city", "county")
        .annotate(experts=Count("pk"))
        .order_by("-experts", "province", "city", "county")
    )


def mentee_directory(
    *, q: str = "", field: IndustryChain | None = None, kind: str = "", place: str = ""
) -> QuerySet[Mentee]:
    """Mentees matching the filters, ready for a directory page."""
    mentees = Mentee.objects.select_related("organization").prefetch_related("fields")
    if q:
        mentees = mentees.filter(search_filter(q))
    if field:
        mentees = mentees.filter(fields=field)
    if kind:
        mentees = mentees.filter(kind=kind)
    if place:
        mentees = mentees.filter(in_hometown(place))
    return mentees.order_by("name", "id")


def organization_directory(
    *, q: str = "", field: IndustryChain | None = None, kind: str = "", place: str = ""
) -> QuerySet[Organization]:
    """Organisations matching the filters, ready for a directory page."""
    organizations = Organization.objects.prefetch_related("fields").annotate(
        expert_count=Count("mentors", distinct=True)
    )
    if q:
        organizations = organizations.filter(search_filter(q))
    if field:
        organizations = organizations.filter(fields=field)
    if kind:
        organizations = organizations.filter(kind=kind)
    if place:
        organizations = organizations.filter(in_hometown(place))
    return organizations.order_by("name", "id")


def open_pairing(mentor: Mentor, mentee: Mentee) -> Pairing | None:
    """The pairing of these two that is proposed or under way, if any (at most one)."""
    return Pairing.objects.filter(mentor=mentor, mentee=mentee, status__in=Pairing.OPEN).first()


def pairings_for_mentor(mentor: Mentor) -> QuerySet[Pairing]:
    return mentor.pairings.select_related("mentee__organization", "mentor").order_by(
        "-proposed_at", "-id"
    )


def pairings_for_mentee(mentee: Mentee) -> QuerySet[Pairing]:
    return mentee.pairings.select_related("mentor__affiliation", "mentee").order_by(
        "-proposed_at", "-id"
    )


# --- The controlled lists ---------------------------------------------------------------------


def _tagging_relations(model) -> list:
    """The many-to-many relations through which records (of any app) are tagged with entries
    of ``model``; found from the model's metadata, so that this app imports no other."""
    return [rel for rel in model._meta.related_objects if rel.many_to_many]


def _tagged_rows(rel):
    return rel.through.objects.order_by(), rel.field.m2m_reverse_field_name()


def taxonomy_entries(model: type[IndustryChain] | type[Honour]) -> QuerySet:
    """Every entry of a controlled list, in list order, with ``uses``: how many records
    (experts, mentees, organisations, postings…) are tagged with it. One query."""
    uses = Value(0, output_field=IntegerField())
    for rel in _tagging_relations(model):
        rows, column = _tagged_rows(rel)
        count = (
            rows.filter(**{column: OuterRef("pk")})
            .values(column)
            .annotate(n=Count("pk"))
            .values("n")
        )
        uses = uses + Coalesce(Subquery(count, output_field=IntegerField()), 0)
    return model.objects.annotate(uses=uses).order_by("order", "slug")


def taxonomy_uses(entry: IndustryChain | Honour) -> list[tuple[str, int]]:
    """What is tagged with ``entry``: (kind of record, how many) for each kind in use."""
    uses = []
    for rel in _tagging_relations(type(entry)):
        rows, column = _tagged_rows(rel)
        count = rows.filter(**{column: entry.pk}).count()
        if count:
            uses.append((str(rel.related_model._meta.verbose_name_plural), count))
    return uses


# --- Offices and the people they hold ---------------------------------------------------------


@dataclass(frozen=True)
class HeldPeople:
    """The experts, mentees and organisations one office holds."""

    mentors: QuerySet[Mentor]
    mentees: QuerySet[Mentee]
    organizations: QuerySet[Organization]


def people_held_by(office: Office | int) -> HeldPeople:
    """Everyone ``office`` holds (imported, created, invited, registered at its event)."""
    return HeldPeople(
        mentors=Mentor.objects.filter(holdings__office=office),
        mentees=Mentee.objects.filter(holdings__office=office),
        organizations=Organization.objects.filter(holdings__office=office),
    )


def offices_for_people(user) -> QuerySet[Office]:
    """The offices in whose name ``user`` creates or imports people and invites experts: the
    offices they manage; every office for a platform administrator."""
    if is_admin(user):
        return Office.objects.order_by("name")
    return Office.objects.filter(pk__in=managed_office_ids(user)).order_by("name")


def holding_offices(held: Mentor | Mentee | Organization) -> QuerySet[Office]:
    """The offices that hold a person or an organisation, by name."""
    return Office.objects.filter(**{f"holdings__{held._meta.model_name}": held}).order_by("name")


def _latest_invitation(office: Office, column: str) -> Subquery:
    rows = ProfileInvitation.objects.filter(office=office, mentor=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    return Subquery(rows.values(column)[:1])


def claim_status_expression() -> Case:
    """The :class:`ClaimStatus` of each expert from its office's latest invitation (the
    ``invitation_*`` annotations of :func:`held_experts`)."""
    status = ProfileInvitation.Status
    return Case(
        When(user__isnull=False, then=Value(ClaimStatus.JOINED)),
        When(
            Q(invitation_status__isnull=True) | Q(invitation_status=status.REVOKED),
            then=Value(ClaimStatus.NOT_INVITED),
        ),
        When(invitation_status=status.ACCEPTED, then=Value(ClaimStatus.JOINED)),
        When(invitation_status=status.BOUNCED, then=Value(ClaimStatus.BOUNCED)),
        When(invitation_expires__lte=timezone.now(), then=Value(ClaimStatus.EXPIRED)),
        When(invitation_opened__isnull=False, then=Value(ClaimStatus.OPENED)),
        default=Value(ClaimStatus.INVITED),
        output_field=CharField(),
    )


def held_experts(office: Office, *, status: str = "", q: str = "") -> QuerySet[Mentor]:
    """The experts ``office`` holds, each with ``claim_status`` and its latest invitation's
    ``invitation_sent`` and ``invitation_expires``; ``status`` keeps one :class:`ClaimStatus`.
    A constant number of queries, whatever the count."""
    experts = (
        Mentor.objects.filter(holdings__office=office)
        .select_related("affiliation")
        .annotate(
            invitation_status=_latest_invitation(office, "status"),
            invitation_opened=_latest_invitation(office, "opened_at"),
            invitation_expires=_latest_invitation(office, "expires_at"),
            invitation_sent=_latest_invitation(office, "created_at"),
        )
        .annotate(claim_status=claim_status_expression())
    )
    if q:
        experts = experts.filter(search_filter(q))
    if status:
        experts = experts.filter(claim_status=status)
    return experts.order_by("name", "id")


def claim_status_counts(office: Office) -> dict[str, int]:
    """How many of the office's experts are in each :class:`ClaimStatus` (all keys present)."""
    counts = dict.fromkeys(ClaimStatus.values, 0)
    rows = held_experts(office).order_by().values("claim_status").annotate(n=Count("pk"))
    counts.update({row["claim_status"]: row["n"] for row in rows})
    return counts


def live_invitations(office: Office, mentor_ids) -> QuerySet[ProfileInvitation]:
    """The office's unexpired invitations of these experts (who have not joined) whose link
    still works, by the experts' names: what a printed sheet of links shows."""
    return (
        ProfileInvitation.objects.filter(
            office=office,
            mentor_id__in=mentor_ids,
            mentor__user__isnull=True,
            status__in=(ProfileInvitation.Status.PENDING, ProfileInvitation.Status.BOUNCED),
            expires_at__gt=timezone.now(),
        )
        .select_related("mentor__affiliation")
        .order_by("mentor__name", "mentor_id")
    )
