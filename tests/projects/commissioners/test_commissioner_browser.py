"""On a phone, in headless Chromium: a commissioner logs a visit with a photo, and the firm
confirms it."""

import re

import pytest
from playwright.sync_api import expect

from projects.commissioners.models import ServiceRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def as_user(page, login_page, user):
    page.context.clear_cookies()
    return login_page(user)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_commissioner_logs_a_visit_on_a_phone_and_the_firm_confirms_it(
    page, live_server, login_page, dispatch, commissioner, firm, firm_rep
):
    page.set_viewport_size(PHONE)

    # The commissioner opens their service desk and logs a visit to the firm they serve.
    as_user(page, login_page, commissioner)
    page.goto(live_server.url + "/boards/commissioners/desk/")
    assert fits_the_screen(page)
    page.get_by_role("link", name=re.compile("^(记录走访|Log a visit)$")).click()
    expect(page.locator("#id_dispatch")).to_have_value(str(dispatch.pk))
    assert fits_the_screen(page)
    page.fill("#id_duration_minutes", "-5")
    page.fill("#id_findings", "变频压缩机噪声超标，出口认证受阻。")
    page.get_by_role("button", name=re.compile("提交记录|Log the record")).click()
    expect(page.locator("#record-form .errorlist").first).to_be_visible()
    assert not ServiceRecord.objects.exists()
    page.fill("#id_duration_minutes", "90")
    page.fill("#id_participants", "总经理、技术总监")
    page.fill("#id_actions", "现场测试噪声频谱，提出减振方案。")
    page.set_input_files(
        "#id_files", files=[{"name": "现场.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.get_by_role("button", name=re.compile("提交记录|Log the record")).click()
    expect(page.locator(".page-head .status")).to_have_text(
        re.compile("待企业确认|Awaiting the firm's confirmation")
    )
    record = ServiceRecord.objects.get()
    edit_link = page.locator(f'a[href="/boards/commissioners/records/{record.pk}/edit/"]')
    expect(edit_link).to_have_count(1)
    assert (record.organization, record.duration_minutes) == (firm, 90)
    assert record.files.get().name == "现场.png"
    assert fits_the_screen(page)

    # The firm's representative finds it awaiting confirmation and confirms it.
    as_user(page, login_page, firm_rep)
    page.goto(live_server.url + "/boards/commissioners/desk/")
    page.locator("#to-confirm").locator("..").get_by_role("link").first.click()
    expect(page.locator("#answer-record")).to_be_visible()
    assert fits_the_screen(page)
    page.get_by_role("button", name=re.compile("确认记录|Confirm the record")).click()
    expect(page.locator(".page-head .status")).to_have_text(
        re.compile("企业已确认|Confirmed by the firm")
    )
    record.refresh_from_db()
    assert (record.status, record.responded_by) == (ServiceRecord.Status.CONFIRMED, firm_rep)

    # The commissioner can no longer change it.
    as_user(page, login_page, commissioner)
    page.goto(live_server.url + record.get_absolute_url())
    expect(page.locator(".page-head .status")).to_have_text(re.compile("企业已确认|Confirmed"))
    expect(edit_link).to_have_count(0)
