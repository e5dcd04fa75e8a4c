"""The demo programme's six years: the outcomes report reproduces the seed's headline
figures from data, the load is fast, and a second run changes nothing."""

import time

import pytest
from django.utils import translation

from events.demo import outcomes as outcomes_demo
from events.statistics.outcomes import OutcomeScope, outcome_figures
from events.statistics.outcomes_report import paragraph
from mentors.demo.data import MENTEES, MENTORS
from mentors.models import Mentee, Mentor, Studio, TrainingSession
from projects.models import FollowUp, Landing, Project
from talentbridge import demo as accounts_demo
from talentbridge.models import Office
from tests.factories import EventFactory, OfficeFactory

pytestmark = pytest.mark.django_db


def _rows() -> tuple:
    models = (Project, Landing, FollowUp, Studio, TrainingSession, Mentee)
    return tuple(model.objects.count() for model in models)


def test_the_programme_reproduces_the_seed_figures(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    accounts = accounts_demo.seed()
    summit = EventFactory(office=OfficeFactory(name="福建省引进人才服务中心"))
    started = time.perf_counter()
    outcomes_demo.seed(accounts, summit)
    elapsed = time.perf_counter() - started
    assert elapsed < 30  # ≈ 5 s on an idle laptop; the bound leaves room for a busy machine
    office = Office.objects.get(name=outcomes_demo.OFFICE)
    scope = OutcomeScope(offices=frozenset({office.pk}), since=2021, until=2026)
    totals = outcome_figures(scope)["totals"]
    assert {key: totals[key] for key in outcomes_demo_figures()} == outcomes_demo_figures()
    with translation.override("zh-hans"):
        text = paragraph(totals, who=office.name, since=2021, until=2026)
    assert "先后有707名专家参与，共建立工作室255个，培育基层骨干735名" in text
    assert "征集人才项目3063项" in text
    assert "促成187个项目落地，意向投资35亿元，覆盖29个县、40个乡镇、49个村" in text
    assert "培育乡土人才7961人" in text and "现场上台签约8个" in text
    # Seeds keyed on names (the summit's experts and mentees) never meet a programme row.
    assert not Mentor.objects.filter(name__in=[row[0] for row in MENTORS]).exists()
    assert not Mentee.objects.filter(name__in=[row[0] for row in MENTEES]).exists()
    before = _rows()
    outcomes_demo.seed(accounts, summit)
    assert _rows() == before


def outcomes_demo_figures() -> dict:
    return {
        "experts": 707,
        "studios": 255,
        "backbone": 735,
        "trainees": 15_086,
        "collected": 3063,
        "founders": 594,
        "venture_firms": 125,
        "returning_youth": 711,
        "landed": 187,
        "intended": 3_500_000_000,
        "counties": 29,
        "towns": 40,
        "villages": 49,
        "rural_talents": 7961,
        "signings": 8,
        "signed_on_stage": 8,
    }
