"""Reusable read querysets for people, organisations and pairings."""

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from .models import Honour, IndustryChain, Mentee, Mentor, Organization, Pairing
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
    """Profiles whose hometown province, city or county contains ``place``: a short name
    (金乡, 山东) finds the full one (金乡县, 山东省)."""
    return Q(county__contains=place) | Q(city__contains=place) | Q(province__contains=place)


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
