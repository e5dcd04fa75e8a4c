"""User journeys in headless Chromium: register and check in; run the ceremony while the
big screen follows."""

import re
import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import Registration
from events.services.ceremony import advance_ceremony
from mentors.models import Pairing
from tests.factories import RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_registers_and_staff_checks_them_in(
    page, live_server, login_page, event, guests, organizer, mentee_user
):
    login_page(mentee_user)
    page.goto(f"{live_server.url}/events/{event.pk}/")
    page.get_by_role("link", name="报名", exact=True).click()
    page.get_by_label("单位").fill("福州柏云信息科技有限公司")
    page.get_by_label("愿意与其他参会者交换联系方式").check()
    page.get_by_role("button", name="报名").click()
    expect(page.get_by_text("报名成功！")).to_be_visible()
    expect(page.locator(".ev-qr svg")).to_be_visible()

    registration = Registration.objects.get(user=mentee_user)
    assert registration.status == Registration.Status.CONFIRMED
    (message,) = [m for m in mail.outbox if m.to == [mentee_user.email]]
    code = re.search(r"签到码: (\w{4}-\w{4}-\w{4})", message.body).group(1)
    assert code == registration.display_code
    assert [name for name, *_ in message.attachments][1] == "event.ics"

    page.context.clear_cookies()
    login_page(organizer)
    page.goto(f"{live_server.url}/events/{event.pk}/checkin/")
    expect(page.locator(".ev-counter-value")).to_have_text("0 / 1")
    page.get_by_label("签到码").fill(code.lower())
    page.get_by_role("button", name="签到", exact=True).click()
    expect(page.locator(".ev-result-ok")).to_contain_text(mentee_user.name)
    expect(page.locator(".ev-counter-value")).to_have_text("1 / 1")
    page.get_by_label("签到码").fill(code)
    page.get_by_role("button", name="签到", exact=True).click()
    expect(page.locator(".ev-result-warn")).to_contain_text("已于")
    page.get_by_label("签到码").fill("ZZZZ-ZZZZ-ZZZZ")
    page.get_by_role("button", name="签到", exact=True).click()
    expect(page.locator(".ev-result-error")).to_have_text("无效签到码：没有与之对应的报名。")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CHECKED_IN


def test_console_drives_big_screen_within_a_second(
    page, live_server, login_page, event, ceremony, organizer
):
    login_page(organizer)
    first = ceremony.pairs.get(group=1, position=1).pairing
    second = ceremony.pairs.get(group=1, position=2).pairing
    screen = page.context.new_page()
    screen.goto(f"{live_server.url}/events/{event.pk}/ceremony/screen")
    expect(screen.locator("#screen-group")).to_contain_text("对接仪式即将开始")
    page.goto(f"{live_server.url}/events/{event.pk}/ceremony/console/")

    started = time.monotonic()
    page.get_by_role("button", name="开始").click()
    expect(screen.locator("#screen-mentor")).to_have_text(first.mentor.name, timeout=1500)
    assert time.monotonic() - started < 1.5
    expect(screen.locator("#screen-group")).to_contain_text("第一组")

    page.get_by_role("button", name="丝带已赠送").click()
    expect(screen.locator("#screen-counter")).to_have_text("1", timeout=1500)
    page.get_by_role("button", name="下一对").click()
    expect(screen.locator("#screen-mentor")).to_have_text(second.mentor.name, timeout=1500)
    page.get_by_role("button", name="撤销上一步").click()
    expect(screen.locator("#screen-mentor")).to_have_text(first.mentor.name, timeout=1500)
    first.refresh_from_db()
    assert first.status == Pairing.Status.CELEBRATED


def test_ticket_qr_code_is_large_and_centred(page, live_server, login_page, event, guests):
    registration = RegistrationFactory(category=guests)
    login_page(registration.user)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/events/tickets/{registration.code}/")
    qr = page.locator(".ev-qr svg").bounding_box()
    card = page.locator(".ev-ticket").bounding_box()
    assert qr["width"] >= 300
    assert abs((qr["x"] + qr["width"] / 2) - (card["x"] + card["width"] / 2)) <= 2


def test_big_screen_shows_mentor_and_mentee_cards_level(
    page, live_server, login_page, event, ceremony, organizer
):
    advance_ceremony(ceremony, "start", actor=organizer)
    page.set_viewport_size({"width": 1600, "height": 900})
    page.goto(f"{live_server.url}/events/{event.pk}/ceremony/screen")
    expect(page.locator("#screen-mentor")).to_be_visible()
    expect(page.locator(".ev-screen-person")).to_have_count(2)
    mentor, mentee = page.locator(".ev-screen-person").evaluate_all(
        "cards => cards.map(card => card.getBoundingClientRect().toJSON())"
    )
    assert abs(mentor["y"] - mentee["y"]) <= 1
    assert abs(mentor["height"] - mentee["height"]) <= 1
