"""Figures about attendance: registrations, check-ins and no-shows; registrations over
time; the events of a scope."""

from django.db.models import Count, Q
from django.db.models.functions import TruncDate

from ..models import AttendeeCategory, Registration
from .scope import Scope, events_in, registrations_in

RegStatus = Registration.Status
# A registration that holds or asked for a seat (not waitlisted, not cancelled).
REGISTERED = (RegStatus.PENDING, RegStatus.CONFIRMED, RegStatus.CHECKED_IN)

_COUNTS = {
    "registered": Count("pk", filter=Q(status__in=REGISTERED)),
    "checked_in": Count("pk", filter=Q(status=RegStatus.CHECKED_IN)),
    "no_show": Count("pk", filter=Q(status=RegStatus.CONFIRMED)),
    "waitlisted": Count("pk", filter=Q(status=RegStatus.WAITLISTED)),
    "cancelled": Count("pk", filter=Q(status=RegStatus.CANCELLED)),
}
COLUMNS = tuple(_COUNTS)


def registrations_by_category(scope: Scope) -> dict:
    """Registrations per attendee category — per category of the event, or per kind of
    category across events — with a total row.

    ``registered`` holds or awaits a seat (pending, confirmed, checked in); ``checked_in``
    came; ``no_show`` is confirmed but never checked in (after the event, the people who
    did not come; before it, those still expected); ``waitlisted`` and ``cancelled`` as
    named.
    """
    registrations = registrations_in(scope)
    if scope.event:
        grouped = registrations.values("category_id").annotate(**_COUNTS).order_by()
        by_key = {row["category_id"]: row for row in grouped}
        labels = [(c.pk, c.name) for c in scope.event.categories.all()]
    else:
        grouped = registrations.values("category__kind").annotate(**_COUNTS).order_by()
        by_key = {row["category__kind"]: row for row in grouped}
        labels = [(k, str(label)) for k, label in AttendeeCategory.Kind.choices]
    rows = [
        {"label": label, **{c: by_key.get(key, {}).get(c, 0) for c in COLUMNS}}
        for key, label in labels
    ]
    total = {c: sum(row[c] for row in rows) for c in COLUMNS}
    return {"rows": rows, "total": total}


def registrations_over_time(scope: Scope) -> list[dict]:
    """Registrations per day of registering (waitlisted included, cancelled ones too: they
    registered that day), with the running total."""
    days = (
        registrations_in(scope)
        .annotate(day=TruncDate("created_at"))
        .values_list("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    rows, running = [], 0
    for day, count in days:
        running += count
        rows.append({"day": day.isoformat(), "count": count, "cumulative": running})
    return rows


def event_rows(scope: Scope) -> list:
    """The scope's events with their registrations, check-ins and collected postings."""
    return list(
        events_in(scope)
        .annotate(
            registered=Count(
                "registrations",
                filter=Q(registrations__status__in=REGISTERED),
                distinct=True,
            ),
            checked_in=Count(
                "registrations",
                filter=Q(registrations__status=RegStatus.CHECKED_IN),
                distinct=True,
            ),
            collected=Count("postings", distinct=True),
        )
        .order_by("-starts_at", "-id")
    )
