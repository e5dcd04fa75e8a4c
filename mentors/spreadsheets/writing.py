"""The empty import template, and a profile's row in the template's columns (what exports
of the directories write, so that an exported file imports again unchanged)."""

import io
from collections.abc import Callable

from django.utils import translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from ..models import Honour, IndustryChain, Mentee, Organization
from .columns import COLUMNS, Column

LIST_SEPARATOR = "；"


def row_values(kind: str, obj) -> list[str]:
    """One exported row: the profile's values in the template's column order, as text."""
    values = []
    for column in COLUMNS[kind]:
        value = getattr(obj, column.key, "")
        if column.key in ("fields", "honours"):
            value = LIST_SEPARATOR.join(item.name_zh for item in value.all())
        elif column.key in ("affiliation", "organization"):
            value = value.name if value else ""
        elif column.key in ("kind", "size"):
            value = value or ""
        values.append("" if value is None else str(value))
    return values


def _text_cell(sheet, value: str, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    # Stored as text even when it starts with "=": a value is never turned into a formula.
    cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def template_bytes(kind: str) -> bytes:
    """The empty template of people, mentees or organisations."""
    return workbook_template(
        _sheet_title(kind), COLUMNS[kind], lambda column: _column_notes(kind, column)
    )


def workbook_template(title: str, columns, notes: Callable[[Column], str]) -> bytes:
    """An empty template of any import: the bilingual header on a sheet called ``title``,
    and a sheet explaining every column with ``notes(column)``."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    _write_header(sheet, columns)
    guide = workbook.create_sheet("说明 Instructions")
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 14
    guide.column_dimensions["C"].width = 90
    titles = ("列 Column", "必填 Required", "说明 Notes")
    guide.append([_text_cell(guide, text, bold=True) for text in titles])
    for column in columns:
        guide.append(
            [
                _text_cell(guide, column.header),
                _text_cell(guide, "是 Yes" if column.required else ""),
                _text_cell(guide, notes(column)),
            ]
        )
    return _save(workbook)


def _sheet_title(kind: str) -> str:
    return {"mentors": "专家 Experts", "mentees": "徒弟 Mentees", "organizations": "单位 Orgs"}[
        kind
    ]


def _write_header(sheet, columns) -> None:
    for index in range(len(columns)):
        sheet.column_dimensions[chr(ord("A") + index)].width = 18
    sheet.append([_text_cell(sheet, column.header, bold=True) for column in columns])


def choice_notes(choices) -> str:
    labels = []
    for value, label in choices.choices:
        with translation.override("zh-hans"):
            chinese = str(label)
        with translation.override("en"):
            english = str(label)
        labels.append(f"{chinese} / {english} ({value})")
    return "；".join(labels)


def list_notes(items) -> str:
    """How to fill a column holding several names from a controlled list, and the names."""
    names = "；".join(item.name_zh for item in items)
    return f"多个用；分隔 Separate several with ;. {names}"


def _column_notes(kind: str, column: Column) -> str:
    if column.key == "honours":
        return list_notes(Honour.objects.all())
    if column.key == "fields":
        return list_notes(IndustryChain.objects.all())
    if column.key == "kind":
        model = Mentee if kind == "mentees" else Organization
        return choice_notes(model.Kind)
    if column.key == "size":
        return choice_notes(Organization.Size)
    if column.key == "phone":
        return "11 位手机号，或 +国家代码 的海外号码 11-digit mobile, or +country code abroad"
    if column.key == "languages":
        return "如 For example: 中文；英语 / zh en"
    if column.key == "capacity":
        return "0–50，空白为 3 Blank means 3"
    if column.key in ("phone", "email", "name"):
        return "用于识别已有记录 Used to match existing records"
    return ""


def _save(workbook: Workbook) -> bytes:
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
