"""What an exportable list is made of: its columns (some of them contact details), how a
value becomes a cell, and the list itself, read in chunks so memory stays flat."""

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from ..statistics.scope import Scope

CHUNK = 2000
LIST_SEPARATOR = "；"


def cell(value: Any) -> Any:
    """A value as written to a spreadsheet: local time as text, booleans as yes/no, numbers
    as numbers, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return value
    return str(value)


@functools.cache
def _labels(choices, language: str) -> dict[str, str]:
    return {value: str(label) for value, label in choices.choices}


def label(choices, value: str) -> str:
    """The display label of a choice in the active language. Cached per language: Django's
    ``get_FOO_display`` costs more than the rest of a row when exporting 100,000 of them."""
    return _labels(choices, get_language()).get(value, value)


def attach_names(objects: list, relations: tuple[str, ...]) -> None:
    """Set ``<relation>_names`` on each object: the names of its many-to-many rows (fields,
    honours) in the active language, joined — one query per relation for the whole chunk,
    far cheaper than ``prefetch_related`` on 100,000 rows."""
    english = (get_language() or "").startswith("en")
    model = type(objects[0])
    ids = [obj.pk for obj in objects]
    for relation in relations:
        field = model._meta.get_field(relation)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = (
            field.remote_field.through.objects.filter(**{f"{source}_id__in": ids})
            .order_by(f"{target}__order", f"{target}__slug")
            .values_list(f"{source}_id", f"{target}__name_{'en' if english else 'zh'}")
        )
        names = defaultdict(list)
        for owner, name in rows:
            names[owner].append(name)
        for obj in objects:
            setattr(obj, f"{relation}_names", LIST_SEPARATOR.join(names[obj.pk]))


def names_of(*relations: str) -> Callable[[list], None]:
    """A ``prepare`` step that attaches the names of ``relations`` (see ``attach_names``)."""
    return functools.partial(attach_names, relations=relations)


@dataclass(frozen=True)
class Column:
    header: Promise | str
    value: Callable[[Any], Any]
    contact: bool = False


@dataclass(frozen=True)
class PeopleFilter:
    """A people directory's own filters, applied on top of the scope: its filter form (built
    from GET parameters) and the directory's rows for a valid form."""

    form: Callable[[Mapping], forms.Form]
    rows: Callable[[forms.Form], QuerySet]

    def params(self, data: Mapping) -> dict[str, str]:
        """The directory parameters of ``data`` that its form accepts; the rest is dropped."""
        form = self.form(data)
        form.is_valid()
        cleaned = form.cleaned_data
        return {
            name: str(data[name])
            for name in form.fields
            if name in data and cleaned.get(name) not in (None, "", False)
        }


@dataclass(frozen=True)
class Dataset:
    """One exportable list. ``sources`` gives the querysets whose rows, in order, make the
    list; ``prepare`` annotates each chunk of rows before their cells are read (names of
    tags, explanations); ``directory`` lists may be exported across events by any organizer
    (without contact columns), narrowed by ``people_filter`` when they have one."""

    key: str
    label: Promise
    sources: Callable[[Scope], list[QuerySet]]
    columns: tuple[Column, ...]
    directory: bool = False
    prepare: Callable[[list], None] | None = None
    people_filter: PeopleFilter | None = None

    def visible_columns(self, with_contacts: bool) -> list[Column]:
        return [c for c in self.columns if with_contacts or not c.contact]

    def headers(self, with_contacts: bool) -> list[str]:
        return [str(c.header) for c in self.visible_columns(with_contacts)]

    def querysets(self, scope: Scope, params: Mapping | None = None) -> list[QuerySet]:
        """The scope's querysets, narrowed by the directory's filters in ``params``."""
        querysets = self.sources(scope)
        if self.people_filter and params:
            chosen = self.people_filter.rows(self.people_filter.form(params)).values("pk")
            querysets = [queryset.filter(pk__in=chosen) for queryset in querysets]
        return querysets

    def count(self, scope: Scope, params: Mapping | None = None) -> int:
        return sum(queryset.count() for queryset in self.querysets(scope, params))

    def rows(
        self, scope: Scope, with_contacts: bool, params: Mapping | None = None
    ) -> Iterator[list]:
        """The list's rows as cell values, read in chunks so memory stays flat."""
        columns = self.visible_columns(with_contacts)
        for queryset in self.querysets(scope, params):
            objects = queryset.iterator(chunk_size=CHUNK)
            while chunk := list(islice(objects, CHUNK)):
                if self.prepare:
                    self.prepare(chunk)
                for obj in chunk:
                    yield [cell(column.value(obj)) for column in columns]


def contacts(who: str) -> tuple[Column, ...]:
    """The phone, e-mail and WeChat columns of a pairing's ``who`` (reserved columns)."""

    def get(path: str):
        def value(obj):
            for part in path.split("."):
                obj = getattr(obj, part) if obj is not None else None
            return obj

        return value

    headers = {
        "mentor": (_("Expert's phone"), _("Expert's e-mail"), _("Expert's WeChat")),
        "mentee": (_("Mentee's phone"), _("Mentee's e-mail"), _("Mentee's WeChat")),
    }[who]
    return (
        Column(headers[0], get(f"{who}.phone"), contact=True),
        Column(headers[1], get(f"{who}.email"), contact=True),
        Column(headers[2], get(f"{who}.wechat"), contact=True),
    )
