"""A hand-counted talent map: office A holds experts, firms and demands in Shandong (金乡县 and
鱼台县 of 济宁市, 历下区 of 济南市); office B holds one expert from 福州; the platform has a
few more rows no office holds."""

from datetime import date

import pytest

from mentors.models import Holding
from mentors.services import hold_person
from projects.models import Landing, Status
from talentbridge.regions import load_regions
from tests.factories import (
    ChallengeFactory,
    IndustryChainFactory,
    MentorFactory,
    OfficeFactory,
    OrganizationFactory,
    member_of,
)

JINXIANG = ("山东省", "济宁市", "金乡县")
YUTAI = ("山东省", "济宁市", "鱼台县")
LIXIA = ("山东省", "济南市", "历下区")
JINAN = ("福建省", "福州市", "晋安区")


def _place(where):
    return dict(zip(("province", "city", "county"), where, strict=True))


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The platform's figures are counted live here; test_rollup compares the two.
    settings.TALENT_MAP_ROLLUP = False


@pytest.fixture
def world(db):
    load_regions()  # a transactional test elsewhere may have emptied the tree
    office_a, office_b = OfficeFactory(name="济宁市人才办"), OfficeFactory(name="福州市人才办")
    manager_a, manager_b = member_of(office_a), member_of(office_b)
    ai = IndustryChainFactory(slug="ai", name_zh="人工智能", name_en="AI")
    marine = IndustryChainFactory(slug="marine", name_zh="海洋经济", name_en="Marine")

    def expert(where, field, office, **extra):
        mentor = MentorFactory(
            user=None, name=f"{where[2] or where[0]}专家", email="", **_place(where), **extra
        )
        mentor.fields.add(field)
        if office:
            hold_person(office, mentor, source=Holding.Source.IMPORTED, actor=None)
        return mentor

    def firm(where, field, office):
        organization = OrganizationFactory(**_place(where))
        organization.fields.add(field)
        if office:
            hold_person(office, organization, source=Holding.Source.IMPORTED, actor=None)
        return organization

    def demand(where, field, office, status=Status.PUBLISHED):
        challenge = ChallengeFactory(**_place(where), office=office, status=status)
        challenge.fields.add(field)
        return challenge

    for _ in range(6):
        expert(JINXIANG, ai, office_a)
    expert(YUTAI, ai, office_a)
    expert(LIXIA, marine, office_a)
    expert(LIXIA, marine, office_a)
    expert(("亚特兰蒂斯", "", ""), ai, office_a)
    expert(JINAN, ai, office_b, current_city="济宁市")
    expert(JINXIANG, ai, None, current_city="北京市")  # on the platform, held by no office
    for _ in range(3):
        firm(JINXIANG, ai, office_a)
    for _ in range(9):
        demand(JINXIANG, ai, office_a)
    demand(JINXIANG, ai, office_a, status=Status.CLOSED)  # not open: not counted
    for _ in range(2):
        demand(YUTAI, ai, office_a)
    landed = demand(JINXIANG, ai, office_a, status=Status.LANDED)
    Landing.objects.create(challenge=landed, **_place(JINXIANG), landed_on=date(2026, 5, 1))
    return {
        "office_a": office_a,
        "office_b": office_b,
        "manager_a": manager_a,
        "manager_b": manager_b,
        "ai": ai,
        "marine": marine,
    }
