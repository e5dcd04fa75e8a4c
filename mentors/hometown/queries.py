"""Reads of the hometown programme: the roster with its filters and groupings, contacts due,
the register of current advisers."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, QuerySet

from talentbridge.models import Office, OfficeRole, User

from ..models import IndustryChain, Mentor
from ..regions import in_place
from ..search import search_filter
from .models import Appointment, ContactLog, RosterEntry

# The register flags terms that end within this many days.
EXPIRING_DAYS = 60


@dataclass(frozen=True)
class RosterFilters:
    q: str = ""
    tag: str = ""
    works_in: str = ""
    field: IndustryChain | None = None
    liaison: User | None = None
    due: bool = False
    readiness: str = ""  # "advise", "return" or "invest"


def roster(office: Office, filters: RosterFilters, today: date) -> QuerySet[RosterEntry]:
    """The office's roster entries matching ``filters``, with what a row shows (a constant
    number of queries: the page and the experts' fields)."""
    entries = (
        RosterEntry.objects.filter(office=office)
        .select_related("mentor__affiliation", "mentor__current_region", "liaison")
        .prefetch_related("mentor__fields")
    )
    if filters.q:
        entries = entries.filter(mentor__in=Mentor.objects.filter(search_filter(filters.q)))
    if filters.tag:
        entries = entries.filter(tags__contains=filters.tag)
    if filters.works_in:
        works = in_place(filters.works_in, "current_region", ("current_city",))
        entries = entries.filter(mentor__in=Mentor.objects.filter(works))
    if filters.field:
        entries = entries.filter(mentor__fields=filters.field)
    if filters.liaison:
        entries = entries.filter(liaison=filters.liaison)
    if filters.due:
        entries = entries.filter(next_contact_on__lte=today)
    if filters.readiness in ("advise", "return", "invest"):
        entries = entries.filter(**{f"willing_to_{filters.readiness}": True})
    return entries.order_by("mentor__name", "id")


def roster_by_workplace(office: Office) -> QuerySet:
    """Where the office's natives work now (the city they live in), with how many each."""
    return (
        RosterEntry.objects.filter(office=office)
        .values("mentor__current_city")
        .annotate(people=Count("pk"))
        .order_by("-people", "mentor__current_city")
    )


def roster_by_field(office: Office) -> QuerySet:
    """The fields the office's natives work in, with how many each."""
    return (
        IndustryChain.objects.filter(mentors__roster_entries__office=office)
        .annotate(people=Count("mentors__roster_entries", distinct=True))
        .order_by("-people", "order", "slug")
    )


def roster_tags(office: Office) -> list[str]:
    """Every tag used on the office's roster, sorted."""
    tags = set()
    for text in RosterEntry.objects.filter(office=office).values_list("tags", flat=True):
        tags.update(tag for tag in text.split(",") if tag)
    return sorted(tags)


def office_liaisons(office: Office) -> QuerySet[User]:
    return User.objects.filter(
        memberships__office=office, memberships__role=OfficeRole.LIAISON
    ).order_by("name", "pk")


def contact_log(entry: RosterEntry) -> QuerySet[ContactLog]:
    return entry.log.select_related("contacted_by")


def advisers(office: Office, *, today: date, expiring: bool = False) -> QuerySet[Appointment]:
    """The office's current appointments, those ending first first; ``expiring`` keeps the
    terms that end within ``EXPIRING_DAYS`` (or have already ended but were not renewed)."""
    rows = Appointment.objects.filter(office=office, status=Appointment.Status.ACTIVE)
    if expiring:
        rows = rows.filter(term_end__lte=today + timedelta(days=EXPIRING_DAYS))
    return rows.select_related("mentor__affiliation", "certificate").order_by(
        "term_end", "mentor__name", "id"
    )


def appointments_of(mentor: Mentor, office: Office) -> QuerySet[Appointment]:
    return Appointment.objects.filter(office=office, mentor=mentor).select_related("certificate")


def expiring_soon(appointment: Appointment, today: date) -> bool:
    return appointment.term_end <= today + timedelta(days=EXPIRING_DAYS)
