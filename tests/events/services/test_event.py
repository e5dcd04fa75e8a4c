"""The event's lifecycle and edits, with the audit trail they write."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from events.models import Event
from events.services import EventError
from events.services import event as services
from talentbridge.models import AuditEntry
from tests.factories import EventFactory, OrganizationFactory

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


def test_status_change_is_recorded(event, organizer):
    draft = EventFactory(status=Event.Status.DRAFT)
    services.set_event_status(draft, "published", actor=organizer)
    entry = AuditEntry.objects.get(action="events.event.status")
    assert (entry.actor, entry.object_id, entry.changes) == (
        organizer,
        str(draft.pk),
        {"status": ["draft", "published"]},
    )


def test_edit_records_only_the_values_that_changed(event, organizer):
    host, partner = OrganizationFactory(name="福州市人民政府"), OrganizationFactory(name="晋安区")
    services.edit_event(
        event,
        actor=organizer,
        title="第三届大会",
        venue=event.venue,
        host=host,
        co_hosts=[partner],
    )
    event.refresh_from_db()
    assert (event.title, event.host, list(event.co_hosts.all())) == ("第三届大会", host, [partner])
    entry = AuditEntry.objects.get(action="events.event.edit")
    assert entry.changes == {
        "title": ["第二届中国侨智发展大会", "第三届大会"],
        "host": [None, "福州市人民政府"],
        "co_hosts": [[], ["晋安区"]],
    }


def test_an_edit_that_changes_nothing_writes_no_entry(event, organizer):
    services.edit_event(event, actor=organizer, title=event.title)
    assert not AuditEntry.objects.filter(action="events.event.edit").exists()


def test_creating_an_event_gives_it_to_the_office(organizer, host_office):
    start = timezone.now() + timedelta(days=10)
    event = services.create_event(
        actor=organizer,
        office=host_office,
        title="侨智论坛",
        starts_at=start,
        ends_at=start,
        venue="福州",
    )
    assert (event.status, event.office, list(event.members.all())) == ("draft", host_office, [])
    assert AuditEntry.objects.get(action="events.event.create").object_id == str(event.pk)
