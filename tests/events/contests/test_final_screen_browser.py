"""Browser journeys of the final's big screen: the last judge's score on a phone reaches the
screen within a second (behind a real Pushpin), and the screen still follows the final after
its connection is cut — when the push node goes down, and when the network drops while Django
serves the stream alone."""

import time

import pytest
from playwright.sync_api import expect

from events.contests.judging import advance_to_final, apply_assignment, save_score, show_on_stage
from events.contests.services import save_entry, submit_entry
from events.models import JudgeAssignment, Round
from tests.events.test_live_browser import pushpin  # noqa: F401
from tests.factories import UserFactory

from .world import build_contest, full_marks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def staged_final() -> dict:
    """Two finalists in 人工智能; the first on stage, scored by two of its three judges."""
    w = build_contest()
    contest = w["contest"]
    rival = save_entry(
        contest,
        actor=UserFactory(name="青岛 新锐团队"),
        data={
            "track": w["ai"],
            "team_name": "新锐团队",
            "project_title": "工业质检大模型",
            "answers": {str(contest.questions.get().pk): "是"},
        },
    )
    submit_entry(rival, actor=rival.owner)
    apply_assignment(Round.objects.get(contest=contest), actor=w["manager"])
    for sheet in JudgeAssignment.objects.select_related("judge"):
        value = 8 if sheet.entry_id == w["entry"].pk else 7
        save_score(sheet, actor=sheet.judge, marks=full_marks(contest, value))
    final = advance_to_final(contest, actor=w["manager"])
    first, second = final.contest.entries.filter(final_position__isnull=False).order_by(
        "final_position"
    )
    show_on_stage(final, first, actor=w["manager"])
    last, *others = w["judges"]
    for judge in others:
        score(final, first, judge, 9)
    return w | {"final": final, "first": first, "second": second, "last": last, "others": others}


def score(final, entry, judge, value):
    sheet = JudgeAssignment.objects.get(round=final, entry=entry, judge=judge)
    save_score(sheet, actor=judge, marks=full_marks(final.contest, value))


def open_screen(browser, base_url, contest):
    screen = browser.new_context().new_page()
    screen.goto(f"{base_url}/events/contests/{contest.pk}/screen")
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "stream")
    return screen


@pytest.mark.pushpin
def test_last_judges_score_on_a_phone_reaches_the_screen_within_a_second_and_after_a_cut(
    browser,
    page,
    pushpin,  # noqa: F811
    live_server,
    login_page,
):
    w = staged_final()
    contest, final, first, second = w["contest"], w["final"], w["first"], w["second"]
    # The screen goes through Pushpin; the judge's phone talks to Django directly.
    screen = open_screen(browser, f"http://{pushpin.address}", contest)
    expect(screen.locator("#screen-team")).to_have_text(first.team_name)
    expect(screen.locator("#screen-progress")).to_contain_text("3 位评委中已有 2 位评分")

    login_page(w["last"])
    page.set_viewport_size({"width": 390, "height": 844})
    sheet = JudgeAssignment.objects.get(round=final, entry=first, judge=w["last"])
    page.goto(f"{live_server.url}/events/contests/{contest.pk}/sheets/{sheet.pk}/")
    for criterion in contest.criteria.all():
        page.fill(f"#id_c{criterion.pk}", "6")
    page.get_by_role("button", name="保存评分").click()
    saved = time.monotonic()
    expect(page.locator(".messages")).to_be_visible()
    # (90 + 90 + 60) / 3
    expect(screen.locator("#screen-result")).to_have_text("得分：80.0", timeout=1000)
    assert time.monotonic() - saved < 1

    # The push node goes down and cuts the screen's stream; the next team goes on stage and
    # is scored meanwhile; the screen reconnects by itself and catches up.
    pushpin.stop()
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "reconnecting")
    show_on_stage(final, second, actor=w["manager"])
    for judge in w["judges"]:
        score(final, second, judge, 7)
    screen.wait_for_timeout(500)
    expect(screen.locator("#screen-team")).to_have_text(first.team_name)
    pushpin.start()
    expect(screen.locator("#screen-team")).to_have_text(second.team_name, timeout=5000)
    expect(screen.locator("#screen-result")).to_have_text("得分：70.0")
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "stream")
    show_on_stage(final, first, actor=w["manager"])
    expect(screen.locator("#screen-team")).to_have_text(first.team_name, timeout=1000)


def test_screen_served_by_django_recovers_after_a_network_drop(
    browser, live_server, settings, login_page, page
):
    # Without a push engine (the embedded default) each stream ends after a second.
    settings.LIVE_STREAM_SECONDS = 1
    w = staged_final()
    contest, final, first = w["contest"], w["final"], w["first"]
    screen = open_screen(browser, live_server.url, contest)
    expect(screen.locator("#screen-progress")).to_contain_text("3 位评委中已有 2 位评分")
    cut = "**/screen/{stream,state}*"
    screen.route(cut, lambda route: route.abort("internetdisconnected"))
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "reconnecting")
    score(final, first, w["last"], 6)
    screen.wait_for_timeout(2500)
    expect(screen.locator("#screen-progress")).to_be_visible()
    screen.unroute(cut)
    expect(screen.locator("#screen-result")).to_have_text("得分：80.0", timeout=2500)
    expect(screen.locator("#screen-state")).to_have_attribute("data-live-mode", "stream")
