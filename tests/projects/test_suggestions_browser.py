"""The suggestions panel on a demand's page, clicked through in headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

from projects.models import SuggestionFeedback
from projects.services import recompute
from talentbridge.models import Notification
from tests.factories import (
    ChallengeFactory,
    IndustryChainFactory,
    MentorFactory,
    OrganizationFactory,
)

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


def test_panel_shows_labels_and_informative_reasons_in_both_languages(
    page, live_server, login_page
):
    water = IndustryChainFactory(slug="water_conservancy", name_zh="水利", name_en="Water")
    expert = MentorFactory(
        name="左明健", research_fields="闸泵站健康状态分析与故障智能诊断", bio="泵站故障诊断。"
    )
    expert.fields.set([water])
    company = OrganizationFactory(name="四创科技有限公司")
    colleague = MentorFactory(
        name="四创 总工",
        affiliation=OrganizationFactory(name="四创科技"),
        research_fields="泵站故障诊断",
    )
    colleague.fields.set([water])
    challenge = ChallengeFactory(
        title="泵站设备故障预警算法优化",
        summary="四创科技有限公司的泵站设备故障频发，需要故障诊断方案。",
        poster_organization=company,
    )
    challenge.fields.set([water])
    recompute.recompute_target("challenges", challenge.pk)

    login_page(challenge.owner)
    page.goto(live_server.url + challenge.get_absolute_url())
    card = page.locator(f"#suggestions-challenges-{challenge.pk} .suggestion").first
    expect(card.locator("h3")).to_contain_text("左明健")
    expect(card.locator(".match-label")).to_have_text(re.compile("^(高度|较好|可能)匹配$"))
    expect(card.locator(".reasons")).to_contain_text("共同领域")
    expect(card.locator(".reasons")).to_contain_text("泵站")
    expect(card.locator(".reasons")).not_to_contain_text("有限公司")
    expect(card.locator(".reasons")).not_to_contain_text("四创")
    expect(card).not_to_contain_text("%")
    expect(page.locator(".suggestion")).to_have_count(1)  # the poster's colleague is absent

    page.get_by_role("button", name="English").click()
    page.goto(live_server.url + challenge.get_absolute_url())
    card = page.locator(f"#suggestions-challenges-{challenge.pk} .suggestion").first
    expect(card.locator(".match-label")).to_have_text(re.compile("^(Strong|Good|Possible) match$"))
    expect(card.locator(".reasons")).to_contain_text("Shared fields")
    expect(card.locator(".reasons")).to_contain_text("Water")
    expect(card).not_to_contain_text("%")
