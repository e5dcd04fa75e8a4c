"""Rows in the template's columns: a directory export imports again unchanged."""

import io

import pytest
from openpyxl import load_workbook

from mentors.services import preview_import
from mentors.spreadsheets.columns import MENTOR_COLUMNS
from mentors.spreadsheets.writing import row_values, template_bytes
from tests.mentors.sheets import actions, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def exported(value: str) -> str:
    """A value as exports write it: formula-like text behind an apostrophe."""
    return f"'{value}" if value.startswith(("=", "+", "-", "@")) else value


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_is_a_round_trip(make_mentor, taxonomy, fmt):
    mentor = make_mentor(
        name="齐忠权",
        affiliation="瑞典隆德大学马尔默医院",
        fields=[taxonomy["fields"]["biomedicine"]],
        honours=[taxonomy["honours"]["leading-talent"]],
        phone="+46701234567",
        country="瑞典",
        languages="zh en sv",
        capacity=2,
        bio="再生医学\n第二行",
    )
    header = [column.header for column in MENTOR_COLUMNS]
    rows = [[exported(value) for value in row_values("mentors", mentor)]]
    data = xlsx_bytes(rows, header=header) if fmt == "xlsx" else csv_bytes(rows, header=header)

    plan = preview_import("mentors", f"export.{fmt}", data)

    assert plan.file_errors == []
    assert [column.key for column in plan.columns] == [c.key for c in MENTOR_COLUMNS]
    assert actions(plan) == [(2, "unchanged")]


def test_template_has_the_bilingual_header_and_a_guide(taxonomy):
    workbook = load_workbook(io.BytesIO(template_bytes("mentors")))
    header = [cell.value for cell in workbook.worksheets[0][1]]
    assert header == [column.header for column in MENTOR_COLUMNS]
    assert header[0] == "姓名 / Name"
    notes = {row[0]: row[2] for row in workbook.worksheets[1].iter_rows(values_only=True)}
    assert "院士" in notes["荣誉称号 / Honours"]
