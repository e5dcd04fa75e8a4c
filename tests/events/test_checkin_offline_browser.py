"""The check-in desk without network: three codes scanned offline wait on the device as
pending and are sent when the network is back; one was checked in meanwhile at another desk,
and this desk is told when and by whom."""

import pytest
from playwright.sync_api import expect

from events.models import Registration
from events.services.checkin import check_in
from tests.factories import RegistrationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_desk_checks_in_offline_and_syncs_with_one_duplicate(
    page, live_server, login_page, event, guests, organizer
):
    guests.capacity = 5
    guests.save()
    first, second, third = RegistrationFactory.create_batch(3, event=event, category=guests)
    login_page(organizer)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/events/{event.pk}/checkin/")
    expect(page.locator(".ev-counter-value")).to_have_text("0 / 3")

    page.context.set_offline(True)
    for registration in (first, second, third):
        page.get_by_label("签到码").fill(registration.display_code)
        page.get_by_role("button", name="签到", exact=True).click()
    pending = page.locator(".ev-scan-pending")
    expect(pending).to_have_count(3)
    expect(pending.first).to_contain_text("待网络恢复后发送")
    expect(page.locator("[data-scan-status]")).to_contain_text("3")
    assert Registration.objects.filter(status=Registration.Status.CHECKED_IN).count() == 0

    # Meanwhile another desk, still online, checks in the second guest.
    check_in(event, second.code, actor=UserFactory(name="志愿者小李"))

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator(".ev-scan-ok")).to_have_count(2)
    warning = page.locator(".ev-scan-warn")
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text(second.user.name)
    expect(warning).to_contain_text("志愿者小李")
    expect(page.locator(".ev-scan-pending")).to_have_count(0)
    expect(page.locator(".ev-counter-value")).to_have_text("3 / 3")
    statuses = set(Registration.objects.values_list("status", flat=True))
    assert statuses == {Registration.Status.CHECKED_IN}
    assert page.evaluate(f"localStorage.getItem('tb-checkin-queue:{event.pk}')") == "[]"
