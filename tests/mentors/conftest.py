"""Fixtures for the people app: tagged profiles whose search text is current, held by the
office whose manager is ``organizer``."""

import itertools

import pytest

from mentors.models import Holding, IndustryChain, Mentee, Mentor
from mentors.services import hold_person, save_mentee, save_mentor
from talentbridge.models import OfficeRole
from tests.factories import HonourFactory, OfficeFactory, OrganizationFactory, member_of

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The permission matrix creates six accounts per case; real PBKDF2 would take minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def home_office(db):
    """The office that holds the profiles ``make_mentor`` and ``make_mentee`` create."""
    return OfficeFactory(name="福建省引进人才服务中心")


@pytest.fixture
def other_office(db):
    return OfficeFactory(name="晋安区人民政府")


@pytest.fixture
def organizer(home_office):
    """A manager of the home office (the platform's organizer flag alone grants nothing)."""
    return member_of(home_office, OfficeRole.MANAGER, name="组织者 王敏", is_organizer=True)


def _held(person, office):
    if office is not None:
        hold_person(office, person, source=Holding.Source.CREATED, actor=None)
    return person


@pytest.fixture
def taxonomy(db):
    """The fields and honours the tests name, with their seeded slugs."""
    fields = {
        slug: IndustryChain.objects.create(slug=slug, name_zh=zh, name_en=en)
        for slug, zh, en in [
            ("marine_economy", "海洋经济", "Marine economy"),
            ("artificial_intelligence", "人工智能", "Artificial intelligence"),
            ("biomedicine", "生物医药", "Biomedicine"),
        ]
    }
    honours = {
        "academician": HonourFactory(
            slug="academician", name_zh="院士", name_en="Academician", level=1
        ),
        "leading-talent": HonourFactory(
            slug="leading-talent", name_zh="领军人才", name_en="Leading talent", level=4
        ),
    }
    return {"fields": fields, "honours": honours}


@pytest.fixture
def make_mentor(home_office):
    """Create an expert through the service, so that search text and seniority are set; the
    home office holds it unless ``held_by`` says otherwise (None: no office)."""

    def make(*, fields=(), honours=(), affiliation=None, held_by=home_office, **values) -> Mentor:
        n = next(_numbers)
        values.setdefault("name", f"专家{n}")
        values.setdefault("phone", f"1380013{n:04d}")
        values.setdefault("email", f"expert{n}@example.cn")
        if isinstance(affiliation, str):
            affiliation = OrganizationFactory(name=affiliation)
        mentor = Mentor(affiliation=affiliation, **values)
        mentor = save_mentor(mentor, actor=None, fields=list(fields), honours=list(honours))
        return _held(mentor, held_by)

    return make


@pytest.fixture
def make_mentee(home_office):
    def make(*, fields=(), held_by=home_office, **values) -> Mentee:
        n = next(_numbers)
        values.setdefault("name", f"徒弟{n}")
        values.setdefault("kind", Mentee.Kind.FOUNDER)
        values.setdefault("phone", f"1370013{n:04d}")
        values.setdefault("email", f"mentee{n}@example.cn")
        mentee = save_mentee(Mentee(**values), actor=None, fields=list(fields))
        return _held(mentee, held_by)

    return make
