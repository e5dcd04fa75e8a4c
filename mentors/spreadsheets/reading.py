"""Read an uploaded .xlsx or .csv file into a header and rows of text cells.

What the file holds is read, not what it declares (an .xlsx may claim fewer rows than its
sheet has), and the work is bounded whatever the file claims: an .xlsx is a zip of XML parts
that may unpack to gigabytes, so every part's size is checked before the workbook is opened,
the sheet is streamed, and reading stops at the row, column and cell limits.
"""

import csv
import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELLS = 1_000_000
# What the parts of an .xlsx may unpack to: each part (a sheet, the shared strings) and all
# of them together. A real 10 MB workbook unpacks to a few tens of MB.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
MAX_PARTS = 500
READ_CHUNK = 1024 * 1024
EXTENSIONS = (".xlsx", ".csv")
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
WORKSHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")
MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')
# Enough of the previous chunk to hold a mergeCell tag cut in two.
MERGE_TAIL = 128


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
    return unescape_formula(str(value).strip())


def unescape_formula(text: str) -> str:
    """Undo the apostrophe exports put before formula-like text (round trip)."""
    if text.startswith("'") and text[1:2] in FORMULA_TRIGGERS and text[1:2]:
        return text[1:]
    return text


def _too_many_rows() -> SpreadsheetError:
    return SpreadsheetError(
        _("The sheet has more than %(max)d rows; split it into several files.") % {"max": MAX_ROWS}
    )


def _too_large() -> SpreadsheetError:
    return SpreadsheetError(
        _("The file holds too much data to import at once; split it into several files.")
    )


def read_spreadsheet(filename: str, data: bytes) -> Sheet:
    """Parse ``data`` by its extension; raise :class:`SpreadsheetError` if it cannot be read
    or holds more than an import takes.

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


def _collect(rows: Iterable, text: Callable[[object], str]) -> tuple[list[str], list]:
    """The header and the numbered data rows, read one row at a time up to the limits."""
    header: list[str] = []
    body: list[tuple[int, list[str]]] = []
    cells = 0
    for number, values in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:
            raise _too_many_rows()
        if len(values) > MAX_COLUMNS:
            raise SpreadsheetError(
                _("Row %(row)d has more than %(max)d columns; delete the columns after the data.")
                % {"row": number, "max": MAX_COLUMNS}
            )
        cells += len(values)
        if cells > MAX_CELLS:
            raise _too_large()
        texts = [text(value) for value in values]
        if number == 1:
            header = texts
        else:
            body.append((number, texts))
    return header, body


class _MergedCells:
    """The rows touched by merged cells, found while a worksheet's XML streams past (the
    read-only reader of openpyxl does not report them, and the sheet may be large)."""

    def __init__(self):
        self.rows: dict[int, str] = {}
        self._tail = b""
        self._spans = 0

    def feed(self, chunk: bytes) -> None:
        text = self._tail + chunk
        for match in MERGE_CELL.finditer(text):
            self._add(match)
        self._tail = text[-MERGE_TAIL:]

    def _add(self, match) -> None:
        first_column, first, last_column, last = (group.decode() for group in match.groups())
        coord = f"{first_column}{first}:{last_column}{last}"
        # Rows past the row limit are never read; a range over them costs nothing.
        start, end = int(first), min(int(last), MAX_ROWS + 1)
        self._spans += max(0, end - start + 1)
        if self._spans > MAX_CELLS:
            raise _too_large()
        for row in range(start, end + 1):
            self.rows.setdefault(row, coord)


def _unpack_checked(archive: zipfile.ZipFile) -> dict[str, dict[int, str]]:
    """Check what every part of the workbook unpacks to, declared and actual, streaming each
    part once; return the merged rows of each worksheet part."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _too_large()
    declared = [part.file_size for part in parts]
    if any(size > MAX_PART_BYTES for size in declared) or sum(declared) > MAX_UNPACKED_BYTES:
        raise _too_large()
    merged = {}
    total = 0
    for part in parts:
        scanner = _MergedCells() if WORKSHEET_PART.match(part.filename) else None
        size = 0
        with archive.open(part) as stream:
            while chunk := stream.read(READ_CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > MAX_PART_BYTES or total > MAX_UNPACKED_BYTES:
                    raise _too_large()
                if scanner:
                    scanner.feed(chunk)
        if scanner:
            merged[part.filename] = scanner.rows
    return merged


def _read_xlsx(data: bytes) -> Sheet:
    workbook = None
    try:
        merged = _unpack_checked(zipfile.ZipFile(io.BytesIO(data)))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
        # The read-only reader stops at the rows and columns the sheet's <dimension> element
        # declares, which may be fewer than it holds: read the sheet to its end instead.
        sheet.reset_dimensions()
        header, body = _collect(sheet.iter_rows(values_only=True), cell_text)
        merged_rows = merged.get(sheet._worksheet_path.lstrip("/"), {})
    except (
        zipfile.BadZipFile,
        zlib.error,
        InvalidFileException,
        KeyError,
        IndexError,
        OSError,
        EOFError,
        ValueError,
        SyntaxError,  # malformed XML (ElementTree's ParseError)
        NotImplementedError,  # a compression method zipfile cannot unpack
    ) as exc:
        raise SpreadsheetError(
            _("This is not a readable Excel workbook; save it as .xlsx and try again.")
        ) from exc
    finally:
        if workbook is not None:
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
        header, body = _collect(reader, lambda cell: unescape_formula(cell.strip()))
    except csv.Error as exc:
        raise SpreadsheetError(_("The CSV file is malformed: %(error)s") % {"error": exc}) from exc
    return Sheet(header=header, rows=body)
