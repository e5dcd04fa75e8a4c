"""The dry run: validate every row and decide whether it creates, updates or changes nothing.

Rows are matched to existing profiles by mobile phone, then e-mail, then name + affiliation
(organisations by name), so that importing a file twice updates instead of duplicating.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext as _

from talentbridge.parsing import parse_int

from ..models import Honour, IndustryChain, Mentee, Mentor, Organization
from .columns import COLUMNS, split_list
from .reading import Sheet
from .rows import (
    CREATE,
    ERROR,
    UNCHANGED,
    UPDATE,
    ImportPlan,
    RowCleaner,
    RowResult,
    choice_index,
    plan_rows,
)

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


class _RowCleaner(RowCleaner):
    def __init__(self, kind: str):
        super().__init__(COLUMNS[kind], MODELS[kind])
        self.kind = kind
        self.vocabulary = _Vocabulary()
        self.kinds = choice_index(self.model.Kind) if hasattr(self.model, "Kind") else {}
        self.sizes = choice_index(Organization.Size) if kind == "organizations" else {}

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

    def clean_honours(self, text: str) -> list:
        return self.lookup_list(text, self.vocabulary.honours, _("Unknown honour: %(names)s."))

    def clean_fields(self, text: str) -> list:
        return self.lookup_list(text, self.vocabulary.fields, _("Unknown field: %(names)s."))

    def clean_kind(self, text: str) -> str:
        return self.lookup_choice(text, self.kinds, _("Unknown kind “%(kind)s”.") % {"kind": text})

    def clean_size(self, text: str) -> str:
        return self.lookup_choice(text, self.sizes, _("Unknown size “%(size)s”.") % {"size": text})

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
    cleaner = _RowCleaner(kind)
    plan_rows(plan, sheet, COLUMNS[kind], cleaner, lambda values: _identity_keys(kind, values))
    if plan.file_errors:
        return plan
    for row in plan.rows:
        if row.values.get("capacity") == "":
            del row.values["capacity"]
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
