"""Integration: the last judge's score, saved through the score sheet's page, reaches real
stream clients of the final's big screen through a real Pushpin within a second, in each
client's language."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from events.contests import live
from events.contests.judging import advance_to_final, apply_assignment, save_score, show_on_stage
from events.models import JudgeAssignment, Round
from tests.events.test_live_pushpin import open_stream, pushpin, read_event  # noqa: F401

from .world import build_contest, full_marks

pytestmark = [pytest.mark.pushpin, pytest.mark.django_db(transaction=True)]


def test_the_last_score_reaches_screen_streams_through_pushpin(pushpin):  # noqa: F811
    w = build_contest()
    contest, entry, manager = w["contest"], w["entry"], w["manager"]
    apply_assignment(Round.objects.get(contest=contest), actor=manager)
    final = advance_to_final(contest, actor=manager)
    show_on_stage(final, entry, actor=manager)
    last, *others = w["judges"]
    for judge in others:
        sheet = JudgeAssignment.objects.get(round=final, entry=entry, judge=judge)
        save_score(sheet, actor=judge, marks=full_marks(contest, 9))
    path = reverse("events:contest_screen_stream", args=[contest.pk])
    tag = live.state_tag(live.final_state(contest))
    chinese = open_stream(pushpin, path, "zh-hans")
    english = open_stream(pushpin, path, "en", last_id=tag)
    assert chinese.headers["Content-Type"] == "text/event-stream"
    assert "Grip-Hold" not in chinese.headers
    waiting = read_event(chinese)
    assert waiting["id"] == tag and "3 位评委中已有 2 位评分" in waiting["data"]
    time.sleep(0.3)  # Pushpin subscribes the held connections to their channels

    judge = Client()
    judge.force_login(last)
    sheet = JudgeAssignment.objects.get(round=final, entry=entry, judge=last)
    marks = {f"c{pk}": "7" for pk in contest.criteria.values_list("pk", flat=True)}
    started = time.monotonic()
    answer = judge.post(reverse("events:contest_sheet", args=[contest.pk, sheet.pk]), marks)
    assert answer.status_code == 302
    pushed = read_event(chinese)
    assert time.monotonic() - started < 1
    assert pushed["event"] == "state"
    assert pushed["id"] == live.state_tag(live.final_state(contest)) != tag
    assert 'id="screen-result"' in pushed["data"] and "小派科技" in pushed["data"]
    # (90 + 90 + 70) / 3, in Chinese on one stream and in English on the other
    assert "83.33" in pushed["data"] and "得分" in pushed["data"]
    on_screen = read_event(english)  # it named the old tag, so its first event is the score
    assert "Score: 83.33" in on_screen["data"]
    assert time.monotonic() - started < 1
