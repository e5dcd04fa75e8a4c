"""Outcomes over years: figures against hand-counted data, office scoping, the paragraph in
both languages and the Word document."""

import io
from datetime import date

import pytest
from django.utils import translation
from docx import Document

from events.models import Signing
from events.statistics.outcomes import OutcomeScope, outcome_figures
from events.statistics.outcomes_report import bilingual, report_docx
from mentors.models import Holding, Organization, Studio, TrainingSession
from projects.models import FollowUp, Landing
from tests.factories import (
    EventFactory,
    MenteeFactory,
    MentorFactory,
    OfficeFactory,
    OrganizationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _landing(project, county, town, village, year, amount):
    return Landing.objects.create(
        project=project,
        province="福建省",
        city="福州市",
        county=county,
        town=town,
        village=village,
        landed_on=date(year, 6, 1),
        intended_investment=amount,
    )


@pytest.fixture
def world():
    """Office A: 2 experts, 3 projects (2 landed in 2 counties, 2 towns, 2 villages, ¥350 M),
    1 studio with 2 sessions, 2 rural talents, 1 returning youth, 1 venture firm, 2 signings
    (1 on stage), 1 landing followed up twice. Office B: one project and landing."""
    office_a, office_b = OfficeFactory(name="福建省引进人才服务中心"), OfficeFactory(name="其他")
    expert_1, expert_2 = MentorFactory(name="专家一"), MentorFactory(name="专家二")
    projects = [
        ProjectFactory(office=office_a, poster_mentor=expert_1),
        ProjectFactory(office=office_a, poster_mentor=expert_1),
        ProjectFactory(
            office=office_a, poster_mentor=None, poster_organization=OrganizationFactory()
        ),
    ]
    for project, year in zip(projects, (2020, 2021, 2021), strict=True):
        type(project).objects.filter(pk=project.pk).update(created_at=f"{year}-03-01T08:00Z")
    first = _landing(projects[0], "晋安区", "新店镇", "赤桥村", 2020, 150_000_000)
    _landing(projects[1], "闽侯县", "南屿镇", "旗山村", 2021, 200_000_000)
    _landing(ProjectFactory(office=office_b), "鼓楼区", "", "", 2021, 900_000_000)
    studio = Studio.objects.create(
        office=office_a, name="名医工作室", mentor=expert_2, opened_on=date(2021, 1, 5)
    )
    for held_on, trainees, backbone in ((date(2021, 3, 1), 100, 4), (date(2022, 3, 1), 50, 3)):
        TrainingSession.objects.create(
            studio=studio,
            title="培训",
            held_on=held_on,
            trainees=trainees,
            backbone_trained=backbone,
        )
    for kind in ("rural_talent", "rural_talent", "returning_youth"):
        Holding.objects.create(office=office_a, mentee=MenteeFactory(kind=kind), source="imported")
    Holding.objects.create(
        office=office_a,
        organization=OrganizationFactory(kind=Organization.Kind.VENTURE),
        source="imported",
    )
    event = EventFactory(office=office_a)
    Signing.objects.create(
        event=event,
        title="甲",
        parties="x",
        signed_on=date(2021, 12, 17),
        on_stage=1,
        amount=10,
    )
    Signing.objects.create(event=event, title="乙", parties="y", signed_on=date(2021, 12, 17))
    FollowUp.objects.create(
        landing=first, checked_on=date(2021, 6, 1), status="preparing", jobs_created=5
    )
    FollowUp.objects.create(
        landing=first,
        checked_on=date(2022, 6, 1),
        status="operating",
        jobs_created=30,
        talents_brought=2,
    )
    return office_a, office_b


def test_figures_of_one_office_match_the_hand_count(world):
    office_a, _office_b = world
    totals = outcome_figures(OutcomeScope(offices=frozenset({office_a.pk})))["totals"]
    assert {
        k: totals[k]
        for k in (
            "experts",
            "collected",
            "landed",
            "intended",
            "counties",
            "towns",
            "villages",
            "studios",
            "sessions",
            "trainees",
            "backbone",
            "rural_talents",
            "returning_youth",
            "venture_firms",
            "signings",
            "signed_on_stage",
            "followed_up",
            "operating",
            "jobs",
            "talents_brought",
        )
    } == {
        "experts": 2,
        "collected": 3,
        "landed": 2,
        "intended": 350_000_000,
        "counties": 2,
        "towns": 2,
        "villages": 2,
        "studios": 1,
        "sessions": 2,
        "trainees": 150,
        "backbone": 7,
        "rural_talents": 2,
        "returning_youth": 1,
        "venture_firms": 1,
        "signings": 2,
        "signed_on_stage": 1,
        "followed_up": 1,
        "operating": 1,
        "jobs": 30,
        "talents_brought": 2,
    }


def test_period_region_and_all_offices(world):
    everyone = outcome_figures(OutcomeScope())["totals"]
    assert (everyone["landed"], everyone["intended"]) == (3, 1_250_000_000)
    year_2021 = outcome_figures(OutcomeScope(since=2021, until=2021))
    assert year_2021["totals"]["landed"] == 2
    assert year_2021["totals"]["trainees"] == 100
    assert outcome_figures(OutcomeScope(region="闽侯县"))["totals"]["landed"] == 1
    rows = {row["year"]: row for row in outcome_figures(OutcomeScope())["years"]}
    assert (rows[2020]["landed"], rows[2021]["landed"], rows[2021]["signings"]) == (1, 2, 2)
    assert rows[2022]["trainees"] == 50


def test_the_paragraph_in_both_languages(world):
    office_a, _office_b = world
    totals = outcome_figures(OutcomeScope(offices=frozenset({office_a.pk})))["totals"]
    who = {"zh-hans": office_a.name, "en": "the Fujian talent centre"}
    zh, en = bilingual(totals, who=who, since=2020, until=2025)
    assert zh["text"].startswith("2020年至2025年，福建省引进人才服务中心先后有2名专家")
    assert "促成2个项目落地，意向投资3.5亿元，覆盖2个县、2个乡镇、2个村" in zh["text"]
    assert en["text"].startswith("From 2020 to 2025, the Fujian talent centre brought together")
    assert "2 projects landed, with intended investment of ¥350 million" in en["text"]
    assert "Follow-ups of 1 landed projects found 1 operating" in en["text"]


def test_the_docx_opens_and_holds_the_figures(world):
    office_a, _office_b = world
    figures = outcome_figures(OutcomeScope(offices=frozenset({office_a.pk})))
    who = {"zh-hans": office_a.name, "en": office_a.name}
    with translation.override("zh-hans"):
        paragraphs = bilingual(figures["totals"], who=who, since=None, until=None)
        body = report_docx("成果报告", paragraphs, figures["totals"], figures["years"])
    document = Document(io.BytesIO(body))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "意向投资3.5亿元" in text and "intended investment of ¥350 million" in text
    years = document.tables[1]
    assert [cell.text for cell in years.rows[1].cells][:3] == ["2020", "1", "1"]
