"""Browser journeys of the live ceremony: console clicks reach the big screen and an audience
phone through the stream (behind a real Pushpin, and served by Django alone), again after the
connection is cut, and by polling where streams are blocked."""

import pytest
from playwright.sync_api import expect

from tests import services
from tests.conftest import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pushpin(live_server, settings):
    backend = live_server.url.removeprefix("http://")
    with services.pushpin(backend) as server:
        settings.PUSHPIN_PUBLISH_URLS = [server.publish_url]
        yield server


def open_live_pages(browser, base_url, event, login_page, organizer):
    """The console (logged in), the big screen and an audience phone, each its own browser."""
    page = login_page(organizer)
    screen = browser.new_context().new_page()
    phone = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    screen.goto(f"{base_url}/events/{event.pk}/ceremony/screen")
    phone.goto(f"{base_url}/events/{event.pk}/ceremony/live/")
    for live in (screen.locator("#screen-state"), phone.locator("#audience-state")):
        expect(live).to_have_attribute("data-live-mode", "stream")
    page.goto(f"{base_url}/events/{event.pk}/ceremony/console/")
    return page, screen, phone


@pytest.mark.pushpin
def test_console_reaches_screen_and_phone_through_pushpin_and_after_a_cut(
    browser, pushpin, live_server, login_page, event, ceremony, organizer
):
    first = ceremony.pairs.get(group=1, position=1).pairing
    second = ceremony.pairs.get(group=1, position=2).pairing
    # The console talks to Django directly; the screens go through Pushpin.
    pushpin_url = f"http://{pushpin.address}"
    page, screen, phone = open_live_pages(browser, pushpin_url, event, login_page, organizer)
    page.goto(f"{live_server.url}/events/{event.pk}/ceremony/console/")
    page.get_by_role("button", name="开始").click()
    expect(screen.locator("#screen-mentor")).to_have_text(first.mentor.name, timeout=1000)
    expect(phone.locator("#live-pair")).to_contain_text(first.mentor.name, timeout=1000)

    # The push node goes down and cuts every stream; steps happen meanwhile; both pages
    # reconnect by themselves and catch up from their last event id.
    pushpin.stop()
    for live in (screen.locator("#screen-state"), phone.locator("#audience-state")):
        expect(live).to_have_attribute("data-live-mode", "reconnecting")
    page.get_by_role("button", name="丝带已赠送").click()
    wait_for(lambda: ceremony.steps.filter(action="ribbon").exists())
    page.get_by_role("button", name="下一对").click()
    wait_for(lambda: ceremony.steps.filter(action="next_pair").exists())
    phone.wait_for_timeout(500)
    expect(phone.locator("#live-pair")).to_contain_text(first.mentor.name)
    pushpin.start()
    expect(phone.locator("#live-pair")).to_contain_text(second.mentor.name, timeout=5000)
    expect(screen.locator("#screen-mentor")).to_have_text(second.mentor.name, timeout=5000)
    expect(phone.locator("#audience-state")).to_have_attribute("data-live-mode", "stream")
    page.get_by_role("button", name="撤销上一步").click()
    expect(phone.locator("#live-pair")).to_contain_text(first.mentor.name, timeout=1000)
    expect(screen.locator("#screen-mentor")).to_have_text(first.mentor.name, timeout=1000)


def test_big_screen_recovers_after_network_drop(
    page, live_server, login_page, event, ceremony, organizer, settings
):
    # Served by Django alone (the embedded default), each stream ends after a second.
    settings.LIVE_STREAM_SECONDS = 1
    login_page(organizer)
    screen = page.context.new_page()
    screen.goto(f"{live_server.url}/events/{event.pk}/ceremony/screen")
    expect(screen.locator("#screen-group")).to_contain_text("对接仪式即将开始")
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "stream")
    cut = "**/ceremony/{stream,screen/state}*"
    screen.route(cut, lambda route: route.abort("internetdisconnected"))
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "reconnecting")
    page.goto(f"{live_server.url}/events/{event.pk}/ceremony/console/")
    page.get_by_role("button", name="开始").click()
    screen.wait_for_timeout(2500)
    expect(screen.locator("#screen-group")).to_contain_text("对接仪式即将开始")
    screen.unroute(cut)
    expect(screen.locator("#screen-group")).to_contain_text("第一组", timeout=2500)
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "stream")


def test_audience_page_polls_where_streams_are_blocked(
    browser, live_server, login_page, event, ceremony, organizer
):
    first = ceremony.pairs.get(group=1, position=1).pairing
    phone = browser.new_context(viewport={"width": 390, "height": 800}).new_page()
    phone.route("**/ceremony/stream*", lambda route: route.abort("blockedbyclient"))
    phone.goto(f"{live_server.url}/events/{event.pk}/ceremony/live/")
    live = phone.locator("#audience-state")
    expect(live).to_have_attribute("data-live-mode", "polling", timeout=10000)
    page = login_page(organizer)
    page.goto(f"{live_server.url}/events/{event.pk}/ceremony/console/")
    page.get_by_role("button", name="开始").click()
    expect(phone.locator("#live-pair")).to_contain_text(first.mentor.name, timeout=3000)
