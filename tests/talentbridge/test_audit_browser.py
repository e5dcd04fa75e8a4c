"""Browser journey of the audit trail: an admin narrows the platform's log to one office as
they type, and a manager sees no such page."""

import pytest
from playwright.sync_api import expect

from talentbridge.models import Office, OfficeRole
from talentbridge.services import create_office
from tests.factories import UserFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_narrows_the_audit_trail_to_one_office(page, live_server, login_page):
    admin = UserFactory(is_admin=True, is_staff=True, name="平台管理员")
    for name in ("晋安区人民政府", "金乡县顾问之家"):
        create_office(name=name, kind=Office.Kind.GOVERNMENT, actor=admin, owner=admin)
    login_page(admin)
    page.goto(f"{live_server.url}/audit/")
    expect(page.get_by_role("heading", name="操作记录")).to_be_visible()
    rows = page.locator("#audit-results tbody tr")
    expect(rows.filter(has_text="金乡县顾问之家").first).to_be_visible()

    page.get_by_label("对象或人员").fill("晋安区")
    expect(rows.filter(has_text="金乡县顾问之家")).to_have_count(0)
    expect(rows.filter(has_text="晋安区人民政府").first).to_be_visible()
    assert "q=" in page.url

    office = Office.objects.get(name="晋安区人民政府")
    login_page(member_of(office, OfficeRole.MANAGER))
    assert page.goto(f"{live_server.url}/audit/").status == 404
