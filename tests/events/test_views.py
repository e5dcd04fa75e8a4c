"""Pages of events: the permission matrix, bad input, HTMX partials, ETags and query counts."""

import pytest
from django.test import Client
from django.urls import reverse

from events import services
from events.models import Ceremony, CeremonyStep, Event, Registration
from tests.factories import AttendeeCategoryFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "visitor", "other_organizer", "organizer", "admin"]
PUBLIC = dict.fromkeys(ROLES, 200)
LOGGED_IN = {
    "anonymous": 302,
    "visitor": 200,
    "other_organizer": 200,
    "organizer": 200,
    "admin": 200,
}
TEAM = {"anonymous": 302, "visitor": 404, "other_organizer": 404, "organizer": 200, "admin": 200}
CREATORS = {
    "anonymous": 302,
    "visitor": 404,
    "other_organizer": 200,
    "organizer": 200,
    "admin": 200,
}
OWNER = {"anonymous": 302, "visitor": 200, "other_organizer": 404, "organizer": 200, "admin": 200}

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


@pytest.fixture
def world(event, ceremony, organizer, other_organizer, admin_user, mentee_user):
    category = AttendeeCategoryFactory(event=event, name="徒弟")
    registration = RegistrationFactory(category=category, user=mentee_user)
    users = {
        "anonymous": None,
        "visitor": mentee_user,
        "other_organizer": other_organizer,
        "organizer": organizer,
        "admin": admin_user,
    }
    refs = {"event": event.pk, "open_event": event.pk, "category": category.pk}
    refs["code"] = registration.code
    return users, refs


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


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


def test_cancel_of_someone_elses_ticket_is_404(world, other_organizer):
    _, refs = world
    response = client_as(UserFactory()).post(
        reverse("events:cancel", kwargs={"code": refs["code"]})
    )
    assert response.status_code == 404
    assert Registration.objects.get(code=refs["code"]).status == Registration.Status.CONFIRMED


def test_register_form_registers_and_redirects_to_ticket(event, guests, client_for):
    user = UserFactory()
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}),
        {"category": guests.pk, "organization_name": "四创科技", "consent_share_contacts": "on"},
    )
    registration = Registration.objects.get(user=user)
    assert response.status_code == 302
    assert response.url == reverse("events:ticket", kwargs={"code": registration.code})
    assert registration.consent_share_contacts is True
    page = client_for(user).get(response.url)
    assert b"<svg" in page.content
    assert registration.display_code in page.content.decode()


def test_register_after_close_shows_message(event, guests, client_for):
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CLOSED)
    user = UserFactory()
    response = client_for(user).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": guests.pk}, follow=True
    )
    assert "本活动尚未开放报名或报名已截止。" in response.content.decode()
    assert not Registration.objects.filter(user=user).exists()


def test_register_required_question_rerenders_with_error(event, guests, client_for):
    question = event.questions.create(label="<b>研究方向</b>", kind="text", required=True)
    response = client_for(UserFactory()).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": guests.pk}
    )
    assert response.status_code == 200
    assert f"question_{question.pk}" in response.context["form"].errors
    assert "&lt;b&gt;研究方向&lt;/b&gt;" in response.content.decode()


def test_register_with_bogus_category_rerenders(event, guests, client_for):
    response = client_for(UserFactory()).post(
        reverse("events:register", kwargs={"pk": event.pk}), {"category": "999999"}
    )
    assert response.status_code == 200
    assert "category" in response.context["form"].errors


@pytest.mark.parametrize(
    ("code", "message"),
    [("ZZZZ-ZZZZ-ZZZZ", "Unknown code"), ("'; DROP TABLE", "not a valid check-in code")],
)
def test_checkin_desk_bad_codes_show_clear_message(event, organizer, client_for, code, message):
    client = client_for(organizer)
    client.cookies["tb_language"] = "en"
    response = client.post(reverse("events:checkin", kwargs={"pk": event.pk}), {"code": code})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_checkin_desk_code_from_other_event(event, organizer, client_for):
    other = RegistrationFactory(category__event=EventFactory(title="侨智论坛"))
    client = client_for(organizer)
    client.cookies["tb_language"] = "en"
    response = client.post(reverse("events:checkin", kwargs={"pk": event.pk}), {"code": other.code})
    assert "This code is for another event: 侨智论坛." in response.content.decode()


def test_checkin_desk_htmx_twice(event, guests, organizer, client_for):
    registration = RegistrationFactory(category=guests)
    client = client_for(organizer)
    client.cookies["tb_language"] = "en"
    url = reverse("events:checkin", kwargs={"pk": event.pk})
    first = client.post(url, {"code": registration.display_code}, HTTP_HX_REQUEST="true")
    assert "Checked in" in first.content.decode()
    assert first["HX-Trigger"] == "checked-in"
    assert "<html" not in first.content.decode()
    second = client.post(url, {"code": registration.code}, HTTP_HX_REQUEST="true")
    assert "already checked in at" in second.content.decode()


def test_screen_state_etag_gives_304_until_a_step(
    world, organizer, django_assert_num_queries, django_capture_on_commit_callbacks
):
    _, refs = world
    url = reverse("events:screen_state", kwargs={"pk": refs["event"]})
    client = Client()
    first = client.get(url)
    etag = first["ETag"]
    assert first["Cache-Control"] == "no-cache"
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        client_as(organizer).post(
            reverse("events:console", kwargs={"pk": refs["event"]}), {"action": "start"}
        )
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_screen_state_of_event_made_draft_is_404(
    world, organizer, django_capture_on_commit_callbacks
):
    _, refs = world
    url = reverse("events:screen_state", kwargs={"pk": refs["event"]})
    assert Client().get(url).status_code == 200
    Event.objects.filter(pk=refs["event"]).update(status=Event.Status.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_event_status(Event.objects.get(pk=refs["event"]), "draft", actor=organizer)
    assert Client().get(url).status_code == 404


def test_console_step_shows_on_screen(world, organizer):
    _, refs = world
    ceremony = Ceremony.objects.get(event_id=refs["event"])
    mentor = ceremony.pairs.get(group=1, position=1).pairing.mentor
    client_as(organizer).post(
        reverse("events:console", kwargs={"pk": refs["event"]}), {"action": "start"}
    )
    screen = Client().get(reverse("events:screen_state", kwargs={"pk": refs["event"]}))
    assert mentor.name in screen.content.decode()
    assert "第一组" in screen.content.decode()


def test_console_unknown_action_is_refused(world, organizer):
    _, refs = world
    response = client_as(organizer).post(
        reverse("events:console", kwargs={"pk": refs["event"]}),
        {"action": "explode"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert CeremonyStep.objects.count() == 0


def _rows(event, count):
    for _ in range(count):
        RegistrationFactory(category__event=event)


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
