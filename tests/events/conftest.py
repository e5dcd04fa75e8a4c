"""Fixtures for events: an open summit run by ``organizer``, its categories, a ceremony, and
the people and demands of a pairing plan."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from events import plan
from events.models import Ceremony, EventPosting
from talentbridge.models import Membership, Office, OfficeRole, User
from tests.factories import (
    AttendeeCategoryFactory,
    ChallengeFactory,
    EventFactory,
    MenteeFactory,
    MentorFactory,
    OfficeFactory,
    PairingFactory,
    RegistrationFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Factories hash a password per user; the default hasher would dominate these tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def host_office(organizer):
    """The office that runs ``event``, managed by ``organizer``."""
    office = OfficeFactory(name="福建省引进人才服务中心")
    Membership.objects.create(office=office, user=organizer, role=OfficeRole.MANAGER)
    return office


@pytest.fixture
def event(host_office):
    return EventFactory(title="第二届中国侨智发展大会", office=host_office)


@pytest.fixture
def open_call(event):
    """``event`` with its call open since five days, for five more."""
    now = timezone.now()
    event.call_opens_at, event.call_closes_at = now - timedelta(days=5), now + timedelta(days=5)
    event.save()
    return event


@pytest.fixture
def guests(event):
    return AttendeeCategoryFactory(event=event, name="嘉宾", capacity=2)


@pytest.fixture
def other_organizer(db):
    """A manager of another office, who is not on the event's team."""
    user = UserFactory(name="另一位组织者", is_organizer=True)
    office = OfficeFactory(name="晋安区人民政府", kind=Office.Kind.GOVERNMENT)
    Membership.objects.create(office=office, user=user, role=OfficeRole.MANAGER)
    return user


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


@pytest.fixture
def people(event):
    """Two registered experts and two demands of the event, two mentees of the event."""
    category = AttendeeCategoryFactory(event=event)
    a = MentorFactory(name="左明健", research_fields="闸泵站故障智能诊断 机器学习", capacity=3)
    b = MentorFactory(name="陈思恩", research_fields="多元信息水域监管系统", capacity=3)
    for mentor in (a, b):
        RegistrationFactory(category=category, user=mentor.user)
    x = ChallengeFactory(title="泵站设备故障预警算法优化", summary="泵站故障诊断，机器学习。")
    y = ChallengeFactory(title="城市供水管网漏损智能监测", summary="水域监管与管网监测。")
    for challenge in (x, y):
        EventPosting.objects.create(event=event, challenge=challenge)
    m = MenteeFactory(name="林晨曦")
    n = MenteeFactory(name="郑雅文")
    for mentee in (m, n):
        RegistrationFactory(category=category, user=mentee.user)
    return {"a": a, "b": b, "x": x, "y": y, "m": m, "n": n}


@pytest.fixture
def crossed(people, monkeypatch, settings):
    """Scores where best-first goes wrong: A is best everywhere, B only fits X.

    The plan's minimum score is off here: these tests are about the optimum, and B's 0.1
    would fall below it (the minimum has its own test)."""
    settings.PAIRING_PLAN_MIN_SCORE = 0.0
    a, b = str(people["a"].pk), str(people["b"].pk)
    table = {"x": {a: 0.9, b: 0.7}, "y": {a: 0.8, b: 0.1}, "m": {a: 0.9, b: 0.7}}
    table["n"] = {a: 0.8, b: 0.1}
    # Demands and mentees are different tables: their ids may coincide.
    by_target = {(type(people[key]), people[key].pk): key for key in table}

    def fake(mentors, targets, of):
        return {
            (str(m.pk), str(t.pk)): table[by_target[(type(t), t.pk)]][str(m.pk)]
            for m in mentors
            for t in targets
        }

    monkeypatch.setattr(plan, "score_matrix", fake)
    return people
