"""Projects and demands imported from a spreadsheet into an event's call: the dry run's
row report, all or nothing, the call's queue, the call window and bad files."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from events.models import EventPosting
from events.queries import call_submissions
from events.services import EventError
from events.services.call import call_import_plan, import_to_call
from mentors.models import IndustryChain, Organization
from mentors.spreadsheets.rows import CREATE, ERROR, SKIP, ImportRejected
from projects.models import Challenge, PostingEvent, Project, Status
from projects.spreadsheets import MAX_POSTING_ROWS
from talentbridge.models import AuditEntry
from tests.factories import OrganizationFactory
from tests.mentors.sheets import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

PROJECT_HEADER = ["标题 / Title", "简介 / Summary", "发布单位 / Posted by", "领域 / Fields"]
PROJECT_HEADER += ["落地地区 / Landing region", "截止日期 / Deadline", "阶段 / Stage"]
PROJECT_HEADER += ["寻求投资 / Seeks investment", "意向投资（元） / Intended investment (yuan)"]
DEMAND_HEADER = ["Title", "Summary", "Posted by", "Reward from (yuan)", "Reward up to (yuan)"]


def _future(days=60) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _project(title, organization="四创科技有限公司", **cells):
    row = {
        "summary": "海上风电运维机器人，已在两个风场试用。",
        "fields": "海洋经济",
        "region": "福州市晋安区",
        "deadline": _future(),
        "stage": "成熟产业项目",
        "investment": "是",
        "amount": "5,000,000",
        **cells,
    }
    return [title, row["summary"], organization, row["fields"], row["region"]] + [
        row["deadline"],
        row["stage"],
        row["investment"],
        row["amount"],
    ]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def marine(db):
    return IndustryChain.objects.create(
        slug="marine_economy", name_zh="海洋经济", name_en="Marine economy"
    )


def test_the_dry_run_plans_every_row_and_changes_nothing(open_call):
    rows = [_project("海上风电运维机器人"), _project("深海养殖网箱"), [""] * 9]
    plan = call_import_plan(open_call, "projects", "p.xlsx", xlsx_bytes(rows, PROJECT_HEADER))
    assert plan.is_valid
    assert [(row.number, row.action) for row in plan.rows] == [(2, CREATE), (3, CREATE), (4, SKIP)]
    assert plan.rows[0].values["region"] == {
        "province": "福建省",
        "city": "福州市",
        "county": "晋安区",
    }
    assert plan.rows[0].values["intended_investment"] == 5_000_000
    assert plan.rows[0].values["seeks_investment"] is True
    assert not Project.objects.exists()
    assert not Organization.objects.exists()


def test_every_bad_cell_gets_its_own_message(open_call):
    rows = [
        _project("", fields="量子烹饪"),
        _project("海上风电运维机器人", region="火星市", deadline="明年春天"),
        _project("海上风电运维机器人", deadline="2020-01-01", investment="也许"),
        _project("深海养殖网箱", stage="梦想"),
    ]
    plan = call_import_plan(open_call, "projects", "p.csv", csv_bytes(rows, PROJECT_HEADER))
    assert not plan.is_valid
    errors = {row.number: row.errors for row in plan.rows}
    assert errors[2] == ["Title is required.", "Unknown field: 量子烹饪."]
    assert errors[3][0].startswith("No region is called “火星市”.")
    assert errors[3][1] == "“明年春天” is not a date: write it as 2026-05-31."
    assert errors[4] == [
        "The deadline cannot be in the past.",
        "Seeks investment: write 是 or 否 (yes or no), not “也许”.",
        "Duplicate of row 3 in this file.",
    ]
    assert errors[5] == ["Unknown stage “梦想”."]


def test_unknown_and_missing_columns_are_file_errors(open_call):
    data = csv_bytes([["x", "y"]], header=["Title", "Salary"])
    plan = call_import_plan(open_call, "challenges", "d.csv", data)
    assert plan.file_errors == [
        "Unknown column “Salary”.",
        "Required column “简介 / Summary” is missing.",
        "Required column “发布单位 / Posted by” is missing.",
    ]
    assert plan.rows == []


def test_a_reward_range_upside_down_is_an_error(open_call):
    rows = [["高盐废水零排放", "需要一套处理工艺", "福耀玻璃", "500000", "100000"]]
    plan = call_import_plan(open_call, "challenges", "d.csv", csv_bytes(rows, DEMAND_HEADER))
    assert plan.rows[0].action == ERROR
    assert plan.rows[0].errors == ["The upper bound is below the lower bound."]


def test_the_import_submits_every_row_to_the_call_queue(open_call, organizer):
    rows = [_project("海上风电运维机器人"), _project("深海养殖网箱", organization="福耀玻璃")]
    data = xlsx_bytes(rows, PROJECT_HEADER)
    plan = import_to_call(open_call, "projects", "p.xlsx", data, actor=organizer)
    assert plan.counts[CREATE] == 2
    projects = list(Project.objects.order_by("id"))
    assert [(p.title, p.status, p.office, p.owner) for p in projects] == [
        ("海上风电运维机器人", Status.SUBMITTED, open_call.office, organizer),
        ("深海养殖网箱", Status.SUBMITTED, open_call.office, organizer),
    ]
    assert {p.poster_organization.name for p in projects} == {"四创科技有限公司", "福耀玻璃"}
    assert [(p.province, p.city, p.county) for p in projects] == [
        ("福建省", "福州市", "晋安区")
    ] * 2
    assert all(p.submitted_at and "海洋经济" in p.search_text for p in projects)
    assert {link.project for link in call_submissions(open_call)} == set(projects)
    assert {link.submitted_by for link in call_submissions(open_call)} == {organizer}
    assert PostingEvent.objects.filter(action=PostingEvent.Action.SUBMITTED).count() == 2
    assert AuditEntry.objects.filter(action="projects.project.import").count() == 2
    entry = AuditEntry.objects.get(action="events.call.import")
    assert entry.changes == {"file": "p.xlsx", "kind": "projects", "created": 2}
    assert entry.actor == organizer


def test_demands_land_in_the_call_too(open_call, organizer):
    rows = [["高盐废水零排放", "需要一套处理工艺", "福耀玻璃", "100000", "500000"]]
    import_to_call(
        open_call, "challenges", "d.csv", csv_bytes(rows, DEMAND_HEADER), actor=organizer
    )
    demand = Challenge.objects.get()
    assert (demand.reward_min, demand.reward_max, demand.status) == (100000, 500000, "submitted")
    assert EventPosting.objects.get(event=open_call).challenge == demand


def test_one_bad_row_imports_nothing(open_call, organizer):
    rows = [_project("海上风电运维机器人"), _project("深海养殖网箱", deadline="someday")]
    with pytest.raises(ImportRejected) as rejected:
        import_to_call(
            open_call, "projects", "p.csv", csv_bytes(rows, PROJECT_HEADER), actor=organizer
        )
    assert [row.action for row in rejected.value.plan.rows] == [CREATE, ERROR]
    assert not Project.objects.exists()
    assert not Organization.objects.exists()
    assert not EventPosting.objects.exists()
    assert not AuditEntry.objects.filter(action__endswith=".import").exists()


def test_a_title_already_in_the_call_is_refused(open_call, organizer):
    data = csv_bytes([_project("海上风电运维机器人")], PROJECT_HEADER)
    import_to_call(open_call, "projects", "p.csv", data, actor=organizer)
    plan = call_import_plan(open_call, "projects", "p.csv", data)
    assert plan.rows[0].errors == ["“海上风电运维机器人” is already in this call."]


def test_the_import_is_refused_after_the_call_closed_and_allowed_once_reopened(
    open_call, organizer
):
    open_call.call_closes_at = timezone.now() - timedelta(hours=1)
    open_call.save()
    data = csv_bytes([_project("海上风电运维机器人")], PROJECT_HEADER)
    with pytest.raises(EventError, match=r"The call closed on .*: submissions are no longer"):
        import_to_call(open_call, "projects", "p.csv", data, actor=organizer)
    assert not Project.objects.exists()
    open_call.call_closes_at = timezone.now() + timedelta(days=1)
    open_call.save()
    import_to_call(open_call, "projects", "p.csv", data, actor=organizer)
    assert Project.objects.count() == 1


@pytest.mark.parametrize(
    ("filename", "data", "error"),
    [
        ("p.pdf", b"%PDF-1.4", "Upload an Excel workbook (.xlsx) or a CSV file (.csv)."),
        ("p.xlsx", b"not a zip", "This is not a readable Excel workbook; save it as .xlsx"),
        ("p.csv", b"", "Required column “标题 / Title” is missing."),
    ],
)
def test_a_wrong_or_empty_file_is_a_file_error(open_call, filename, data, error):
    plan = call_import_plan(open_call, "projects", filename, data)
    assert plan.file_errors[0].startswith(error)
    assert not plan.is_valid


def test_a_header_without_rows_imports_nothing(open_call, organizer):
    plan = import_to_call(
        open_call, "projects", "p.csv", csv_bytes([], PROJECT_HEADER), actor=organizer
    )
    assert plan.rows == [] and plan.counts[CREATE] == 0
    assert not EventPosting.objects.exists()


def test_a_huge_sheet_is_refused_before_any_row_is_checked(open_call):
    rows = [_project(f"项目编号{n:05d}") for n in range(MAX_POSTING_ROWS + 1)]
    plan = call_import_plan(open_call, "projects", "p.csv", csv_bytes(rows, PROJECT_HEADER))
    assert plan.file_errors == [
        f"The sheet has more than {MAX_POSTING_ROWS} rows; split it into several files."
    ]
    assert plan.rows == []


def test_an_existing_organisation_is_reused(open_call, organizer):
    firm = OrganizationFactory()
    rows = [_project("海上风电运维机器人", organization=firm.name)]
    import_to_call(open_call, "projects", "p.csv", csv_bytes(rows, PROJECT_HEADER), actor=organizer)
    assert Project.objects.get(title="海上风电运维机器人").poster_organization == firm
