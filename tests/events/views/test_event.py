"""Pages of the event: the permission matrix, drafts hidden, refused posts, query counts."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import CeremonyStep, Event, EventPosting
from events.queries import BOARD_PREVIEW
from events.services.event import set_event_status
from tests.factories import (
    AttendeeCategoryFactory,
    ChallengeFactory,
    EventFactory,
    ProjectFactory,
    RegistrationFactory,
    UserFactory,
)

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


# --- Bad input on the organizers' forms ------------------------------------------------------

GOOD_EVENT = {
    "title": "侨智论坛",
    "kind": "forum",
    "starts_at": "2027-03-01T09:00",
    "ends_at": "2027-03-01T17:00",
    "venue": "福州海峡会展中心",
}


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59"])
@pytest.mark.parametrize("field", ["starts_at", "ends_at", "call_opens_at", "call_closes_at"])
def test_event_form_refuses_dates_out_of_range(organizer, host_office, client_for, when, field):
    response = client_for(organizer).post(reverse("events:create"), {**GOOD_EVENT, field: when})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.filter(title="侨智论坛").exists()


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_event_edit_refuses_dates_out_of_range(event, organizer, client_for, when):
    url = reverse("events:edit", kwargs={"pk": event.pk})
    response = client_for(organizer).post(url, {**GOOD_EVENT, "starts_at": when})
    assert response.status_code == 200
    assert "starts_at" in response.context["form"].errors
    event.refresh_from_db()
    assert event.title == "第二届中国侨智发展大会"


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_agenda_form_refuses_dates_out_of_range(event, organizer, client_for, when):
    response = client_for(organizer).post(
        reverse("events:session_add", kwargs={"pk": event.pk}),
        {"kind": "forum", "title": "圆桌论坛", "starts_at": when, "ends_at": "2027-03-01T17:00"},
    )
    assert response.status_code == 200
    assert "starts_at" in response.context["form"].errors
    assert not event.sessions.exists()


def test_event_form_refuses_co_host_ids_beyond_64_bits(organizer, host_office, client_for):
    response = client_for(organizer).post(
        reverse("events:create"), {**GOOD_EVENT, "co_hosts": "99999999999999999999"}
    )
    assert response.status_code == 200
    assert "co_hosts" in response.context["form"].errors


def test_duplicate_category_name_is_a_form_error(event, guests, organizer, client_for):
    client = client_for(organizer)
    form = {"name": "嘉宾", "kind": "guest", "capacity": 10, "access": "open", "order": 1}
    created = client.post(reverse("events:category_add", kwargs={"pk": event.pk}), form)
    assert created.status_code == 200
    assert created.context["form"].errors["name"] == ["本活动已有名为“嘉宾”的参会类别。"]
    media = AttendeeCategoryFactory(event=event, name="媒体")
    url = reverse("events:category_edit", kwargs={"pk": event.pk, "category_id": media.pk})
    renamed = client.post(url, form)
    assert renamed.status_code == 200
    assert "name" in renamed.context["form"].errors
    media.refresh_from_db()
    assert media.name == "媒体"
    assert event.categories.count() == 2


# --- The event page --------------------------------------------------------------------------


def test_event_page_links_to_every_posting_of_the_event(event, organizer):
    projects = [ProjectFactory() for _ in range(BOARD_PREVIEW + 1)]
    demands = [ChallengeFactory() for _ in range(2)]
    for project in projects:
        EventPosting.objects.create(event=event, project=project)
    for demand in demands:
        EventPosting.objects.create(event=event, challenge=demand)
    html = Client().get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    board = reverse("events:board", kwargs={"pk": event.pk, "kind": "projects"})
    assert f'href="{board}"' in html
    assert f"查看全部 {BOARD_PREVIEW + 1} 个项目" in html
    # Every demand is already on the page: no link.
    assert reverse("events:board", kwargs={"pk": event.pk, "kind": "challenges"}) not in html
    page = Client().get(board)
    assert page.status_code == 200
    assert {p.pk for p in page.context["page"]} == {p.pk for p in projects}


def test_event_board_of_a_draft_event_or_unknown_kind_is_404(event, organizer):
    assert Client().get(reverse("events:board", args=[event.pk, "people"])).status_code == 404
    Event.objects.filter(pk=event.pk).update(status=Event.Status.DRAFT)
    assert Client().get(reverse("events:board", args=[event.pk, "projects"])).status_code == 404


def test_event_page_counts_postings_on_site_and_pairs_on_stage_apart(event, ceremony):
    for _ in range(4):
        EventPosting.objects.create(event=event, project=ProjectFactory(), posted_on_site=True)
    html = Client().get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    assert "共 4 个项目和需求现场张榜。" in html
    assert "共 4 对师徒上台" not in html
    assert "共 3 对师徒上台。" in html  # the ceremony's running order
    english = Client()
    english.cookies["tb_language"] = "en"
    html = english.get(reverse("events:detail", kwargs={"pk": event.pk})).content.decode()
    assert "4 projects and demands are posted on site." in html
    assert "3 pairs on stage." in html


def test_manage_page_shows_the_events_history_to_its_organizers(event, organizer, client_for):
    set_event_status(event, Event.Status.CLOSED, actor=organizer)
    html = client_for(organizer).get(reverse("events:manage", kwargs={"pk": event.pk}))
    html = html.content.decode()
    assert "audit-history" in html
    assert "<code>events.event.status</code>" in html
    assert "registration_open → closed" in html
