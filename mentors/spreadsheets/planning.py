"""The dry run: validate every row and decide whether it creates, updates or changes nothing.

Rows are matched to existing profiles by mobile phone, then e-mail, then name + affiliation
(organisations by name), so that importing a file twice updates instead of duplicating.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from talentbridge.parsing import parse_int

from ..models import Honour, IndustryChain, Mentee, Mentor, Organization
from .columns import COLUMNS, Column, header_aliases, normalize_header, split_list
from .reading import Sheet

CREATE, UPDATE, UNCHANGED, ERROR, SKIP = "create", "update", "unchanged", "error", "skip"
MAX_CAPACITY = 50
LOOKUP_CHUNK = 500

MODELS = {"mentors": Mentor, "mentees": Mentee, "organizations": Organization}
LIST_COLUMNS = {"fields", "honours"}
# Where the affiliation / organisation of a person lives on the model.
ORGANIZATION_FIELD = {"mentors": "affiliation", "mentees": "organization"}

LANGUAGE_NAMES = {
    "中文": "zh", "汉语": "zh", "普通话": "zh", "chinese": "zh", "mandarin": "zh",
    "英语": "en", "英文": "en", "english": "en",
    "日语": "ja", "japanese": "ja", "韩语": "ko", "korean": "ko",
    "德语": "de", "german": "de", "法语": "fr", "french": "fr",
    "俄语": "ru", "russian": "ru", "西班牙语": "es", "spanish": "es",
    "泰语": "th", "thai": "th", "瑞典语": "sv", "swedish": "sv",
    "闽南语": "nan", "粤语": "yue", "cantonese": "yue",
}  # fmt: skip
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
PHONE_CHARS = re.compile(r"[\s\-()（）]")
MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")
INTERNATIONAL = re.compile(r"^\+[1-9]\d{6,14}$")


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


def normalize_phone(text: str) -> str:
    """A phone number in one canonical form: 11 mainland digits, or +<country><number>."""
    phone = PHONE_CHARS.sub("", text)
    if phone.startswith("+86"):
        phone = phone[3:]
    elif phone.startswith("0086"):
        phone = phone[4:]
    elif phone.startswith("00"):
        phone = "+" + phone[2:]
    if MAINLAND_MOBILE.match(phone) or INTERNATIONAL.match(phone):
        return phone
    raise ValueError(phone)


class _Vocabulary:
    """Honours, fields and choice labels by every name they are known by."""

    def __init__(self):
        self.honours = self._index(Honour.objects.all())
        self.fields = self._index(IndustryChain.objects.all())

    @staticmethod
    def _index(items) -> dict[str, object]:
        index = {}
        for item in items:
            for name in (item.slug, item.name_zh, item.name_en):
                index[name.strip().lower()] = item
        return index


def _choice_index(choices) -> dict[str, str]:
    index = {}
    for value, label in choices.choices:
        index[value.lower()] = value
        for language in ("zh-hans", "en"):
            with translation.override(language):
                index[str(label).lower()] = value
    return index


def _max_length(model, key: str) -> int | None:
    field = model._meta.get_field(key)
    if field.is_relation or field.choices:
        return None  # tags, organisations and choices are checked against their lists
    return getattr(field, "max_length", None)


def _locate_columns(kind: str, header: list[str], plan: ImportPlan) -> dict[str, int]:
    """Map column keys to their position in the header; report unknown or missing ones."""
    positions: dict[str, int] = {}
    aliases = {alias: column for column in COLUMNS[kind] for alias in header_aliases(column)}
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
    for column in COLUMNS[kind]:
        if column.required and column.key not in positions:
            plan.file_errors.append(
                _("Required column “%(header)s” is missing.") % {"header": column.header}
            )
    plan.columns = [column for column in COLUMNS[kind] if column.key in positions]
    return positions


class _RowCleaner:
    def __init__(self, kind: str):
        self.kind = kind
        self.model = MODELS[kind]
        self.vocabulary = _Vocabulary()
        self.kinds = _choice_index(self.model.Kind) if hasattr(self.model, "Kind") else {}
        self.sizes = _choice_index(Organization.Size) if kind == "organizations" else {}
        chinese = not (get_language() or "").startswith("en")
        self.columns = {column.key: column for column in COLUMNS[kind]}
        self.labels = {c.key: c.zh if chinese else c.en for c in COLUMNS[kind]}
        self.limits = {key: _max_length(self.model, key) for key in self.columns}

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

    def clean_phone(self, text: str) -> str:
        try:
            return normalize_phone(text)
        except ValueError:
            raise ValueError(
                _("“%(phone)s” is not a valid mobile phone number.") % {"phone": text}
            ) from None

    def clean_email(self, text: str) -> str:
        try:
            validate_email(text)
        except ValidationError:
            raise ValueError(
                _("“%(email)s” is not a valid e-mail address.") % {"email": text}
            ) from None
        return text.lower()

    def clean_capacity(self, text: str) -> int:
        number = parse_int(text, minimum=0, maximum=MAX_CAPACITY)
        if number is None:
            raise ValueError(
                _("Capacity must be a whole number from 0 to %(max)d.") % {"max": MAX_CAPACITY}
            )
        return number

    def _lookup_list(self, text: str, index: dict, message: str) -> list:
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

    def clean_honours(self, text: str) -> list:
        return self._lookup_list(text, self.vocabulary.honours, _("Unknown honour: %(names)s."))

    def clean_fields(self, text: str) -> list:
        return self._lookup_list(text, self.vocabulary.fields, _("Unknown field: %(names)s."))

    def clean_kind(self, text: str) -> str:
        value = self.kinds.get(text.lower())
        if value is None:
            raise ValueError(_("Unknown kind “%(kind)s”.") % {"kind": text})
        return value

    def clean_size(self, text: str) -> str:
        value = self.sizes.get(text.lower())
        if value is None:
            raise ValueError(_("Unknown size “%(size)s”.") % {"size": text})
        return value

    def clean_languages(self, text: str) -> str:
        codes, unknown = [], []
        for name in split_list(text.replace(" ", ";")):
            code = LANGUAGE_NAMES.get(name.lower()) or (
                name.lower() if LANGUAGE_CODE.match(name.lower()) else None
            )
            if code is None:
                unknown.append(name)
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise ValueError(_("Unknown language: %(names)s.") % {"names": "、".join(unknown)})
        return " ".join(codes)


def _organization_name(kind: str, values: dict) -> str:
    if kind == "organizations":
        return ""
    return values.get(ORGANIZATION_FIELD[kind], "")


def _identity_keys(kind: str, values: dict) -> list[tuple[str, str]]:
    """The keys a row is matched by, strongest first."""
    if kind == "organizations":
        return [("name", values.get("name", ""))]
    keys = []
    if values.get("phone"):
        keys.append(("phone", values["phone"]))
    if values.get("email"):
        keys.append(("email", values["email"]))
    keys.append(("name_org", f"{values.get('name', '')}\x1f{_organization_name(kind, values)}"))
    return keys


def _chunks(items: list, size: int = LOOKUP_CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing(kind: str, rows: list[RowResult]) -> dict[tuple[str, str], object]:
    """Existing profiles indexed by the identity keys of the rows, in a few queries.

    Keys are looked up strongest first, and a row already matched (by phone, say) is not
    looked up again by a weaker key: re-importing 10,000 known rows costs one pass.
    """
    model = MODELS[kind]
    queryset = model.objects.prefetch_related("fields")
    if kind == "mentors":
        queryset = queryset.select_related("affiliation").prefetch_related("honours")
    elif kind == "mentees":
        queryset = queryset.select_related("organization")
    found: dict[tuple[str, str], object] = {}
    pending = list(rows)
    for lookup in ("name", "phone", "email", "name_org"):
        wanted = {
            value.split("\x1f")[0]
            for row in pending
            for key, value in _identity_keys(kind, row.values)
            if key == lookup and value
        }
        column = "name" if lookup == "name_org" else lookup
        for chunk in _chunks(sorted(wanted)):
            for obj in queryset.filter(Q(**{f"{column}__in": chunk})).order_by("id"):
                for identity in _identity_keys(kind, _current_values(kind, obj)):
                    found.setdefault(identity, obj)
        pending = [
            row
            for row in pending
            if not any(identity in found for identity in _identity_keys(kind, row.values))
        ]
    return found


def _current_values(kind: str, obj) -> dict:
    """A profile's values keyed like the template's columns."""
    values = {}
    for column in COLUMNS[kind]:
        if column.key in LIST_COLUMNS:
            values[column.key] = list(getattr(obj, column.key).all())
        elif column.key in ORGANIZATION_FIELD.values():
            organization = getattr(obj, column.key)
            values[column.key] = organization.name if organization else ""
        else:
            values[column.key] = getattr(obj, column.key)
    return values


def _changes(kind: str, obj, values: dict) -> bool:
    current = _current_values(kind, obj)
    for key, value in values.items():
        if key in LIST_COLUMNS:
            if {item.pk for item in current[key]} != {item.pk for item in value or []}:
                return True
        elif current[key] != value:
            return True
    return False


def plan_import(kind: str, sheet: Sheet) -> ImportPlan:
    """Validate every row of ``sheet`` and decide what importing it would do (dry run)."""
    plan = ImportPlan(kind=kind)
    positions = _locate_columns(kind, sheet.header, plan)
    if plan.file_errors:
        return plan
    cleaner = _RowCleaner(kind)
    seen: dict[tuple[str, str], int] = {}
    for number, cells in sheet.rows:
        raw = {
            key: cells[index].strip() if index < len(cells) else ""
            for key, index in positions.items()
        }
        row = RowResult(number=number, action=CREATE, name=raw.get("name", ""))
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
        if "capacity" in row.values and row.values["capacity"] == "":
            del row.values["capacity"]
        for identity in _identity_keys(kind, row.values):
            if identity in seen:
                row.errors.append(
                    _("Duplicate of row %(row)d in this file.") % {"row": seen[identity]}
                )
                break
        for identity in _identity_keys(kind, row.values):
            seen.setdefault(identity, number)
        if row.errors:
            row.action = ERROR
    valid = [row for row in plan.rows if row.action == CREATE]
    existing = _existing(kind, valid)
    claimed: dict[int, int] = {}
    for row in valid:
        target = next(
            (existing[i] for i in _identity_keys(kind, row.values) if i in existing), None
        )
        if target is None:
            continue
        if target.pk in claimed:
            row.action = ERROR
            row.errors.append(
                _("Matches the same existing record as row %(row)d.") % {"row": claimed[target.pk]}
            )
            continue
        claimed[target.pk] = row.number
        row.target = target
        row.action = UPDATE if _changes(kind, target, row.values) else UNCHANGED
    return plan
