"""A team applies, the organizer assigns the judges, a judge scores on a phone-sized page,
and the final's big screen shows the result once the last judge scored."""

import re

import pytest
from playwright.sync_api import expect

from events.contests.judging import advance_to_final, save_score, show_on_stage
from events.models import Entry, JudgeAssignment, Round
from tests.factories import UserFactory

from .world import build_contest, full_marks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_applies_judges_score_and_the_screen_shows_the_result(page, live_server, login_page):
    w = build_contest()
    contest = w["contest"]
    team = UserFactory(name="青岛 新锐团队")
    login_page(team)
    page.goto(live_server.url + f"/events/contests/{contest.pk}/enter/")
    page.select_option("#id_track", str(w["ai"].pk))
    page.fill("#id_team_name", "新锐团队")
    page.fill("#id_project_title", "工业质检大模型")
    page.fill("#id_summary", "人工智能 视觉 质检")
    question = contest.questions.get()
    page.fill(f"#id_q{question.pk}", "是")
    page.get_by_role("button", name=re.compile("保存并提交|Save and submit")).click()
    expect(page.locator("#entry-status")).to_contain_text(re.compile("已提交|Submitted"))
    entry = Entry.objects.get(owner=team)

    login_page(w["manager"])
    page.goto(live_server.url + f"/events/contests/{contest.pk}/manage/preliminary/assignment/")
    page.get_by_role("button", name=re.compile("计算并应用|Compute and apply")).click()
    expect(page.locator("#coverage")).to_have_text("100.0%")
    assert JudgeAssignment.objects.filter(entry=entry).count() == 3

    preliminary = Round.objects.get(contest=contest, kind=Round.Kind.PRELIMINARY)
    for sheet in JudgeAssignment.objects.filter(round=preliminary):
        save_score(sheet, actor=sheet.judge, marks=full_marks(contest))
    final = advance_to_final(contest, actor=w["manager"])
    show_on_stage(final, entry, actor=w["manager"])
    last, *others = w["judges"]
    for judge in others:
        sheet = JudgeAssignment.objects.get(round=final, entry=entry, judge=judge)
        save_score(sheet, actor=judge, marks=full_marks(contest, 9))

    screen = page.context.browser.new_page()
    screen.goto(live_server.url + f"/events/contests/{contest.pk}/screen")
    expect(screen.locator("#screen-team")).to_have_text("新锐团队")
    expect(screen.locator("#screen-progress")).to_be_visible()

    phone = page.context.browser.new_page(viewport={"width": 390, "height": 844})
    login_page(last)
    phone.context.add_cookies(page.context.cookies())
    sheet = JudgeAssignment.objects.get(round=final, entry=entry, judge=last)
    phone.goto(live_server.url + f"/events/contests/{contest.pk}/judging/")
    phone.get_by_role("link", name="工业质检大模型").first.click()
    for criterion in contest.criteria.all():
        phone.fill(f"#id_c{criterion.pk}", "9")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name=re.compile("保存评分|Save score")).click()
    expect(phone.locator(".messages")).to_be_visible()
    assert JudgeAssignment.objects.get(pk=sheet.pk).score.total == 90.0
    expect(screen.locator("#screen-result")).to_contain_text("90", timeout=2000)
    screen.close()
    phone.close()
