"""The demo experts' publications, patents and past projects, written through the service."""

import pytest

from mentors.demo.data import MENTORS
from mentors.demo_profiles import PROFILES, enrich_profiles, profile_text
from projects.services import recompute
from talentbridge.models import AuditEntry
from tests.factories import ChallengeFactory, MentorFactory

pytestmark = pytest.mark.django_db


def test_every_demo_expert_has_works_and_projects():
    assert set(PROFILES) == {row[0] for row in MENTORS}
    assert len(PROFILES) == 40
    for publications, projects in PROFILES.values():
        assert len(publications) >= 2 and projects


def test_enrich_writes_the_profiles_once_with_an_audit_entry():
    storage = MentorFactory(name="潘志远", research_fields="储能系统集成")
    MentorFactory(name="不在名单的专家")
    assert enrich_profiles() == 1
    storage.refresh_from_db()
    assert storage.achievements == profile_text(*PROFILES["潘志远"])
    assert "储能电池簇均衡管理" in storage.achievements
    assert AuditEntry.objects.filter(action="mentors.mentor.edit").count() == 1
    assert enrich_profiles() == 0


def test_enriched_profiles_lead_the_suggestions_of_their_field():
    for name in ("潘志远", "罗振宇", "冯晓梅"):
        MentorFactory(name=name)
    enrich_profiles()
    challenge = ChallengeFactory(
        title="工商业储能电站电池热失控预警",
        summary="储能电池簇温度异常，需要热失控预警与均衡管理方案。",
    )
    recompute.recompute_target("challenges", challenge.pk)
    assert challenge.suggestions.order_by("rank").first().mentor.name == "潘志远"
