"""Follow-ups (跟踪回访) on landings: recording a check-in, and reminding the people
responsible when a landing's yearly check-in is due."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import FollowUp, Landing
from talentbridge.models import MANAGING_ROLES, Membership, User
from talentbridge.services import log_action, notify

from .common import BoardError

FIELDS = (
    "checked_on",
    "status",
    "actual_investment",
    "revenue_band",
    "jobs_created",
    "talents_brought",
    "notes",
)


@transaction.atomic
def record_followup(landing: Landing, *, actor: User, checked_on: date, **values) -> FollowUp:
    """Record one check-in on ``landing`` (yearly or on demand), on or after its landing."""
    if checked_on < landing.landed_on:
        raise BoardError(_("A follow-up cannot be dated before the landing."))
    followup = FollowUp.objects.create(
        landing=landing, checked_on=checked_on, recorded_by=actor, **values
    )
    log_action(
        followup,
        "projects.followup.record",
        actor=actor,
        changes={name: [None, str(getattr(followup, name))] for name in FIELDS},
    )
    return followup


def anniversary(landed_on: date, year: int) -> date:
    """The day in ``year`` a landing's yearly check-in falls due (29 February → 28)."""
    try:
        return landed_on.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def due_date(landing: Landing, today: date) -> date | None:
    """When this year's check-in fell due, if it has and none was recorded since; else None."""
    if landing.landed_on.year >= today.year:
        return None
    due = anniversary(landing.landed_on, today.year)
    if due > today:
        return None
    if any(followup.checked_on >= due for followup in landing.followups.all()):
        return None
    return due


def _recipients(landing: Landing) -> list[User]:
    """The project's owner and the managers of the office that runs the posting."""
    posting = landing.posting
    managers = User.objects.filter(
        pk__in=Membership.objects.filter(
            office_id=posting.office_id, role__in=MANAGING_ROLES
        ).values("user_id")
    )
    people = {user.pk: user for user in managers}
    if posting.owner is not None:
        people.setdefault(posting.owner_id, posting.owner)
    return list(people.values())


def remind_followups(today: date) -> int:
    """Remind the people responsible for every landing whose yearly check-in is due.

    Idempotent per landing and year: the notification key carries both, so a repeated run
    (the beat runs daily) delivers nothing more. Returns how many landings are due.
    """
    landings = (
        Landing.objects.filter(landed_on__year__lt=today.year)
        .select_related("project__owner", "challenge__owner")
        .prefetch_related("followups")
    )
    due_count = 0
    for landing in landings:
        due = due_date(landing, today)
        if due is None:
            continue
        due_count += 1
        posting = landing.posting
        for user in _recipients(landing):
            notify(
                user,
                key=f"projects.followup.{landing.pk}.{today.year}",
                template="projects_followup_due",
                context={"title": posting.title, "due": due.isoformat(), "year": today.year},
                url=posting.get_absolute_url(),
            )
    return due_count
