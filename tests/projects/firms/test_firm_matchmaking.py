"""Firms get suggested experts without a demand; a county's matchmaking list uses the plan."""

import pytest
from django.urls import reverse

from mentors.hometown.services import add_to_roster
from mentors.models import IndustryChain, Organization
from mentors.rules import can_see_contact
from mentors.services import save_mentor, save_organization
from projects.firms.models import FirmMatch
from projects.firms.services import MatchmakingError, compute_matchmaking, decide_firm_match
from projects.firms.suggestions import office_firms, suggest_experts_for_firm
from talentbridge.models import Office, OfficeRole
from tests.factories import MentorFactory, OfficeFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def garlic(db):
    return IndustryChain.objects.create(slug="garlic", name_zh="大蒜及食品加工", name_en="Garlic")


@pytest.fixture
def chemicals(db):
    return IndustryChain.objects.create(slug="chem", name_zh="高端化工", name_en="Chemicals")


@pytest.fixture
def office(db):
    return OfficeFactory(
        name="金乡县顾问之家", kind=Office.Kind.HOMETOWN, region="山东省济宁市金乡县"
    )


@pytest.fixture
def manager(office):
    return member_of(office, OfficeRole.MANAGER)


def _firm(name, field, county="金乡县", city="济宁市"):
    firm = Organization(
        name=name,
        kind=Organization.Kind.ENTERPRISE,
        province="山东省",
        city=city,
        county=county,
        description=f"{field.name_zh}企业",
    )
    return save_organization(firm, actor=None, fields=[field])


def _expert(name, field, county, capacity=1):
    mentor = MentorFactory(
        name=name,
        province="山东省",
        city="济宁市",
        county=county,
        capacity=capacity,
        research_fields=field.name_zh,
    )
    return save_mentor(mentor, actor=None, fields=[field])


@pytest.fixture
def world(office, manager, garlic, chemicals):
    firms = [
        _firm("蒜都食品", garlic),
        _firm("金乡化工", chemicals),
        _firm("济南化工", chemicals, "历下区", "济南市"),
    ]
    native = _expert("老乡大蒜专家", garlic, "金乡县", capacity=2)
    outsider = _expert("外地大蒜专家", garlic, "鱼台县")
    chemist = _expert("老乡化工专家", chemicals, "金乡县")
    for mentor in (native, outsider, chemist):
        add_to_roster(office, mentor, actor=manager)
    return firms, native, outsider, chemist


def test_office_firms_are_those_of_its_county(office, world):
    assert [f.name for f in office_firms(office)] == ["蒜都食品", "金乡化工"]


def test_hometown_bonus_ranks_the_native_first(office, world):
    firms, native, outsider, _ = world
    ranked = suggest_experts_for_firm(firms[0], office=office)
    assert [c.mentor for c in ranked[:2]] == [native, outsider]
    assert ranked[0].score > ranked[1].score


def test_matchmaking_plans_within_capacity_and_accepting_grants_contacts(office, manager, world):
    firms, native, _outsider, chemist = world
    assert compute_matchmaking(office, actor=manager) >= 2
    pairs = set(FirmMatch.objects.values_list("mentor__name", "organization__name"))
    assert ("老乡大蒜专家", "蒜都食品") in pairs
    assert ("老乡化工专家", "金乡化工") in pairs
    assert FirmMatch.objects.filter(mentor=chemist).count() <= 1
    representative = UserFactory()
    firms[0].members.add(representative)
    match = FirmMatch.objects.get(mentor=native, organization=firms[0])
    assert not can_see_contact(representative, native)
    decide_firm_match(match, accept=True, actor=manager)
    assert can_see_contact(representative, native)
    with pytest.raises(MatchmakingError):
        decide_firm_match(match, accept=False, actor=manager)
    # A new plan keeps decided pairs and proposes nothing twice.
    compute_matchmaking(office, actor=manager)
    assert FirmMatch.objects.filter(mentor=native, organization=firms[0]).count() == 1


def test_pages_are_for_the_office_and_the_firm(client, office, manager, world):
    firms = world[0]
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(reverse("projects:firm_matchmaking", args=[office.pk])).status_code == 404
    assert client.get(reverse("projects:firm_experts", args=[firms[0].pk])).status_code == 404
    firms[0].members.add(stranger)
    assert client.get(reverse("projects:firm_experts", args=[firms[0].pk])).status_code == 200
    client.force_login(manager)
    client.post(reverse("projects:firm_matchmaking_plan", args=[office.pk]))
    page = client.get(reverse("projects:firm_matchmaking", args=[office.pk]))
    assert page.status_code == 200 and "老乡大蒜专家" in page.content.decode()
    url = reverse("projects:firm_experts", args=[firms[0].pk]) + f"?office={office.pk}"
    assert "老乡大蒜专家" in client.get(url).content.decode()
