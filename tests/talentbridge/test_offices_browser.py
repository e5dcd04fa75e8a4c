"""Browser journeys of an office: a manager invites a colleague by e-mail, who opens the link,
sets a password and lands in the office with the role; an owner issues and revokes a
certificate that the public verification page then reports as revoked."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from talentbridge.models import Certificate, Membership, OfficeRole, User
from tests.factories import OfficeFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def office():
    return OfficeFactory(name="晋安区人民政府")


def test_an_invited_colleague_sets_a_password_and_joins_the_office(
    page, live_server, login_page, office
):
    manager = member_of(office, OfficeRole.MANAGER, name="陈主任")
    login_page(manager)
    page.goto(f"{live_server.url}/offices/{office.pk}/")
    page.get_by_label("电子邮箱").fill("reviewer.lin@example.cn")
    page.locator("#id_role").select_option(label="评审")
    page.get_by_role("button", name="添加或邀请").click()
    expect(page.get_by_text("reviewer.lin@example.cn").first).to_be_visible()

    [message] = mail.outbox
    link = re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)
    page.context.clear_cookies()
    page.goto(live_server.url + link[link.index("/invitations/") :])
    expect(page.get_by_role("heading", name="加入晋安区人民政府")).to_be_visible()
    page.get_by_label("你的姓名").fill("林审核")
    page.locator("#id_password1").fill("Relay-green-blue-7")
    page.locator("#id_password2").fill("Relay-green-blue-7")
    page.get_by_role("button", name="接受邀请").click()

    expect(page.locator(".user-name")).to_have_text("林审核")
    user = User.objects.get(email="reviewer.lin@example.cn")
    assert Membership.objects.filter(office=office, user=user, role=OfficeRole.REVIEWER).exists()

    page.context.clear_cookies()
    response = page.goto(live_server.url + link[link.index("/invitations/") :])
    assert response.status == 410
    expect(page.get_by_role("heading", name="该链接无法使用")).to_be_visible()
    assert User.objects.filter(email="reviewer.lin@example.cn").count() == 1


def test_an_owner_issues_a_certificate_and_revokes_it_on_the_public_page(
    page, live_server, login_page, office
):
    owner = member_of(office, OfficeRole.OWNER)
    login_page(owner)
    page.goto(f"{live_server.url}/offices/{office.pk}/certificates/new/")
    page.get_by_label("类别").select_option("appointment")
    page.get_by_label("持证人").fill("王金乡")
    page.get_by_label("称号").fill("高质量发展顾问")
    page.get_by_role("button", name="保存").click()

    certificate = Certificate.objects.get(holder_name="王金乡")
    assert certificate.issued_at is not None
    verify = f"{live_server.url}/certificates/{certificate.code}/"
    page.goto(verify)
    expect(page.locator("#verdict")).to_contain_text("有效")
    expect(page.locator(".facts")).to_contain_text("晋安区人民政府")

    page.goto(f"{live_server.url}/offices/{office.pk}/certificates/{certificate.pk}/")
    page.get_by_label("原因").fill("聘期内调离")
    page.get_by_role("button", name="撤销证书").click()
    expect(page.get_by_text("撤销", exact=False).first).to_be_visible()

    page.context.clear_cookies()
    page.goto(verify)
    expect(page.locator("#verdict")).to_contain_text("撤销")
    assert page.goto(f"{live_server.url}/certificates/made-up-code-0000/").status == 404
