"""Browser journey of the call's import: an organizer uploads a spreadsheet of projects,
reads the row report, fixes the file, commits and finds the projects in the call's queue."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventPosting
from mentors.models import IndustryChain
from tests.events.services.test_call_import import PROJECT_HEADER, _project
from tests.mentors.sheets import xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _choose(page, rows):
    page.locator("select[name=kind]").first.select_option("projects")
    page.locator("input[name=file]").first.set_input_files(
        {"name": "征集项目.xlsx", "mimeType": XLSX, "buffer": xlsx_bytes(rows, PROJECT_HEADER)}
    )
    page.locator("form[enctype] button[type=submit]").first.click()


def test_an_organizer_imports_projects_into_the_call_and_sees_the_queue(
    page, live_server, login_page, event, organizer, region_tree
):
    IndustryChain.objects.create(slug="marine_economy", name_zh="海洋经济", name_en="Marine")
    now = timezone.now()
    event.call_opens_at, event.call_closes_at = now - timedelta(days=1), now + timedelta(days=9)
    event.save()
    login_page(organizer)
    page.goto(f"{live_server.url}/events/{event.pk}/call/")
    page.locator(f"a[href='/events/{event.pk}/call/import/']").click()

    _choose(page, [_project("海上风电运维机器人"), _project("深海养殖网箱", region="火星市")])
    expect(page.locator(".import-row.action-error")).to_contain_text("火星市")
    expect(page.locator(".import-confirm")).to_have_count(0)

    _choose(page, [_project("海上风电运维机器人"), _project("深海养殖网箱")])
    expect(page.locator(".import-row.action-create")).to_have_count(2)
    page.locator(".import-confirm button").click()

    expect(page).to_have_url(f"{live_server.url}/events/{event.pk}/call/")
    queue = page.locator(".ev-call-queue")
    expect(queue).to_contain_text("海上风电运维机器人")
    expect(queue).to_contain_text("深海养殖网箱")
    assert EventPosting.objects.filter(event=event, submitted_by=organizer).count() == 2
