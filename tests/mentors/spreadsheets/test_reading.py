"""Reading uploads: what the sheet holds, not what it declares, within bounded work."""

import tracemalloc

import pytest

from mentors.models import Mentor
from mentors.services import import_spreadsheet, preview_import
from mentors.spreadsheets import reading
from tests.mentors.sheets import (
    GOOD,
    HEADER,
    actions,
    csv_bytes,
    handmade_xlsx,
    with_declared_size,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

TOO_LARGE = "文件数据量过大，无法一次导入；请拆分为多个文件。"
UNREADABLE = "无法读取该 Excel 文件，请另存为 .xlsx 后重试。"
SHEET = "xl/worksheets/sheet1.xml"


def people(count: int) -> list[list[str]]:
    return [[f"专家{n}", f"单位{n}", "", "", f"139{n:08d}", "", "", ""] for n in range(count)]


def test_preview_import_reports_merged_cells(taxonomy):
    rows = [GOOD[0], ["", "四创科技有限公司", "", "", "", "", "", ""]]
    plan = preview_import("mentors", "a.xlsx", xlsx_bytes(rows, merge="B2:B3"))
    assert plan.rows[0].action == "error"
    assert "B2:B3" in plan.rows[0].errors[0]


def test_merged_cells_are_found_across_the_chunks_a_sheet_streams_in(taxonomy, monkeypatch):
    monkeypatch.setattr(reading, "READ_CHUNK", 7)
    rows = [GOOD[0], ["", "四创科技有限公司", "", "", "", "", "", ""]]
    plan = preview_import("mentors", "a.xlsx", handmade_xlsx([HEADER, *rows], merge="B2:B3"))
    assert [row.action for row in plan.rows] == ["error", "error"]
    assert "B2:B3" in plan.rows[1].errors[0]


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("experts.xlsx", b"this is not a zip file"),
        ("experts.csv", b"PK\x03\x04 zipped"),
        ("experts.csv", b"\xff\xfe\x00\x00binary"),
        ("experts.xls", b"old excel"),
    ],
)
def test_preview_import_of_unreadable_files_gives_a_file_error(filename, data):
    plan = preview_import("mentors", filename, data)
    assert len(plan.file_errors) == 1
    assert plan.is_valid is False


@pytest.mark.parametrize("dimension", ["A1:H2", "A1:A2", "A1"])
def test_xlsx_declaring_fewer_rows_and_columns_than_it_holds_is_read_to_its_end(dimension):
    data = handmade_xlsx([HEADER, *people(5)], dimension=dimension)

    plan = preview_import("mentors", "experts.xlsx", data)

    assert plan.file_errors == []
    assert actions(plan) == [(n, "create") for n in range(2, 7)]
    assert [row.values["affiliation"] for row in plan.rows] == [f"单位{n}" for n in range(5)]


def test_import_of_an_xlsx_declaring_one_row_imports_all_five(organizer):
    data = handmade_xlsx([HEADER, *people(5)], dimension="A1:H2")

    plan = import_spreadsheet("mentors", "experts.xlsx", data, actor=organizer)

    assert plan.counts["create"] == 5
    assert Mentor.objects.count() == 5


@pytest.mark.parametrize("dimension", ["", "A1:H2"])
def test_rows_beyond_the_limit_are_refused_whatever_the_sheet_declares(monkeypatch, dimension):
    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    data = handmade_xlsx([HEADER, *people(30)], dimension=dimension)

    plan = preview_import("mentors", "experts.xlsx", data)

    assert plan.file_errors == ["表格超过 10 行，请拆分为多个文件。"]
    assert plan.rows == []


def test_reading_stops_at_the_row_limit(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    read = []
    real_cell_text = reading.cell_text

    def counted(value):
        read.append(value)
        return real_cell_text(value)

    monkeypatch.setattr(reading, "cell_text", counted)

    preview_import("mentors", "experts.xlsx", handmade_xlsx([HEADER, *people(1000)]))

    assert [value for value in read if str(value).startswith("专家")] == [
        f"专家{n}" for n in range(10)
    ]


def test_csv_rows_beyond_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    plan = preview_import("mentors", "experts.csv", csv_bytes(people(11)))

    assert plan.file_errors == ["表格超过 10 行，请拆分为多个文件。"]


@pytest.mark.parametrize("filename", ["experts.xlsx", "experts.csv"])
def test_too_many_columns_or_cells_are_refused(monkeypatch, filename):
    wide = [*HEADER, "", "", "x"]
    if filename.endswith(".xlsx"):
        data = handmade_xlsx([wide, *people(3)])
    else:
        data = csv_bytes(people(3), header=wide)
    monkeypatch.setattr(reading, "MAX_COLUMNS", 10)
    assert preview_import("mentors", filename, data).file_errors == [
        "第 1 行超过 10 列；请删除数据之后的多余列。"
    ]

    monkeypatch.setattr(reading, "MAX_COLUMNS", 100)
    monkeypatch.setattr(reading, "MAX_CELLS", 20)
    assert preview_import("mentors", filename, data).file_errors == [TOO_LARGE]


def test_a_part_that_unpacks_beyond_the_limit_is_refused_before_it_is_read(monkeypatch):
    padding = b"<!--padding-->" * 2000
    data = handmade_xlsx([HEADER, *people(2)], padding=padding)
    monkeypatch.setattr(reading, "MAX_PART_BYTES", len(padding))

    opened = []
    monkeypatch.setattr(reading, "load_workbook", lambda *a, **k: opened.append(a))
    plan = preview_import("mentors", "experts.xlsx", data)

    assert plan.file_errors == [TOO_LARGE]
    assert opened == []


def test_a_huge_shared_strings_table_is_refused(monkeypatch):
    biographies = [[f"专家{n}", *[""] * 7, f"{n}" + "简介" * 2000] for n in range(10)]
    data = handmade_xlsx([[*HEADER, "个人简介 / Biography"], *biographies])
    monkeypatch.setattr(reading, "MAX_PART_BYTES", 50_000)
    assert preview_import("mentors", "experts.xlsx", data).file_errors == [TOO_LARGE]

    monkeypatch.setattr(reading, "MAX_PART_BYTES", 1_000_000)
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 50_000)
    assert preview_import("mentors", "experts.xlsx", data).file_errors == [TOO_LARGE]


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused():
    data = handmade_xlsx([HEADER, *people(50)])
    lying = with_declared_size(data, SHEET, 200)

    plan = preview_import("mentors", "experts.xlsx", lying)

    assert plan.file_errors == [UNREADABLE]


def test_a_part_declaring_more_than_the_limit_is_refused(monkeypatch):
    data = with_declared_size(handmade_xlsx([HEADER, *people(2)]), SHEET, 2**31)
    assert preview_import("mentors", "experts.xlsx", data).file_errors == [TOO_LARGE]


def test_a_merged_range_over_the_whole_sheet_costs_no_more_than_the_rows_read():
    data = handmade_xlsx([HEADER, *people(2)], merge="A1:XFD1048576")
    plan = preview_import("mentors", "experts.xlsx", data)
    assert [row.action for row in plan.rows] == ["error", "error"]


def test_a_padded_sheet_is_streamed_not_loaded_into_memory():
    padding = b"<!--p-->" * 2_000_000  # 16 MB of sheet XML in a zip of a few kB
    data = handmade_xlsx([HEADER, *people(2)], padding=padding)
    assert len(data) < 100_000

    tracemalloc.start()
    try:
        plan = preview_import("mentors", "experts.xlsx", data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert actions(plan) == [(2, "create"), (3, "create")]
    assert peak < 8 * 1024 * 1024
