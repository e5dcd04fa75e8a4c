"""The dry run: every row validated, with an error that says what is wrong."""

import pytest

from mentors.services import preview_import
from tests.mentors.sheets import actions, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def test_preview_import_reports_every_row_error(taxonomy):
    rows = [
        ["", "单位", "", "", "", "", "", ""],
        ["甲", "单位", "", "", "12345", "", "", ""],
        ["乙", "单位", "诺贝尔奖", "", "", "", "", ""],
        ["丙", "单位", "", "量子玄学", "", "not-an-email", "", ""],
        ["丁", "单位", "", "", "", "", "", "很多"],
        ["戊", "单位", "", "", "13900001001", "", "", ""],
        ["己", "单位", "", "", "13900001001", "", "", ""],
        ["", "", "", "", "", "", "", ""],
    ]
    plan = preview_import("mentors", "a.csv", csv_bytes(rows))

    assert actions(plan) == [
        (2, "error"),
        (3, "error"),
        (4, "error"),
        (5, "error"),
        (6, "error"),
        (7, "create"),
        (8, "error"),
        (9, "skip"),
    ]
    errors = {row.number: " ".join(row.errors) for row in plan.rows}
    assert "Name" in errors[2] or "姓名" in errors[2]
    assert "12345" in errors[3]
    assert "诺贝尔奖" in errors[4]
    assert "量子玄学" in errors[5] and "not-an-email" in errors[5]
    assert "50" in errors[6]
    assert "7" in errors[8]
    assert plan.is_valid is False


def test_preview_import_rejects_missing_and_unknown_columns():
    plan = preview_import("mentors", "a.csv", csv_bytes([["x"]], header=["Affiliation", "Salary"]))
    assert len(plan.file_errors) == 2
    assert plan.rows == []


@pytest.mark.parametrize(
    "capacity", ["inf", "-inf", "nan", "1e400", "9" * 400, "-1", "51", "2.5", "３", "²"]
)
@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_capacity_out_of_range_or_not_a_whole_number_is_a_row_error(taxonomy, make, capacity):
    rows = [["左明健", "单位", "", "", "", "", "", capacity]]
    name = "a.csv" if make is csv_bytes else "a.xlsx"

    plan = preview_import("mentors", name, make(rows))

    assert actions(plan) == [(2, "error")]
    assert plan.rows[0].errors == ["可带徒弟数须为 0 到 50 之间的整数。"]


@pytest.mark.parametrize(("capacity", "expected"), [("0", 0), ("50", 50), ("3.0", 3), (" 7 ", 7)])
def test_capacity_whole_numbers_are_read(taxonomy, capacity, expected):
    rows = [["左明健", "单位", "", "", "", "", "", capacity]]
    plan = preview_import("mentors", "a.csv", csv_bytes(rows))
    assert plan.rows[0].values["capacity"] == expected
