"""Fixtures for the people app: tagged profiles whose search text is current."""

import itertools

import pytest

from mentors.models import IndustryChain, Mentee, Mentor
from mentors.services import save_mentee, save_mentor
from tests.factories import HonourFactory, OrganizationFactory

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The permission matrix creates six accounts per case; real PBKDF2 would take minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
def make_mentor(db):
    """Create an expert through the service, so that search text and seniority are set."""

    def make(*, fields=(), honours=(), affiliation=None, **values) -> Mentor:
        n = next(_numbers)
        values.setdefault("name", f"专家{n}")
        values.setdefault("phone", f"1380013{n:04d}")
        values.setdefault("email", f"expert{n}@example.cn")
        if isinstance(affiliation, str):
            affiliation = OrganizationFactory(name=affiliation)
        mentor = Mentor(affiliation=affiliation, **values)
        return save_mentor(mentor, actor=None, fields=list(fields), honours=list(honours))

    return make


@pytest.fixture
def make_mentee(db):
    def make(*, fields=(), **values) -> Mentee:
        n = next(_numbers)
        values.setdefault("name", f"徒弟{n}")
        values.setdefault("kind", Mentee.Kind.FOUNDER)
        values.setdefault("phone", f"1370013{n:04d}")
        values.setdefault("email", f"mentee{n}@example.cn")
        return save_mentee(Mentee(**values), actor=None, fields=list(fields))

    return make
