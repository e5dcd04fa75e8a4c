"""The office's dashboard against hand-counted data: records per commissioner and per firm,
受理率 and 办结率, the median response time, the needs pipeline by field and by region, the
export, and a query count that does not grow with the rows."""

import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from openpyxl import load_workbook

from projects.commissioners.dashboard import figures_workbook, office_figures
from projects.commissioners.models import DemandDraft, ServiceRecord
from projects.models import Claim, Status
from tests.factories import (
    ChallengeFactory,
    DispatchFactory,
    IndustryChainFactory,
    OrganizationFactory,
    ServiceRecordFactory,
    UserFactory,
    WhistleRequestFactory,
)

from .conftest import make_commissioner

pytestmark = pytest.mark.django_db

NOW = timezone.now
TODAY = timezone.localdate


@pytest.fixture
def world(office, commissioner, firm, appliances):
    marine = IndustryChainFactory(slug="marine_economy", name_zh="海洋经济", name_en="Marine")
    harbour = OrganizationFactory(
        name="青岛蓝湾海洋生物科技有限公司", province="山东省", city="青岛市", county="黄岛区"
    )
    harbour.fields.set([marine])
    colleague = make_commissioner(office, "王秀兰", "中国海洋大学", "海洋药物", [marine])
    idle = make_commissioner(office, "程亮", "山东省科学院海洋仪器仪表研究所", "光电检测")
    to_firm = DispatchFactory(office=office, commissioner=commissioner, organization=firm)
    to_harbour = DispatchFactory(office=office, commissioner=commissioner, organization=harbour)
    colleague_to_harbour = DispatchFactory(
        office=office, commissioner=colleague, organization=harbour
    )
    day = timedelta(days=1)
    records = [
        ServiceRecordFactory(dispatch=to_firm, served_on=TODAY() - 10 * day),
        ServiceRecordFactory(
            dispatch=to_firm, served_on=TODAY() - 20 * day, kind="call", duration_minutes=30
        ),
        ServiceRecordFactory(
            dispatch=to_harbour,
            served_on=TODAY() - 40 * day,
            status="disputed",
            duration_minutes=60,
        ),
        ServiceRecordFactory(
            dispatch=colleague_to_harbour,
            served_on=TODAY() - 5 * day,
            status="submitted",
            duration_minutes=120,
        ),
        ServiceRecordFactory(dispatch=to_firm, served_on=TODAY() - 400 * day),
    ]
    hour = timedelta(hours=1)
    for days_ago, acknowledged, closed in [(10, 2, 30), (9, 30, 130), (8, 10, None)]:
        raised = NOW() - timedelta(days=days_ago)
        WhistleRequestFactory(
            dispatch=to_firm,
            raised_at=raised,
            acknowledged_at=raised + acknowledged * hour,
            closed_at=raised + closed * hour if closed else None,
            status="closed" if closed else "acknowledged",
        )
    WhistleRequestFactory(dispatch=to_harbour, raised_at=NOW() - 2 * hour)
    WhistleRequestFactory(dispatch=to_harbour, raised_at=NOW() - 2 * day)
    expert = UserFactory(is_mentor=True)

    def draft(record, challenge_status=None, claimed=False, **values):
        challenge = None
        if challenge_status:
            challenge = ChallengeFactory(
                status=challenge_status, poster_organization=record.organization
            )
            if claimed:
                Claim.objects.create(
                    challenge=challenge,
                    claimant=expert,
                    approach="方案",
                    timeline="3个月",
                    expected_result="结果",
                    status=Claim.Status.ACCEPTED,
                )
        return DemandDraft.objects.create(
            record=record,
            title=f"需求 {record.pk}",
            summary="需要专家",
            drafted_by=record.commissioner,
            challenge=challenge,
            status="submitted" if challenge else "draft",
            **values,
        )

    draft(records[0])
    draft(records[1], Status.PUBLISHED)
    draft(records[2], Status.CLAIMED, claimed=True)
    draft(records[3], Status.SOLVED, claimed=True)
    draft(records[4], created_at=NOW() - timedelta(days=400))
    return {"colleague": colleague, "idle": idle, "harbour": harbour}


def figures(office, days=365):
    return office_figures(office, since=TODAY() - timedelta(days=days - 1), until=TODAY())


