"""The check-in desk: codes typed or scanned, the name search, counters."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from playwright.sync_api import expect

from events.models import Registration
from events.queries import CHECKIN_SEARCH_LIMIT
from tests.factories import (
    AttendeeCategoryFactory,
    EventFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


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


def _search(client: Client, event, query: str, **headers):
    url = reverse("events:checkin_search", kwargs={"pk": event.pk})
    return client.get(url, {"q": query}, **headers)


def _found(response) -> list[str]:
    return [registration.user.name for registration in response.context["found"]]


@pytest.fixture
def attendees(event, guests):
    """王小明 and 李四 hold seats at the event; 王小明 of another event must never show."""
    wang = RegistrationFactory(
        category=guests, user=UserFactory(name="王小明", phone="13800001234")
    )
    RegistrationFactory(
        category=guests, user=UserFactory(name="李四"), organization_name="福州柏云信息科技有限公司"
    )
    RegistrationFactory(category__event=EventFactory(), user=UserFactory(name="王小明"))
    return wang


@pytest.mark.django_db
def test_checkin_search_finds_partial_chinese_name(event, attendees, organizer, client_for):
    response = _search(client_for(organizer), event, "小明")
    assert response.status_code == 200
    assert _found(response) == ["王小明"]
    assert response.context["found"][0] == attendees
    assert "王小明" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "names"),
    [("柏云", ["李四"]), ("1234", ["王小明"]), ("0000", []), ("张", [])],
)
def test_checkin_search_by_organisation_and_phone_tail(
    event, attendees, organizer, client_for, query, names
):
    assert _found(_search(client_for(organizer), event, query)) == names


@pytest.mark.django_db
def test_checkin_search_never_returns_other_events(event, attendees, organizer, client_for):
    response = _search(client_for(organizer), event, "王")
    assert [r.pk for r in response.context["found"]] == [attendees.pk]
    assert {r.event_id for r in response.context["found"]} == {event.pk}


@pytest.mark.django_db
def test_checkin_search_leaves_out_cancelled(event, guests, organizer, client_for):
    RegistrationFactory(
        category=guests, user=UserFactory(name="王退"), status=Registration.Status.CANCELLED
    )
    assert _found(_search(client_for(organizer), event, "王退")) == []


@pytest.mark.django_db
def test_checkin_search_htmx_returns_the_rows_only(event, attendees, organizer, client_for):
    response = _search(client_for(organizer), event, "小明", HTTP_HX_REQUEST="true")
    assert [t.name for t in response.templates] == ["events/_checkin_search.html"]
    assert "<html" not in response.content.decode()
    assert f'name="code" value="{attendees.code}"' in response.content.decode()


@pytest.mark.django_db
def test_checkin_search_full_page_without_htmx(event, attendees, organizer, client_for):
    response = _search(client_for(organizer), event, "小明")
    assert response.templates[0].name == "events/checkin.html"
    assert 'value="小明"' in response.content.decode()


@pytest.mark.django_db
def test_checkin_from_search_once_then_already_checked_in(event, attendees, organizer, client_for):
    client = client_for(organizer)
    rows = _search(client, event, "小明", HTTP_HX_REQUEST="true").content.decode()
    code = re.search(r'name="code" value="(\w+)"', rows).group(1)
    url = reverse("events:checkin", kwargs={"pk": event.pk})

    first = client.post(url, {"code": code}, HTTP_HX_REQUEST="true")
    assert first.context["result"] == {"ok": True, "registration": attendees}
    assert first["HX-Trigger"] == "checked-in"
    attendees.refresh_from_db()
    assert attendees.status == Registration.Status.CHECKED_IN
    assert attendees.checked_in_by == organizer

    second = client.post(url, {"code": code}, HTTP_HX_REQUEST="true")
    assert second.context["result"]["warning"].startswith("王小明")
    assert second.context["result"]["registration"] == attendees
    refreshed = _search(client, event, "小明", HTTP_HX_REQUEST="true").content.decode()
    assert 'name="code"' not in refreshed
    assert "ev-found-done" in refreshed


@pytest.mark.django_db
def test_checkin_search_says_when_nobody_matches(event, attendees, organizer, client_for):
    response = _search(client_for(organizer), event, "赵")
    assert response.context["found"] == []
    assert 'class="empty"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 404),
        ("visitor", 404),
        ("other_organizer", 404),
        ("organizer", 200),
        ("admin", 200),
    ],
)
def test_checkin_search_permission(
    event, attendees, organizer, other_organizer, admin_user, mentee_user, who, status
):
    users = {
        "visitor": mentee_user,
        "other_organizer": other_organizer,
        "organizer": organizer,
        "admin": admin_user,
    }
    client = Client()
    if who in users:
        client.force_login(users[who])
    response = _search(client, event, "小明")
    assert response.status_code == status
    if status == 404:
        assert "王小明" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("htmx", [True, False])
def test_checkin_search_constant_queries(organizer, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    client = Client()
    client.force_login(organizer)

    def measure(count):
        event = EventFactory(organizers=[organizer])
        category = AttendeeCategoryFactory(event=event)
        for _ in range(count):
            RegistrationFactory(category=category, user=UserFactory(name="陈建华"))
        with CaptureQueriesContext(connection) as captured:
            response = _search(client, event, "建华", **headers)
        assert len(response.context["found"]) == count
        return len(captured)

    assert measure(1) == measure(20)


@pytest.mark.django_db
def test_checkin_search_shows_at_most_the_limit(event, guests, organizer, client_for):
    guests.capacity = 50
    guests.save()
    for _ in range(CHECKIN_SEARCH_LIMIT + 1):
        RegistrationFactory(category=guests, user=UserFactory(name="陈建华"))
    response = _search(client_for(organizer), event, "陈")
    assert len(response.context["found"]) == CHECKIN_SEARCH_LIMIT
    assert response.context["more"] is True


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_find_a_name_and_check_the_person_in(
    page, live_server, login_page, event, guests, organizer
):
    wang = RegistrationFactory(category=guests, user=UserFactory(name="王小明"))
    RegistrationFactory(category=guests, user=UserFactory(name="李四"))
    login_page(organizer)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/events/{event.pk}/checkin/")
    expect(page.locator(".ev-counter-value")).to_have_text("0 / 2")

    page.get_by_label("姓名、单位或手机尾号").fill("小明")
    expect(page.locator(".ev-found li")).to_have_count(1)
    expect(page.locator(".ev-found")).to_contain_text("嘉宾")
    expect(page).to_have_url(re.compile(r"/checkin/search/\?q="))
    page.get_by_role("button", name="为 王小明 签到").click()

    expect(page.locator(".ev-result-ok")).to_contain_text("王小明")
    expect(page.locator(".ev-counter-value")).to_have_text("1 / 2")
    expect(page.locator(".ev-found-done")).to_contain_text("已签到")
    wang.refresh_from_db()
    assert wang.status == Registration.Status.CHECKED_IN
