"""The two journeys of the boards, clicked through in headless Chromium."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from projects.models import Challenge, Claim, Project, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(page, login_page, user):
    page.context.clear_cookies()
    return login_page(user)


def test_challenge_journey(
    page, live_server, login_page, enterprise_user, organizer, mentor_user, expert
):
    # The enterprise posts a demand and submits it for review.
    as_user(page, login_page, enterprise_user)
    page.goto(live_server.url + "/boards/challenges/new/")
    page.fill("#id_title", "闸泵站故障智能诊断")
    page.fill("#id_summary", "泵站设备故障频发，需要智能诊断方案。")
    page.fill("#id_deadline", (timezone.localdate() + timedelta(days=30)).isoformat())
    page.fill("#id_reward_min", "300000")
    page.fill("#id_reward_max", "500000")
    page.fill("#id_organization_name", "四创科技有限公司")
    page.click("button[name=submit]")
    expect(page.locator("h1")).to_have_text("闸泵站故障智能诊断")
    challenge = Challenge.objects.get()
    assert challenge.status == Status.SUBMITTED

    # The organizer publishes it from the review queue in one click.
    as_user(page, login_page, organizer)
    page.goto(live_server.url + "/boards/review/")
    row = page.locator(f"#review-challenges-{challenge.pk}")
    row.get_by_role("button", name=re.compile("发布|Publish")).click()
    expect(row.locator(".status")).to_be_visible()
    challenge.refresh_from_db()
    assert challenge.status == Status.PUBLISHED

    # The expert finds it on the board by searching and claims it.
    as_user(page, login_page, mentor_user)
    page.goto(live_server.url + "/boards/challenges/")
    page.fill("#id_q", "泵站")
    expect(page).to_have_url(re.compile(r"q=%E6%B3%B5%E7%AB%99"))
    page.get_by_role("link", name="闸泵站故障智能诊断").click()
    page.get_by_role("link", name=re.compile("我要揭榜|Claim this")).click()
    page.fill("#id_approach", "振动信号深度学习诊断")
    page.fill("#id_timeline", "3个月原型")
    page.fill("#id_expected_result", "准确率95%")
    page.click("#claim-form button[type=submit]")
    expect(page.locator(".claim")).to_have_count(1)
    assert expert.phone not in page.content()

    # The enterprise accepts the claim; both now see each other's contact details.
    as_user(page, login_page, enterprise_user)
    page.goto(live_server.url + challenge.get_absolute_url())
    page.fill("textarea[name=message]", "欢迎合作")
    page.get_by_role("button", name=re.compile("^(接受|Accept)$")).click()
    expect(page.locator(".contacts")).to_contain_text(expert.phone)
    assert Claim.objects.get().status == Claim.Status.ACCEPTED

    as_user(page, login_page, mentor_user)
    page.goto(live_server.url + challenge.get_absolute_url())
    expect(page.locator(".contacts")).to_contain_text(enterprise_user.email)


def test_project_journey(
    page, live_server, login_page, mentor_user, expert, organizer, mentee_user, apprentice
):
    # The expert posts a project.
    as_user(page, login_page, mentor_user)
    page.goto(live_server.url + "/boards/projects/new/")
    page.fill("#id_title", "铝合金绿色制备及数智技术")
    page.fill("#id_summary", "轻合金绿色制备，寻求合伙人与落地。")
    page.select_option("#id_post_as", f"mentor:{expert.pk}")
    page.fill("#id_intended_investment", "40000000")
    page.click("button[name=submit]")
    expect(page.locator("h1")).to_have_text("铝合金绿色制备及数智技术")
    project = Project.objects.get()

    # The organizer publishes it from the posting page.
    as_user(page, login_page, organizer)
    page.goto(live_server.url + project.get_absolute_url())
    page.get_by_role("button", name=re.compile("^(发布|Publish)$")).click()
    expect(page.locator(".page-head .status")).to_have_text(re.compile("已发布|Published"))

    # A mentee claims it on behalf of a team.
    as_user(page, login_page, mentee_user)
    page.goto(live_server.url + "/boards/projects/")
    page.get_by_role("link", name="铝合金绿色制备及数智技术").click()
    page.get_by_role("link", name=re.compile("我要揭榜|Claim this")).click()
    page.fill("#id_approach", "合资成立公司")
    page.fill("#id_timeline", "6个月")
    page.fill("#id_expected_result", "建成示范线")
    page.fill("#id_organization_name", "哈工大轻合金课题组")
    page.click("#claim-form button[type=submit]")
    expect(page.locator(".claim .status")).to_have_text(re.compile("待答复|Awaiting decision"))

    # The expert accepts it from "my postings"; a pairing is proposed; contacts are shown.
    as_user(page, login_page, mentor_user)
    page.goto(live_server.url + "/boards/mine/")
    page.get_by_role("button", name=re.compile("^(接受|Accept)$")).click()
    expect(page.locator(".contacts")).to_contain_text(apprentice.phone)
    claim = Claim.objects.get()
    assert claim.status == Claim.Status.ACCEPTED
    assert (claim.pairing.mentor, claim.pairing.mentee) == (expert, apprentice)

    as_user(page, login_page, mentee_user)
    page.goto(live_server.url + "/boards/my-claims/")
    expect(page.locator("tbody .status")).to_have_text(re.compile("已接受|Accepted"))
    page.goto(live_server.url + project.get_absolute_url())
    expect(page.locator(".contacts")).to_contain_text(expert.phone)
