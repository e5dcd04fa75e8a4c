"""The check-in desk: one code, one check-in, a clear reason for every refusal."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from talentbridge.models import User
from talentbridge.services import log_action

from ..models import CODE_ALPHABET, Event, Registration
from . import EventError

RegStatus = Registration.Status


class AlreadyCheckedIn(EventError):
    """The code was already used; carries the registration so the desk can show when."""

    def __init__(self, registration: Registration):
        self.registration = registration
        when = date_format(timezone.localtime(registration.checked_in_at), "DATETIME_FORMAT")
        super().__init__(
            _("%(name)s was already checked in at %(time)s.")
            % {"name": registration.user.name, "time": when}
        )


def normalise_code(raw: str) -> str:
    """The code as stored: upper case, without the spaces and dashes people type."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


@transaction.atomic
def check_in(event: Event, code: str, *, actor: User) -> Registration:
    """Check in the holder of ``code`` at ``event``, once; refuse anything else with a reason."""
    code = normalise_code(code)
    if not code or any(ch not in CODE_ALPHABET for ch in code):
        raise EventError(_("This is not a valid check-in code."))
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("user", "category", "event")
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
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = actor
    registration.save(update_fields=["status", "checked_in_at", "checked_in_by"])
    log_action(
        registration,
        "events.registration.check_in",
        actor=actor,
        changes={"status": [RegStatus.CONFIRMED, RegStatus.CHECKED_IN]},
    )
    return registration
