"""Writing rows as CSV (UTF-8 with BOM, for Excel in China) and as .xlsx (openpyxl in
write-only mode, so memory stays flat however many rows), with spreadsheet formulas
neutralised."""

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

# A cell starting with one of these is run as a formula by spreadsheet programs (and a tab
# or carriage return can hide one); such text gets a leading apostrophe.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PROGRESS_EVERY = 1000
SHEET_TITLE_LENGTH = 31

Progress = Callable[[int], None]


def neutralise(value):
    """Text that would start a formula, prefixed with an apostrophe; other values as is."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


def _counted(rows: Iterable[list], progress: Progress | None, start: int = 0) -> Iterator[list]:
    done = start
    for row in rows:
        yield [neutralise(value) for value in row]
        done += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress(done)
    if progress:
        progress(done)


def csv_chunks(headers: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    """The CSV file piece by piece, for a streaming response: a BOM, the header, the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    yield "\ufeff".encode() + buffer.getvalue().encode()
    for row in _counted(rows, None):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        yield buffer.getvalue().encode()


def write_csv(target, headers: list[str], rows: Iterable[list], progress=None) -> None:
    """Write the CSV file into the binary file ``target``."""
    text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows(_counted(rows, progress))
    text.flush()
    text.detach()


def sheet_title(label: str) -> str:
    """A title Excel accepts: at most 31 characters, none of []:*?/\\."""
    return "".join(ch for ch in label if ch not in "[]:*?/\\")[:SHEET_TITLE_LENGTH]


def write_xlsx(target, sheets: Iterable[tuple[str, list[str], Iterable[list]]], progress=None):
    """Write a workbook with one sheet per ``(title, headers, rows)`` into ``target``.

    ``progress(rows_done)`` is called every thousand rows, counting across sheets.
    """
    workbook = Workbook(write_only=True)
    done = 0
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(sheet_title(title))
        sheet.freeze_panes = "A2"
        header_cells = []
        for header in headers:
            header_cell = WriteOnlyCell(sheet, value=header)
            header_cell.font = Font(bold=True)
            header_cells.append(header_cell)
        sheet.append(header_cells)
        for row in _counted(rows, progress, start=done):
            sheet.append(row)
            done += 1
    workbook.save(target)
