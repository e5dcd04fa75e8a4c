"""Fixtures for the boards: a demand of an enterprise, a project of an expert (both submitted
to the office whose manager is ``organizer``), profiles, and the experts of the suggestion
tests."""

import pytest

from talentbridge.models import OfficeRole
from tests.factories import (
    ChallengeFactory,
    IndustryChainFactory,
    MenteeFactory,
    MentorFactory,
    OfficeFactory,
    OrganizationFactory,
    ProjectFactory,
    member_of,
)


@pytest.fixture
def home_office(db):
    """The office the fixtures' postings are submitted to."""
    return OfficeFactory(name="福建省引进人才服务中心")


@pytest.fixture
def other_office(db):
    return OfficeFactory(name="晋安区人民政府")


@pytest.fixture
def organizer(home_office):
    """A manager of the home office (the platform's organizer flag alone grants nothing)."""
    return member_of(home_office, OfficeRole.MANAGER, name="组织者 王敏", is_organizer=True)


@pytest.fixture
def expert(mentor_user):
    """The expert profile of ``mentor_user``."""
    return MentorFactory(user=mentor_user, name=mentor_user.name)


@pytest.fixture
def apprentice(mentee_user):
    """The mentee profile of ``mentee_user``."""
    return MenteeFactory(user=mentee_user, name=mentee_user.name)


@pytest.fixture
def company(enterprise_user):
    organization = OrganizationFactory(name="四创科技有限公司")
    organization.members.add(enterprise_user)
    return organization


@pytest.fixture
def challenge(enterprise_user, company, home_office):
    """A published demand of the enterprise, one slot."""
    return ChallengeFactory(owner=enterprise_user, poster_organization=company, office=home_office)


@pytest.fixture
def project(mentor_user, expert, home_office):
    """A published project of the expert, one slot."""
    return ProjectFactory(owner=mentor_user, poster_mentor=expert, office=home_office)


@pytest.fixture
def run_on_commit_at_once(monkeypatch):
    """Queue notifications at once: these tests run inside a transaction that never commits."""
    monkeypatch.setattr("talentbridge.celery.transaction.on_commit", lambda func, **kw: func())


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The suite creates many accounts; the production hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def water(db):
    return IndustryChainFactory(
        slug="water_conservancy", name_zh="水利", name_en="Water conservancy"
    )


@pytest.fixture
def experts(water):
    """A pump-station expert (Chinese), an overseas sensor expert (English), a physician."""
    pump = MentorFactory(
        name="左明健",
        research_fields="闸泵站健康状态分析与故障智能诊断",
        bio="长期从事泵站故障诊断与机器学习研究。",
        province="福建省",
        city="福州市",
        county="晋安区",
        languages="zh en",
    )
    pump.fields.set([water])
    sensor = MentorFactory(
        name="Dr. Alice Chen",
        research_fields="sensor networks for water pipelines",
        bio="Leak detection with acoustic sensors and machine learning.",
        languages="en",
    )
    doctor = MentorFactory(
        name="吴振华", research_fields="心血管外科", bio="心血管外科临床与研究。"
    )
    return pump, sensor, doctor
