"""The call (征集令) that collects: a poster submits a project or demand to an event's call
while it is open; the organizers import projects and demands from a spreadsheet into it, and
reopen a closed call."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mentors.spreadsheets.rows import ImportPlan, ImportRejected, dry_run
from projects.models import Challenge, Project, Status
from projects.services.imports import create_imported_postings
from projects.spreadsheets import plan_postings
from talentbridge.models import User
from talentbridge.services import log_action

from ..models import Event, EventPosting
from . import EventError

# A posting in these statuses is no longer on offer and cannot be submitted.
ENDED = (Status.CLOSED, Status.WITHDRAWN)


def _closed_message(event: Event) -> str:
    if event.call_closes_at is None or event.call_opens_at is None:
        return _("This event has no call open for submissions.")
    if event.call_opens_at > timezone.now():
        return _("The call opens on %(date)s: submit your project or demand then.") % {
            "date": date_format(timezone.localtime(event.call_opens_at), "DATETIME_FORMAT")
        }
    return _("The call closed on %(date)s: submissions are no longer accepted.") % {
        "date": date_format(timezone.localtime(event.call_closes_at), "DATETIME_FORMAT")
    }


def check_call_open(event: Event) -> None:
    """Raise the reason a submission is refused while the call is not open."""
    if not event.call_is_open:
        raise EventError(_closed_message(event))


@transaction.atomic
def submit_to_call(event: Event, posting: Project | Challenge, *, actor: User) -> EventPosting:
    """Submit the poster's project or demand to the event's call, while the call is open.

    A draft or one awaiting review may be submitted: the office still reviews it before it
    appears on the boards. Submitting twice, or after the window, is refused with a reason.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    check_call_open(event)
    if posting.status in ENDED:
        raise EventError(
            _("“%(title)s” is %(status)s: it cannot be submitted.")
            % {"title": posting.title, "status": posting.get_status_display()}
        )
    field = "challenge" if isinstance(posting, Challenge) else "project"
    if EventPosting.objects.filter(event=event, **{field: posting}).exists():
        raise EventError(_("“%(title)s” is already in this call.") % {"title": posting.title})
    try:
        with transaction.atomic():
            link = EventPosting.objects.create(event=event, submitted_by=actor, **{field: posting})
    except IntegrityError as error:  # the same posting submitted concurrently
        raise EventError(
            _("“%(title)s” is already in this call.") % {"title": posting.title}
        ) from error
    log_action(
        event, "events.call.submit", actor=actor, changes={field: posting.title, "id": posting.pk}
    )
    return link


def call_import_plan(event: Event, kind: str, filename: str, data: bytes) -> ImportPlan:
    """The dry run of a file of projects or demands for the event's call; changes nothing.

    A title already in the call is an error, so that uploading a file twice adds nothing.
    """
    field = "challenge" if kind == "challenges" else "project"
    taken = {
        title.casefold()
        for title in event.postings.exclude(**{field: None}).values_list(
            f"{field}__title", flat=True
        )
    }
    return dry_run(
        kind, filename, data, lambda sheet: plan_postings(kind, sheet, taken_titles=taken)
    )


@transaction.atomic
def import_to_call(
    event: Event, kind: str, filename: str, data: bytes, *, actor: User
) -> ImportPlan:
    """Submit every row of the file to the event's call as a new project or demand, or none:
    a file with any error raises :class:`ImportRejected` and writes nothing.

    Like a poster's submission, it is refused while the call is not open; each posting
    awaits the review of the event's office and stands in the call's queue.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    check_call_open(event)
    plan = call_import_plan(event, kind, filename, data)
    if not plan.is_valid:
        raise ImportRejected(plan)
    postings = create_imported_postings(plan, actor=actor, office=event.office, source=filename)
    field = "challenge" if kind == "challenges" else "project"
    EventPosting.objects.bulk_create(
        [EventPosting(event=event, submitted_by=actor, **{field: p}) for p in postings]
    )
    log_action(
        event,
        "events.call.import",
        actor=actor,
        changes={"file": filename, "kind": kind, "created": len(postings)},
    )
    return plan


@transaction.atomic
def reopen_call(event: Event, *, closes_at: datetime, actor: User) -> Event:
    """Open the call again until ``closes_at`` (which must lie ahead)."""
    if closes_at <= timezone.now():
        raise EventError(_("Choose a closing time in the future."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    old = (event.call_opens_at, event.call_closes_at)
    if event.call_opens_at is None or event.call_opens_at > timezone.now():
        event.call_opens_at = timezone.now()
    event.call_closes_at = closes_at
    event.save(update_fields=["call_opens_at", "call_closes_at", "updated_at"])
    log_action(
        event,
        "events.call.reopen",
        actor=actor,
        changes={
            "call_opens_at": [str(old[0] or ""), str(event.call_opens_at)],
            "call_closes_at": [str(old[1] or ""), str(closes_at)],
        },
    )
    return event
