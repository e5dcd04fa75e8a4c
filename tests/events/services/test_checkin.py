"""Check-in rules: one code, one check-in, and a reason for every refusal."""

import pytest
from django.utils import translation

from events.models import Registration
from events.services import EventError, checkin, registration
from events.services.checkin import AlreadyCheckedIn
from talentbridge.models import AuditEntry
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Domain errors are matched by their English text.
    with translation.override("en"):
        yield


Status = Registration.Status


def register(event, category, user=None, **kwargs):
    return registration.register_for_event(
        event, user=user or UserFactory(), category=category, **kwargs
    )


def test_check_in_once_then_already_checked_in(event, guests, organizer):
    registration = register(event, guests)
    checked = checkin.check_in(event, registration.display_code.lower(), actor=organizer)
    assert checked.status == Status.CHECKED_IN
    assert checked.checked_in_by == organizer
    with pytest.raises(AlreadyCheckedIn, match="already checked in at"):
        checkin.check_in(event, registration.code, actor=organizer)


def test_check_in_forged_code_is_refused(event, organizer):
    with pytest.raises(EventError, match="Unknown code"):
        checkin.check_in(event, "ABCD-EFGH-JKLM", actor=organizer)
    with pytest.raises(EventError, match="not a valid check-in code"):
        checkin.check_in(event, "<script>", actor=organizer)


def test_check_in_code_of_another_event_is_refused(event, organizer):
    other = RegistrationFactory(category__event=EventFactory(title="侨智论坛"))
    with pytest.raises(EventError, match="another event: 侨智论坛"):
        checkin.check_in(event, other.code, actor=organizer)
    other.refresh_from_db()
    assert other.status == Status.CONFIRMED


def test_check_in_waitlisted_is_refused(event, guests, organizer):
    waiting = RegistrationFactory(category=guests, status=Status.WAITLISTED)
    with pytest.raises(EventError, match="cannot be checked in"):
        checkin.check_in(event, waiting.code, actor=organizer)


def test_check_in_is_recorded_with_the_desk_person(event, guests, organizer):
    registration = register(event, guests)
    checkin.check_in(event, registration.code, actor=organizer)
    entry = AuditEntry.objects.get(action="events.registration.check_in")
    assert (entry.actor, entry.object_id, entry.changes) == (
        organizer,
        str(registration.pk),
        {"status": ["confirmed", "checked_in"]},
    )
