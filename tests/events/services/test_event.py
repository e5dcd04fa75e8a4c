"""The event's lifecycle and edits, with the audit trail they write."""

import pytest
from django.utils import translation

from events.models import Event
from events.services import EventError
from events.services import event as services
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Domain errors are matched by their English text.
    with translation.override("en"):
        yield


def test_event_status_follows_lifecycle(event, organizer):
    draft = EventFactory(status=Event.Status.DRAFT)
    assert services.set_event_status(draft, "published", actor=organizer).status == "published"
    with pytest.raises(EventError):
        services.set_event_status(draft, "archived", actor=organizer)
