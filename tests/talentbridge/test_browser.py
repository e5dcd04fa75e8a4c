"""The account journey in headless Chromium: sign up, log out, log in, switch language."""

import pytest
from playwright.sync_api import expect

from talentbridge.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_signs_up_logs_in_and_switches_to_english(page, live_server):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.get_by_role("link", name="注册").click()

    page.get_by_label("姓名").fill("王浩")
    page.get_by_label("电子邮箱").fill("wang.hao@example.cn")
    page.get_by_label("专家（师傅）").check()
    page.locator("#id_password1").fill("Relay-green-blue-7")
    page.locator("#id_password2").fill("Relay-green-blue-7")
    page.get_by_role("button", name="注册").click()

    expect(page.get_by_text("欢迎你，王浩！账号已创建。")).to_be_visible()
    assert User.objects.get(email="wang.hao@example.cn").is_mentor

    page.get_by_role("button", name="退出").click()
    page.get_by_role("link", name="登录").first.click()
    page.get_by_label("电子邮箱").fill("wang.hao@example.cn")
    page.locator("#id_password").fill("Relay-green-blue-7")
    page.get_by_role("button", name="登录").click()
    expect(page.locator(".user-name")).to_have_text("王浩")
    expect(page.get_by_role("link", name="首页", exact=True)).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Home", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert User.objects.get(email="wang.hao@example.cn").language == "en"


def test_signup_errors_are_shown_in_the_form(page, live_server):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("姓名").fill("林晓")
    page.get_by_label("电子邮箱").fill("lin@example.cn")
    page.locator("#id_password1").fill("Relay-green-blue-7")
    page.locator("#id_password2").fill("Relay-green-blue-7")
    page.get_by_role("button", name="注册").click()
    expect(page.get_by_text("请至少选择一个身份。")).to_be_visible()
    expect(page.get_by_label("姓名")).to_have_value("林晓")
    assert User.objects.count() == 0


def test_the_organizers_menu_fits_a_desktop_screen(page, live_server, client):
    """At 1280 px every menu entry of a busy account shows; nothing hides off the edge."""
    from tests.factories import UserFactory

    admin = UserFactory(is_admin=True, is_organizer=True, is_staff=True, is_mentor=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": _session_for(admin, client),
                "url": live_server.url,
            }
        ]
    )
    page.goto(live_server.url + "/")
    nav = page.locator(".main-nav")
    assert nav.evaluate("el => el.scrollWidth <= el.clientWidth")
    right = nav.evaluate("el => el.getBoundingClientRect().right")
    for link in nav.locator("a").all():
        box = link.bounding_box()
        assert box is not None and box["x"] + box["width"] <= right + 1


def _session_for(user, client) -> str:
    client.force_login(user)
    return client.cookies["sessionid"].value
