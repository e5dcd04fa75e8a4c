"""An office manager drills the talent map from China down to a county in headless Chromium,
then opens the gap table there and its targeted list of experts."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_drills_to_a_county_and_opens_the_targeted_list(
    page, live_server, login_page, world
):
    login_page(world["manager_a"])
    page.goto(f"{live_server.url}/events/stats/map/")
    expect(page.locator(".map-trail [aria-current]")).to_have_text("全国")
    heat = page.locator(".heat-table")
    expect(heat).to_contain_text("人工智能")
    for code, name in (("37", "山东省"), ("3708", "济宁市"), ("370828", "金乡县")):
        page.locator(f'.map-tile a[data-region="{code}"]').click()
        expect(page.locator(".map-trail [aria-current]")).to_have_text(name)
        expect(page).to_have_url(re.compile(rf"region={code}"))
    # The county: its own six experts, the numbers in the table beside the tiles.
    expect(page.locator(".map-numbers tbody tr")).to_have_count(1)
    expect(page.locator(".map-numbers tbody td")).to_have_text("6")
    page.get_by_role("link", name="缺口").first.click()
    expect(page).to_have_url(re.compile(r"/events/stats/gaps/\?.*region=370828"))
    row = page.locator(".gap-table tbody tr").first
    expect(row).to_contain_text("金乡县")
    row.get_by_role("link", name="专家库").click()
    expect(page).to_have_url(re.compile(r"/people/\?field=ai&hometown="))
    expect(page.get_by_text("金乡县专家").first).to_be_visible()
