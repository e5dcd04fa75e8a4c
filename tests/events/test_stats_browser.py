"""An organizer opens the event's dashboard in headless Chromium: the charts draw, a filter
redraws them, and an export downloads."""

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from .stats_world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHARTS = ("funnel", "fields", "map", "days")


def drawn_shapes(page, kind: str) -> int:
    return page.locator(f'[data-chart="{kind}"] svg path').count()


def test_organizer_sees_the_charts_and_downloads_an_export(
    page, live_server, login_page, organizer, tmp_path
):
    world = build_world(organizer)
    login_page(organizer)
    page.goto(f"{live_server.url}/events/{world.event.pk}/stats/")
    for kind in CHARTS:
        expect(page.locator(f'[data-chart="{kind}"][data-rendered="true"] svg')).to_be_visible()
        assert drawn_shapes(page, kind) > 0, kind
    # The funnel carries its labels (readable without colour) and the map its provinces.
    funnel = page.locator('[data-chart="funnel"] svg')
    expect(funnel).to_contain_text("征集")
    expect(page.locator('[data-chart="map"] svg')).to_contain_text("福建 1")

    page.locator("#id_field").select_option("f-digital")
    expect(page).to_have_url(re.compile(r"/stats/\?.*field=f-digital"))
    expect(page.locator('[data-chart="funnel"][data-rendered="true"] svg')).to_contain_text("2")
    assert drawn_shapes(page, "funnel") > 0

    with page.expect_download() as download_info:
        page.locator(".stats-export-list li", has_text="专家").get_by_role(
            "link", name="Excel"
        ).first.click()
    path = tmp_path / "mentors.xlsx"
    download_info.value.save_as(path)
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["mA", "mC"]
