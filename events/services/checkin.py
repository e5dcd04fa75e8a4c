"""The check-in desk: one code, one check-in, a clear reason for every refusal."""

from datetime import datetime, timedelta
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from talentbridge.models import User
from talentbridge.services import log_action

from ..live_checkin import publish_counters_on_commit
from ..models import CODE_ALPHABET, CheckInScan, Event, Registration
from . import EventError

RegStatus = Registration.Status


class AlreadyCheckedIn(EventError):
    """The code was already used; carries the registration so the desk can show when."""

    def __init__(self, registration: Registration):
        self.registration = registration
        when = date_format(timezone.localtime(registration.checked_in_at), "DATETIME_FORMAT")
        values = {"name": registration.user.name, "time": when}
        if registration.checked_in_by is None:
            super().__init__(_("%(name)s was already checked in at %(time)s.") % values)
        else:
            values["by"] = registration.checked_in_by.name
            super().__init__(_("%(name)s was already checked in at %(time)s by %(by)s.") % values)


def normalise_code(raw: str) -> str:
    """The code as stored: upper case, without the spaces and dashes people type."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


@transaction.atomic
def check_in(
    event: Event, code: str, *, actor: User, at: datetime | None = None, publish: bool = True
) -> Registration:
    """Check in the holder of ``code`` at ``event``, once; refuse anything else with a reason.
    ``at`` is when the code was scanned, if earlier than now (a desk that was offline). The
    event's new counters are pushed to its desks on commit, unless ``publish`` is False (a
    batch publishes once at its end)."""
    code = normalise_code(code)
    if not code or any(ch not in CODE_ALPHABET for ch in code):
        raise EventError(_("This is not a valid check-in code."))
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("user", "category", "event", "checked_in_by")
        .filter(code=code)
        .first()
    )
    if registration is None:
        raise EventError(_("Unknown code: no registration has this code."))
    if registration.event_id != event.pk:
        raise EventError(
            _("This code is for another event: %(event)s.") % {"event": registration.event.title}
        )
    if registration.status == RegStatus.CHECKED_IN:
        raise AlreadyCheckedIn(registration)
    if registration.status != RegStatus.CONFIRMED:
        raise EventError(
            _("%(name)s cannot be checked in: the registration is “%(status)s”.")
            % {"name": registration.user.name, "status": registration.get_status_display()}
        )
    registration.status = RegStatus.CHECKED_IN
    registration.checked_in_at = at or timezone.now()
    registration.checked_in_by = actor
    registration.save(update_fields=["status", "checked_in_at", "checked_in_by"])
    log_action(
        registration,
        "events.registration.check_in",
        actor=actor,
        changes={"status": [RegStatus.CONFIRMED, RegStatus.CHECKED_IN]},
    )
    if publish:
        publish_counters_on_commit(event.pk)
    return registration


# A desk's clock may be off, and a scan older than this is not believed: it is dated now.
OFFLINE_SCAN_MAX_AGE = timedelta(days=2)


def _believable(scanned_at: datetime | None) -> datetime:
    now = timezone.now()
    if scanned_at is None or not (now - OFFLINE_SCAN_MAX_AGE <= scanned_at <= now):
        return now
    return scanned_at


def record_scans(
    event: Event, scans: list[tuple[UUID, str, datetime | None]], *, actor: User
) -> list[CheckInScan]:
    """Apply a batch of ``(scan_id, code, scanned_at)`` a desk queued while offline, each as
    ``record_scan`` does; the counters are pushed once, after the batch, if it checked anyone
    in (a replayed batch does not)."""
    known = set(
        CheckInScan.objects.filter(
            event=event, scan_id__in=[scan_id for scan_id, _code, _at in scans]
        ).values_list("scan_id", flat=True)
    )
    applied = [
        record_scan(
            event, scan_id=scan_id, code=code, scanned_at=scanned_at, actor=actor, publish=False
        )
        for scan_id, code, scanned_at in scans
    ]
    if any(
        scan.outcome == CheckInScan.Outcome.CHECKED_IN and scan.scan_id not in known
        for scan in applied
    ):
        publish_counters_on_commit(event.pk)
    return applied


def record_scan(
    event: Event,
    *,
    scan_id: UUID,
    code: str,
    scanned_at: datetime | None,
    actor: User,
    publish: bool = True,
) -> CheckInScan:
    """Apply one scan a desk queued (maybe offline), once per ``scan_id``: a replay answers
    what the first delivery did; the same code from two desks checks in once, and the later
    scan is told when and by whom."""
    known = CheckInScan.objects.filter(scan_id=scan_id, event=event).first()
    if known is not None:
        return known
    at = _believable(scanned_at)
    registration = None
    try:
        with transaction.atomic():
            try:
                registration = check_in(event, code, actor=actor, at=at, publish=publish)
                outcome, message = CheckInScan.Outcome.CHECKED_IN, ""
            except AlreadyCheckedIn as error:
                registration = error.registration
                outcome, message = CheckInScan.Outcome.ALREADY, str(error)
            except EventError as error:
                outcome, message = CheckInScan.Outcome.REFUSED, str(error)
            return CheckInScan.objects.create(
                scan_id=scan_id,
                event=event,
                registration=registration,
                code=normalise_code(code)[:40],
                outcome=outcome,
                message=message[:300],
                scanned_at=at,
                scanned_by=actor,
            )
    except IntegrityError:
        # The same scan arrived twice at once: the other delivery applied it.
        return CheckInScan.objects.get(scan_id=scan_id, event=event)
