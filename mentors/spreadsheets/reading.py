"""Read an uploaded .xlsx or .csv file into a header and rows of text cells."""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.cell_range import CellRange

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
EXTENSIONS = (".xlsx", ".csv")
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message says why, in the user's language."""


@dataclass
class Sheet:
    """The first worksheet: header cells, then (row number, cells) for each data row."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    merged_rows: dict[int, str] = field(default_factory=dict)


def cell_text(value) -> str:
    """A cell as text: whole numbers without “.0” (phone numbers are often numeric)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return str(value).strip()


def unescape_formula(text: str) -> str:
    """Undo the apostrophe our CSV export puts before formula-like text (round trip)."""
    if text.startswith("'") and text[1:2] in FORMULA_TRIGGERS and text[1:2]:
        return text[1:]
    return text


def read_spreadsheet(filename: str, data: bytes) -> Sheet:
    """Parse ``data`` by its extension; raise :class:`SpreadsheetError` if it cannot be read.

    Formulas are never evaluated: a cell holding ``=HYPERLINK(…)`` is read as that text.
    """
    name = filename.lower()
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(_("The file is larger than 10 MB."))
    if name.endswith(".xlsx"):
        return _read_xlsx(data)
    if name.endswith(".csv"):
        return _read_csv(data)
    raise SpreadsheetError(_("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."))


MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"')


def _merged_rows(archive: zipfile.ZipFile, path: str) -> dict[int, str]:
    """Rows touched by merged cells, read from the sheet's XML (the fast read-only reader
    of openpyxl does not report them)."""
    merged = {}
    for ref in MERGE_CELL.findall(archive.read(path)):
        cell_range = CellRange(ref.decode())
        for row in range(cell_range.min_row, cell_range.max_row + 1):
            merged.setdefault(row, cell_range.coord)
    return merged


def _read_xlsx(data: bytes) -> Sheet:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
        merged_rows = _merged_rows(archive, sheet._worksheet_path.lstrip("/"))
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise SpreadsheetError(
            _("This is not a readable Excel workbook; save it as .xlsx and try again.")
        ) from exc
    if (sheet.max_row or 0) > MAX_ROWS + 1:
        raise SpreadsheetError(
            _("The sheet has more than %(max)d rows; split it into several files.")
            % {"max": MAX_ROWS}
        )
    rows = sheet.iter_rows(values_only=True)
    header = [cell_text(value) for value in next(rows, ())]
    body = [
        (number, [cell_text(value) for value in values])
        for number, values in enumerate(rows, start=2)
    ]
    workbook.close()
    return Sheet(header=header, rows=body, merged_rows=merged_rows)


def decode_text(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), else GB18030, a superset of GBK."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(_("The file's text encoding is not UTF-8 or GBK/GB18030."))


def _read_csv(data: bytes) -> Sheet:
    if data.startswith(b"PK\x03\x04") or b"\x00" in data[:4096]:
        raise SpreadsheetError(_("This is not a CSV text file."))
    reader = csv.reader(io.StringIO(decode_text(data), newline=""))
    try:
        header = [unescape_formula(cell.strip()) for cell in next(reader, [])]
        rows = []
        for number, cells in enumerate(reader, start=2):
            if number > MAX_ROWS + 1:
                raise SpreadsheetError(
                    _("The sheet has more than %(max)d rows; split it into several files.")
                    % {"max": MAX_ROWS}
                )
            rows.append((number, [unescape_formula(cell.strip()) for cell in cells]))
    except csv.Error as exc:
        raise SpreadsheetError(_("The CSV file is malformed: %(error)s") % {"error": exc}) from exc
    return Sheet(header=header, rows=rows)
