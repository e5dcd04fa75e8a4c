"""A matchmaking day clicked through in headless Chromium: one participant asks, the other
accepts, the organizer runs the scheduler, both find the meeting on their agendas."""

import pytest
from playwright.sync_api import expect

from events.models import Meeting, MeetingRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_request_accept_schedule_and_agendas(
    page, live_server, login_page, day, alice, bob, organizer
):
    base = f"{live_server.url}/events/{day.pk}/meetings"
    bob_profile = bob.meeting_profiles.get()

    login_page(alice)
    page.goto(f"{base}/people/{bob_profile.pk}/")
    expect(page.locator("h1")).to_have_text(bob.name)
    page.locator("textarea[name=message]").fill("想了解水下传感器的合作")
    page.locator("form:has(textarea[name=message]) button[type=submit]").click()
    expect(page.locator(".meeting-request")).to_contain_text(bob.name)
    assert MeetingRequest.objects.get().status == "pending"

    login_page(bob)
    page.goto(f"{base}/")
    expect(page.locator(".meeting-request")).to_contain_text(alice.name)
    page.locator("form[action$='/accept/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    assert MeetingRequest.objects.get().status == "accepted"

    login_page(organizer)
    page.goto(f"{base}/schedule/")
    page.locator("form[action$='/schedule/run/'] button").click()
    expect(page.locator(".meeting-schedule tbody tr")).to_have_count(1)
    meeting = Meeting.objects.get()

    for user, other in ((alice, bob), (bob, alice)):
        login_page(user)
        page.goto(f"{base}/agenda/")
        entry = page.locator(".meeting-agenda li")
        expect(entry).to_have_count(1)
        expect(entry).to_contain_text(other.name)
        expect(entry).to_contain_text(meeting.table.name)
