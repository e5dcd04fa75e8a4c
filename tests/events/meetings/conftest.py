"""A matchmaking day run by ``organizer``'s office, 13:30–17:30, with two seated attendees
who opted in (``alice`` and ``bob``) and one who did not (``carol``)."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from events.meetings.services.day import add_slots, add_tables
from events.meetings.services.profiles import opt_in
from events.models import Event
from tests.factories import AttendeeCategoryFactory, EventFactory, RegistrationFactory, UserFactory


@pytest.fixture(autouse=True)
def _english():
    # Refusals are matched by their English text.
    with translation.override("en"):
        yield


@pytest.fixture
def day(host_office, organizer):
    start = (timezone.now() + timedelta(days=10)).replace(hour=13, minute=30, second=0)
    event = EventFactory(
        title="产才融合对接会",
        kind=Event.Kind.MATCHMAKING,
        office=host_office,
        starts_at=start,
        ends_at=start + timedelta(hours=4),
    )
    add_slots(
        event, starts_at=start, ends_at=start + timedelta(hours=1), minutes=20, actor=organizer
    )
    add_tables(event, count=2, prefix="A", actor=organizer)
    return event


@pytest.fixture
def attendees(day):
    category = AttendeeCategoryFactory(event=day, name="对接嘉宾")
    return [
        RegistrationFactory(category=category, user=UserFactory(name=name)).user
        for name in ("林企业", "陈专家", "王路演")
    ]


@pytest.fixture
def alice(day, attendees):
    user = attendees[0]
    opt_in(day, user, offers="海洋监测订单", seeks="传感器专家", max_meetings=4, actor=user)
    return user


@pytest.fixture
def bob(day, attendees):
    user = attendees[1]
    opt_in(day, user, offers="水下传感器", seeks="应用场景", max_meetings=4, actor=user)
    return user


@pytest.fixture
def carol(attendees):
    return attendees[2]
