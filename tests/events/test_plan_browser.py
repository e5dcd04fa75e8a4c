"""The organizer's pairing-plan page, clicked through in headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

from events.models import EventPosting, PlanConstraint
from tests.factories import (
    AttendeeCategoryFactory,
    ChallengeFactory,
    EventFactory,
    MentorFactory,
    RegistrationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organizer_locks_a_pair_and_sees_the_plan_solved_again(
    page, live_server, login_page, organizer, settings
):
    # Two one-line profiles score below the plan's default minimum; the minimum has its own
    # test (tests/events/test_plan.py), this one is about locking and accepting.
    settings.PAIRING_PLAN_MIN_SCORE = 0.0
    event = EventFactory(organizers=[organizer])
    category = AttendeeCategoryFactory(event=event)
    for name, research in (("左明健", "泵站故障智能诊断"), ("陈思恩", "水域监管系统 管网监测")):
        RegistrationFactory(
            category=category, user=MentorFactory(name=name, research_fields=research).user
        )
    for title, summary in (
        ("泵站设备故障预警", "泵站故障智能诊断"),
        ("供水管网漏损监测", "管网监测与水域监管"),
    ):
        EventPosting.objects.create(
            event=event, challenge=ChallengeFactory(title=title, summary=summary)
        )

    login_page(organizer)
    page.goto(live_server.url + f"/events/{event.pk}/plan/")
    expect(page.locator("h1")).to_have_text(re.compile("配对方案|Pairing plan"))
    expect(page.locator(".plan-summary")).to_contain_text("%")
    rows = page.locator(".plan-table tbody tr")
    expect(rows).to_have_count(2)

    rows.first.get_by_role("button", name=re.compile("锁定|Lock in")).click()
    expect(page.locator(".plan-locked")).to_have_count(1)
    assert PlanConstraint.objects.get().kind == PlanConstraint.Kind.LOCKED

    page.get_by_role("button", name=re.compile("采用方案|Accept the plan")).click()
    expect(page.locator(".messages")).to_be_visible()
