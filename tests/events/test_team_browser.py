"""Browser journeys of the event's team and its categories: a manager hands the check-in
desk to a volunteer, who sees the desk and nothing else; a visitor cannot pick 领导嘉宾."""

import pytest
from playwright.sync_api import expect

from events.models import EventMember
from tests.factories import PASSWORD, AttendeeCategoryFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_makes_a_volunteer_check_in_staff_who_sees_only_the_desk(
    page, live_server, login_page, event, guests, organizer
):
    volunteer = UserFactory(email="volunteer@example.cn", name="志愿者 小林")
    login_page(organizer)
    page.goto(f"{live_server.url}/events/{event.pk}/manage/")
    page.get_by_role("link", name="团队", exact=True).click()
    page.get_by_label("电子邮箱").fill("volunteer@example.cn")
    page.get_by_label("角色").select_option(label="签到人员")
    page.get_by_role("button", name="添加或邀请").click()
    expect(page.locator(".ev-team")).to_contain_text("志愿者 小林")
    assert EventMember.objects.get(event=event).user == volunteer

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("电子邮箱").fill("volunteer@example.cn")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.locator(".user-name")).to_have_text("志愿者 小林")
    page.goto(f"{live_server.url}/events/mine/")
    page.locator(".ev-roles").get_by_role("link", name="签到台").click()
    expect(page.get_by_role("heading", name="签到台")).to_be_visible()
    expect(page.get_by_label("签到码")).to_be_visible()

    for path in ("ceremony/console/", "export/registrations.csv", "manage/", "registrations/"):
        response = page.goto(f"{live_server.url}/events/{event.pk}/{path}")
        assert response.status == 404, path


def test_a_visitor_cannot_pick_an_invitation_only_category(
    page, live_server, login_page, event, mentee_user
):
    AttendeeCategoryFactory(event=event, name="领导嘉宾", access="invitation", order=0)
    AttendeeCategoryFactory(event=event, name="企业代表", order=1)
    login_page(mentee_user)
    page.goto(f"{live_server.url}/events/{event.pk}/register/")
    options = page.get_by_label("参会身份").locator("option").all_inner_texts()
    assert options == ["企业代表"]
