"""The generic part of every spreadsheet import: the dry run's plan and its row-by-row
report, locating the template's columns in a header, cleaning cells, and the row loop
(empty rows, merged cells, duplicates within the file).

An import of one kind of record supplies its columns, a :class:`RowCleaner` subclass with a
``clean_<key>`` method per column that needs one, and the keys that identify a row; it then
decides what each valid row does (people are matched to existing profiles, postings are new).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .columns import Column, header_aliases, normalize_header, split_list
from .reading import Sheet, SpreadsheetError, read_spreadsheet

CREATE, UPDATE, UNCHANGED, ERROR, SKIP = "create", "update", "unchanged", "error", "skip"
# How many rows without errors the report shows (every error is always shown).
REPORT_ROWS = 200


@dataclass
class RowResult:
    number: int
    action: str
    name: str = ""
    errors: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    target: object = None


@dataclass
class ImportPlan:
    kind: str
    columns: list[Column] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.file_errors and not any(row.action == ERROR for row in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in (CREATE, UPDATE, UNCHANGED, ERROR, SKIP)}

    def report(self, limit: int = REPORT_ROWS) -> tuple[list[RowResult], int]:
        """The rows a report shows (every error, the first ``limit`` others, in file order)
        and how many rows it leaves out."""
        errors = [row for row in self.rows if row.action == ERROR]
        others = [row for row in self.rows if row.action != ERROR][:limit]
        shown = sorted(errors + others, key=lambda row: row.number)
        return shown, len(self.rows) - len(shown)


class ImportRejected(Exception):
    """The file has errors; nothing was imported. ``plan`` lists them row by row."""

    def __init__(self, plan: ImportPlan):
        super().__init__("import rejected")
        self.plan = plan


def dry_run(kind: str, filename: str, data: bytes, plan_sheet: Callable) -> ImportPlan:
    """Read the upload and plan it with ``plan_sheet(sheet)``; a file that cannot be read
    gives a plan with that one error. Changes nothing."""
    try:
        sheet = read_spreadsheet(filename, data)
    except SpreadsheetError as exc:
        return ImportPlan(kind=kind, file_errors=[str(exc)])
    return plan_sheet(sheet)


def choice_index(choices) -> dict[str, str]:
    """A choice's value by its value and by its label in either language."""
    index = {}
    for value, label in choices.choices:
        index[value.lower()] = value
        for language in ("zh-hans", "en"):
            with translation.override(language):
                index[str(label).lower()] = value
    return index


def max_length(model, key: str) -> int | None:
    try:
        model_field = model._meta.get_field(key)
    except FieldDoesNotExist:  # a column that is not a model field (a region, a poster)
        return None
    if model_field.is_relation or model_field.choices:
        return None  # tags, organisations and choices are checked against their lists
    return getattr(model_field, "max_length", None)


def locate_columns(columns, header: list[str], plan: ImportPlan) -> dict[str, int]:
    """Map column keys to their position in the header; report unknown or missing ones."""
    positions: dict[str, int] = {}
    aliases = {alias: column for column in columns for alias in header_aliases(column)}
    for index, text in enumerate(header):
        if not text:
            continue
        column = aliases.get(normalize_header(text))
        if column is None:
            plan.file_errors.append(_("Unknown column “%(header)s”.") % {"header": text})
        elif column.key in positions:
            plan.file_errors.append(_("Column “%(header)s” appears twice.") % {"header": text})
        else:
            positions[column.key] = index
    for column in columns:
        if column.required and column.key not in positions:
            plan.file_errors.append(
                _("Required column “%(header)s” is missing.") % {"header": column.header}
            )
    plan.columns = [column for column in columns if column.key in positions]
    return positions


class RowCleaner:
    """Turns a row's cells into values, or errors in the user's language; a subclass adds a
    ``clean_<key>(text)`` per column that needs more than the text (raising ValueError)."""

    def __init__(self, columns, model):
        self.model = model
        chinese = not (get_language() or "").startswith("en")
        self.columns = {column.key: column for column in columns}
        self.labels = {c.key: c.zh if chinese else c.en for c in columns}
        self.limits = {key: max_length(model, key) for key in self.columns}

    def clean(self, raw: dict[str, str], row: RowResult) -> dict:
        values = {}
        for key, text in raw.items():
            try:
                values[key] = self.clean_value(key, text)
            except ValueError as exc:
                row.errors.append(str(exc))
        return values

    def clean_value(self, key: str, text: str):
        label = self.labels[key]
        if self.columns[key].required and not text:
            raise ValueError(_("%(column)s is required.") % {"column": label})
        limit = self.limits[key]
        if limit and len(text) > limit:
            raise ValueError(
                _("%(column)s is longer than %(limit)d characters.")
                % {"column": label, "limit": limit}
            )
        cleaner = getattr(self, f"clean_{key}", None)
        return cleaner(text) if cleaner and text else text

    @staticmethod
    def lookup_list(text: str, index: dict, message: str) -> list:
        """The items a cell names (“海洋经济；人工智能”), or ValueError naming the unknown."""
        items, unknown = [], []
        for name in split_list(text):
            item = index.get(name.lower())
            if item is None:
                unknown.append(name)
            elif item not in items:
                items.append(item)
        if unknown:
            raise ValueError(message % {"names": "、".join(unknown)})
        return items

    @staticmethod
    def lookup_choice(text: str, index: dict, message: str) -> str:
        value = index.get(text.lower())
        if value is None:
            raise ValueError(message)
        return value


def plan_rows(
    plan: ImportPlan,
    sheet: Sheet,
    columns,
    cleaner: RowCleaner,
    identity_keys: Callable[[dict], list],
    *,
    max_rows: int | None = None,
) -> dict[str, int]:
    """Clean every row of ``sheet`` into ``plan`` (each valid one marked CREATE): empty rows
    are skipped, merged cells and duplicates within the file (by ``identity_keys(values)``)
    are errors. Returns the column positions (empty when the header is wrong)."""
    positions = locate_columns(columns, sheet.header, plan)
    if max_rows is not None and len(sheet.rows) > max_rows:
        plan.file_errors.append(
            _("The sheet has more than %(max)d rows; split it into several files.")
            % {"max": max_rows}
        )
    if plan.file_errors:
        return {}
    seen: dict[tuple[str, str], int] = {}
    for number, cells in sheet.rows:
        raw = {
            key: cells[index].strip() if index < len(cells) else ""
            for key, index in positions.items()
        }
        row = RowResult(number=number, action=CREATE, name=raw.get("name", raw.get("title", "")))
        plan.rows.append(row)
        if not any(raw.values()):
            row.action = SKIP
            continue
        if number in sheet.merged_rows:
            row.errors.append(
                _("Merged cells (%(range)s): unmerge them and fill in every cell.")
                % {"range": sheet.merged_rows[number]}
            )
        row.values = cleaner.clean(raw, row)
        identities = identity_keys(row.values)
        for identity in identities:
            if identity in seen:
                row.errors.append(
                    _("Duplicate of row %(row)d in this file.") % {"row": seen[identity]}
                )
                break
        for identity in identities:
            seen.setdefault(identity, number)
        if row.errors:
            row.action = ERROR
    return positions
