"""Fixtures for events: an open summit run by ``organizer``, its categories, a ceremony."""

import pytest
from django.core.cache import cache

from events.models import Ceremony
from talentbridge.models import User
from tests.factories import AttendeeCategoryFactory, EventFactory, PairingFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Factories hash a password per user; the default hasher would dominate these tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def event(organizer):
    return EventFactory(title="第二届中国侨智发展大会", organizers=[organizer])


@pytest.fixture
def guests(event):
    return AttendeeCategoryFactory(event=event, name="嘉宾", capacity=2)


@pytest.fixture
def other_organizer(db):
    """An organizer who is not on the event's team."""
    return UserFactory(name="另一位组织者", is_organizer=True)


@pytest.fixture
def ceremony(event):
    """A ceremony with three accepted pairings: two in group 1, one in group 2."""
    ceremony = Ceremony.objects.create(event=event, title="青蓝接力对接仪式", group_count=5)
    for group, position in ((1, 1), (1, 2), (2, 1)):
        ceremony.pairs.create(
            pairing=PairingFactory(), group=group, position=position, project_title="闸泵站诊断"
        )
    return ceremony


def make_users(count: int, prefix: str = "rush") -> list[User]:
    """Many users at once, without hashing a password for each."""
    return User.objects.bulk_create(
        User(email=f"{prefix}{i}@example.cn", name=f"{prefix}{i}", password="!")
        for i in range(count)
    )


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The big screen's version tags live in the shared cache; no test sees another's.
    cache.clear()
