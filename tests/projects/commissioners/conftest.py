"""Fixtures of the commissioners' tests: an office with a manager and a commissioner, a firm
with its representative serving by a dispatch, another firm, another office, and a clock."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation

from mentors.models import Organization
from mentors.services import save_mentor, save_organization
from projects.commissioners.services.dispatches import dispatch_commissioner
from projects.commissioners.services.records import log_service_record
from talentbridge.models import Membership, OfficeRole
from tests.factories import (
    CommissionerOfficeFactory,
    IndustryChainFactory,
    MentorFactory,
    OrganizationFactory,
    UserFactory,
)

VISIT = {
    "kind": "visit",
    "mode": "on_site",
    "duration_minutes": 90,
    "participants": "总经理、技术总监",
    "findings": "变频压缩机噪声超标，整机出口认证受阻。",
    "actions": "现场测试噪声频谱，提出减振方案。",
}


class Clock:
    """A fake ``timezone.now``: starts at a fixed moment and moves only when told."""

    def __init__(self, start: datetime):
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta) -> datetime:
        self.current += timedelta(**delta)
        return self.current


@pytest.fixture
def clock(monkeypatch):
    fake = Clock(timezone.make_aware(datetime(2026, 6, 1, 9, 0)))
    monkeypatch.setattr(timezone, "now", fake)
    return fake


def _member(office, role, **user):
    person = UserFactory(**user)
    Membership.objects.create(office=office, user=person, role=role)
    return person


@pytest.fixture
def appliances(db):
    return IndustryChainFactory(
        slug="smart_home_appliance", name_zh="智能家电", name_en="Smart home appliances"
    )


@pytest.fixture
def office(db):
    return CommissionerOfficeFactory(name="青岛市科技局")


@pytest.fixture
def manager(office):
    return _member(office, OfficeRole.OWNER, name="刘科长")


def make_commissioner(office, name: str, institution: str, research: str, fields=()):
    person = _member(office, OfficeRole.COMMISSIONER, name=name, is_mentor=True)
    university = OrganizationFactory(
        name=institution, kind=Organization.Kind.UNIVERSITY, city="青岛市", county="崂山区"
    )
    mentor = MentorFactory(
        user=person,
        name=name,
        affiliation=university,
        research_fields=research,
        current_city="青岛",
        phone="13912345678",
    )
    save_mentor(mentor, actor=None, fields=fields)
    return person


@pytest.fixture
def commissioner(office, appliances):
    return make_commissioner(
        office, "于海涛", "青岛大学", "家电智能控制与压缩机噪声振动控制", [appliances]
    )


@pytest.fixture
def firm(db, appliances):
    organization = OrganizationFactory(
        name="青岛海晟智能家电科技有限公司",
        city="青岛市",
        county="崂山区",
        province="山东省",
        description="智能家电整机与变频压缩机研发制造。",
    )
    return save_organization(organization, actor=None, fields=[appliances])


@pytest.fixture
def firm_rep(firm):
    person = UserFactory(name="海晟 王经理", is_enterprise=True)
    firm.members.add(person)
    return person


@pytest.fixture
def other_firm_rep(db):
    person = UserFactory(name="蓝湾 李经理", is_enterprise=True)
    OrganizationFactory(name="青岛蓝湾海洋装备有限公司", city="青岛市").members.add(person)
    return person


@pytest.fixture
def other_office_manager(db):
    return _member(CommissionerOfficeFactory(name="崂山区科技局"), OfficeRole.OWNER, name="崂山 赵")


@pytest.fixture
def dispatch(office, commissioner, firm, firm_rep, manager):
    return dispatch_commissioner(
        office,
        commissioner,
        firm,
        actor=manager,
        starts_on=timezone.localdate() - timedelta(days=60),
    )


@pytest.fixture
def record(dispatch, commissioner):
    return log_service_record(
        dispatch,
        actor=commissioner,
        served_on=timezone.localdate() - timedelta(days=3),
        **VISIT,
    )


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the messages in English (the portal's default is Chinese)."""
    with translation.override("en"):
        yield
