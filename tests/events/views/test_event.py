"""Pages of the event: the permission matrix, drafts hidden, refused posts, query counts."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import CeremonyStep, Event
from tests.factories import AttendeeCategoryFactory, EventFactory, RegistrationFactory, UserFactory

from .pages import CREATORS, LOGGED_IN, OWNER, PUBLIC, ROLES, TEAM, client_as

pytestmark = pytest.mark.django_db


MATRIX = [
    ("events:list", {}, PUBLIC),
    ("events:mine", {}, LOGGED_IN),
    ("events:create", {}, CREATORS),
    ("events:detail", {"pk": "event"}, PUBLIC),
    ("events:calendar", {"pk": "event"}, PUBLIC),
    ("events:register", {"pk": "open_event"}, LOGGED_IN),
    ("events:edit", {"pk": "event"}, TEAM),
    ("events:manage", {"pk": "event"}, TEAM),
    ("events:category_add", {"pk": "event"}, TEAM),
    ("events:question_add", {"pk": "event"}, TEAM),
    ("events:session_add", {"pk": "event"}, TEAM),
    ("events:postings", {"pk": "event"}, TEAM),
    ("events:registrations", {"pk": "event"}, TEAM),
    ("events:checkin", {"pk": "event"}, TEAM),
    ("events:checkin_counters", {"pk": "event"}, TEAM),
    ("events:badges", {"pk": "event", "category_id": "category"}, TEAM),
    ("events:ceremony", {"pk": "event"}, TEAM),
    ("events:console", {"pk": "event"}, TEAM),
    ("events:ticket", {"code": "code"}, OWNER),
    ("events:screen", {"pk": "event"}, PUBLIC),
    ("events:screen_state", {"pk": "event"}, PUBLIC),
    ("events:audience", {"pk": "event"}, PUBLIC),
    ("events:audience_state", {"pk": "event"}, PUBLIC),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "kwargs", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_permission_matrix(world, role, name, kwargs, expected):
    users, refs = world
    # The visitor already holds a registration; register redirects them to their ticket.
    if name == "events:register" and role == "visitor":
        expected = {**expected, "visitor": 302}
    url = reverse(name, kwargs={key: refs[value] for key, value in kwargs.items()})
    response = client_as(users[role]).get(url)
    assert response.status_code == expected[role]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 404), ("visitor", 404), ("other_organizer", 404), ("organizer", 200)],
)
def test_draft_event_is_hidden_from_everyone_but_its_team(world, role, expected):
    users, refs = world
    Event.objects.filter(pk=refs["event"]).update(status=Event.Status.DRAFT)
    for name in ("events:detail", "events:screen", "events:screen_state"):
        response = client_as(users[role]).get(reverse(name, kwargs={"pk": refs["event"]}))
        assert response.status_code == expected


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("events:status", {"status": "held"}),
        ("events:ceremony_fill", {}),
        ("events:console", {"action": "start"}),
    ],
)
def test_posts_of_other_organizer_are_refused(world, other_organizer, name, data):
    _, refs = world
    response = client_as(other_organizer).post(reverse(name, kwargs={"pk": refs["event"]}), data)
    assert response.status_code == 404
    assert CeremonyStep.objects.count() == 0
    assert Event.objects.get(pk=refs["event"]).status == Event.Status.REGISTRATION_OPEN


@pytest.mark.parametrize(
    ("name", "who"),
    [("events:registrations", "organizer"), ("events:mine", "attendee"), ("events:list", "anon")],
)
def test_list_pages_run_constant_queries(organizer, django_assert_num_queries, name, who):
    attendee = UserFactory()

    def measure(count):
        event = EventFactory(organizers=[organizer])
        for _ in range(count):
            category = AttendeeCategoryFactory(event=event)
            RegistrationFactory(category=category)
            RegistrationFactory(category=category, user=attendee, event=EventFactory())
        client = {"organizer": client_as(organizer), "attendee": client_as(attendee)}.get(
            who, Client()
        )
        url = reverse(name, kwargs={"pk": event.pk} if name == "events:registrations" else {})
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert measure(1) == measure(20)