def test_records_per_commissioner_and_firm(office, world, commissioner, firm):
    result = figures(office)
    assert result.totals == {
        "records": 4,
        "visits": 3,
        "calls": 1,
        "confirmed": 2,
        "disputed": 1,
        "firms": 2,
        "minutes": 300,
    }
    rows = {row["name"]: row for row in result.per_commissioner}
    assert rows[commissioner.name] == {
        "name": commissioner.name,
        "institution": "青岛大学",
        "records": 3,
        "visits": 2,
        "calls": 1,
        "confirmed": 2,
        "disputed": 1,
        "firms": 2,
        "minutes": 180,
    }
    assert (rows["王秀兰"]["records"], rows["王秀兰"]["minutes"]) == (1, 120)
    assert rows["程亮"]["records"] == 0
    assert [row["name"] for row in result.per_commissioner] == [commissioner.name, "王秀兰", "程亮"]
    firms = {row["name"]: row["records"] for row in result.per_firm}
    assert firms == {firm.name: 2, world["harbour"].name: 2}
    assert figures(office, days=10_000).totals["records"] == 5


def test_acknowledged_and_closed_on_time_and_median_response(office, world):
    result = figures(office)
    assert result.whistles == {"raised": 5, "open": 3, "overdue": 2}
    assert (result.acknowledged.done, result.acknowledged.due) == (2, 4)
    assert result.acknowledged.percent == 50
    assert (result.closed.done, result.closed.due) == (1, 3)
    assert result.closed.percent == 33
    assert result.median_response_hours == 10.0


def test_needs_distilled_published_claimed_solved(office, world):
    assert figures(office).pipeline == {
        "distilled": 4,
        "submitted": 3,
        "published": 3,
        "claimed": 2,
        "solved": 1,
    }
    assert figures(office, days=10_000).pipeline["distilled"] == 5


def test_by_field_and_by_region(office, world):
    result = figures(office)
    by_field = {row["label"]: row for row in result.by_field}
    assert by_field["Smart home appliances"] == {
        "label": "Smart home appliances",
        "records": 2,
        "firms": 1,
        "distilled": 2,
        "submitted": 1,
        "published": 1,
        "claimed": 0,
        "solved": 0,
    }
    assert {k: by_field["Marine"][k] for k in ("records", "distilled", "claimed", "solved")} == {
        "records": 2,
        "distilled": 2,
        "claimed": 2,
        "solved": 1,
    }
    by_region = {row["label"]: row["records"] for row in result.by_region}
    assert by_region == {"青岛市崂山区": 2, "青岛市黄岛区": 2}


def test_an_office_sees_only_its_own_figures(office, world, other_office_manager):
    other = other_office_manager.memberships.get().office
    result = figures(other)
    assert result.totals["records"] == 0 and result.whistles["raised"] == 0
    assert result.pipeline["distilled"] == 0


def test_the_export_holds_the_figures(office, world, commissioner):
    with translation.override("en"):
        content = figures_workbook(office, figures(office))
    book = load_workbook(io.BytesIO(content), read_only=True)
    assert book.sheetnames == [
        "Summary",
        "Commissioners",
        "Firms",
        "By field",
        "By region",
    ]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    assert summary["Service records"] == 4
    assert summary["Acknowledged on time (受理率)"] == "50%"
    assert summary["Median response (hours)"] == 10.0
    people = list(book["Commissioners"].iter_rows(values_only=True))
    assert people[1][:3] == (commissioner.name, "青岛大学", 3)
    assert not any("1391234" in str(cell) for row in people for cell in row)


def test_the_number_of_queries_does_not_grow_with_the_rows(office, world, commissioner):
    with CaptureQueriesContext(connection) as few:
        figures(office)
    for number in range(20):
        firm = OrganizationFactory(name=f"青岛新企业{number}", county="城阳区")
        ServiceRecordFactory(
            dispatch=DispatchFactory(office=office, commissioner=commissioner, organization=firm)
        )
    with CaptureQueriesContext(connection) as many:
        figures(office)
    assert ServiceRecord.objects.filter(office=office).count() == 25
    assert len(many) == len(few)


def test_the_page_shows_the_figures(office, world, manager, client_for):
    page = client_for(manager).get(f"/boards/commissioners/offices/{office.pk}/dashboard/")
    assert page.status_code == 200
    assert page.context["figures"].totals["records"] == 4
    html = page.content.decode()
    assert 'id="figure-acknowledged">50%' in html
    assert 'id="pipeline-solved">1<' in html
