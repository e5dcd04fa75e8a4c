"""Browser journey of outcomes: an office manager records a landing's yearly follow-up,
then opens the outcomes report, which counts it, and prints nothing but the report."""

from datetime import date

import pytest
from playwright.sync_api import expect

from projects.models import FollowUp, Landing, Status
from tests.factories import ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_records_a_followup_and_opens_the_report(
    page, live_server, login_page, event, organizer
):
    project = ProjectFactory(office=event.office, status=Status.LANDED, title="闸泵站智能诊断")
    Landing.objects.create(
        project=project,
        province="福建省",
        city="福州市",
        county="晋安区",
        town="新店镇",
        village="赤桥村",
        landed_on=date(2024, 12, 17),
        intended_investment=350_000_000,
    )
    login_page(organizer)
    page.goto(f"{live_server.url}{project.get_absolute_url()}")
    page.get_by_role("link", name="登记跟踪回访").click()
    page.get_by_label("回访日期").fill("2025-12-17")
    page.get_by_label("运营状态").select_option(label="正常运营")
    page.get_by_label("带动就业").fill("42")
    page.get_by_role("button", name="保存").click()
    expect(page.locator(".followup-list")).to_contain_text("正常运营")
    assert FollowUp.objects.get().jobs_created == 42

    page.goto(f"{live_server.url}/events/stats/outcomes/")
    page.get_by_label("起始年份").fill("2024")
    page.get_by_label("截止年份").fill("2025")
    page.get_by_role("button", name="应用筛选").click()
    paragraph = page.locator(".stats-paragraph[lang='zh-hans']")
    expect(paragraph).to_contain_text("促成1个项目落地，意向投资3.5亿元，覆盖1个县、1个乡镇、1个村")
    expect(paragraph).to_contain_text("其中1个正常运营，带动就业42人")
    expect(page.locator(".stats-paragraph[lang='en']")).to_contain_text("1 projects landed")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载（.docx）").click()
    assert download.value.suggested_filename == "outcomes-report.docx"
    page.emulate_media(media="print")
    expect(page.locator(".stats-filters")).to_be_hidden()
