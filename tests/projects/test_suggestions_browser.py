"""The suggestions panel on a demand's page, clicked through in headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

from projects.models import SuggestionFeedback
from projects.services import recompute
from talentbridge.models import Notification
from tests.factories import ChallengeFactory, IndustryChainFactory, MentorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_poster_invites_a_suggested_expert_and_rates_the_suggestion(page, live_server, login_page):
    water = IndustryChainFactory(slug="water_conservancy", name_zh="水利", name_en="Water")
    expert = MentorFactory(
        name="左明健", research_fields="闸泵站健康状态分析与故障智能诊断", bio="泵站故障诊断。"
    )
    expert.fields.set([water])
    challenge = ChallengeFactory(
        title="泵站设备故障预警算法优化", summary="泵站设备故障频发，需要故障诊断方案。"
    )
    challenge.fields.set([water])
    recompute.recompute_target("challenges", challenge.pk)

    login_page(challenge.owner)
    page.goto(live_server.url + challenge.get_absolute_url())
    panel = page.locator(f"#suggestions-challenges-{challenge.pk}")
    card = panel.locator(".suggestion").first
    expect(card.locator("h3")).to_contain_text("左明健")  # loaded by htmx after the page
    expect(card.locator(".reasons")).to_contain_text("共同领域")
    expect(card.locator(".reasons")).to_contain_text("水利")

    card.get_by_role("button", name=re.compile("邀请揭榜|Invite to claim")).click()
    expect(card.locator(".invite")).to_contain_text("已邀请")
    assert Notification.objects.filter(user=expert.user).count() == 1

    card.get_by_role("button", name=re.compile("^相关$|^Relevant$")).click()
    expect(card.locator(".feedback-thanks")).to_be_visible()
    assert SuggestionFeedback.objects.get().relevant is True
