"""Browser journey: a desk's counters move through the live stream when a guest is checked in
at another desk, without waiting for the five-second poll."""

import pytest
from playwright.sync_api import expect

from events.live_checkin import counters_tag, event_counters
from events.services.checkin import check_in
from tests.factories import RegistrationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_desk_counters_follow_a_check_in_made_elsewhere(
    page, live_server, login_page, event, guests, organizer, settings
):
    # Served by Django alone (the embedded default); short streams end before the database
    # is torn down, and the page reconnects between them.
    settings.LIVE_STREAM_SECONDS = 1
    first, _second = RegistrationFactory.create_batch(2, event=event, category=guests)
    login_page(organizer)
    page.goto(f"{live_server.url}/events/{event.pk}/checkin/")
    counters = page.locator("#checkin-counters")
    expect(counters).to_have_attribute("data-live-mode", "stream")
    expect(page.locator(".ev-counter-value")).to_have_text("0 / 2")

    check_in(event, first.code, actor=UserFactory(name="志愿者小李"))
    expect(page.locator(".ev-counter-value")).to_have_text("1 / 2", timeout=2500)
    expect(counters).to_have_attribute("data-live-mode", "stream")
    expect(counters).to_have_attribute("data-live-id", counters_tag(event_counters(event)))
