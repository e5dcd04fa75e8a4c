"""The people lists — experts, mentees, organisations — with the columns of the import
template, so that an exported file can be edited and imported again. The directories'
export buttons link here with their filters; contact columns need the right to see them."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mentors.forms import MentorFilterForm, PeopleFilterForm
from mentors.models import Mentee, Organization
from mentors.queries import mentee_directory, mentor_directory, organization_directory
from mentors.spreadsheets.columns import COLUMNS
from mentors.spreadsheets.writing import row_values

from ...statistics.scope import Scope, mentees_in, mentors_in, organizations_in
from ..columns import Column, Dataset, PeopleFilter

# Template columns that hold contact details: exported only to those who may see them.
CONTACT_KEYS = frozenset({"phone", "email", "wechat"})


def _template_columns(kind: str) -> tuple[Column, ...]:
    """The import template's columns; each reads its cell from the row ``row_values`` made."""
    return tuple(
        Column(column.header, lambda obj, i=index: obj.template_row[i], column.key in CONTACT_KEYS)
        for index, column in enumerate(COLUMNS[kind])
    )


def _template_rows(kind: str) -> Callable[[list], None]:
    def prepare(chunk: list) -> None:
        for obj in chunk:
            obj.template_row = row_values(kind, obj)

    return prepare


def _mentors(scope: Scope) -> list[QuerySet]:
    return [
        mentors_in(scope)
        .select_related("affiliation")
        .prefetch_related("honours", "fields")
        .order_by("name", "id")
    ]


def _mentees(scope: Scope) -> list[QuerySet]:
    return [
        mentees_in(scope)
        .select_related("organization")
        .prefetch_related("fields")
        .order_by("name", "id")
    ]


def _organizations(scope: Scope) -> list[QuerySet]:
    return [organizations_in(scope).prefetch_related("fields").order_by("name", "id")]


MENTORS = Dataset(
    "mentors",
    _("Experts"),
    _mentors,
    _template_columns("mentors"),
    directory=True,
    prepare=_template_rows("mentors"),
    people_filter=PeopleFilter(
        form=MentorFilterForm, rows=lambda form: mentor_directory(form.filters())
    ),
)

MENTEES = Dataset(
    "mentees",
    _("Mentees"),
    _mentees,
    _template_columns("mentees"),
    directory=True,
    prepare=_template_rows("mentees"),
    people_filter=PeopleFilter(
        form=lambda data: PeopleFilterForm(data, kinds=Mentee.Kind.choices),
        rows=lambda form: mentee_directory(**form.filters()),
    ),
)

ORGANIZATIONS = Dataset(
    "organizations",
    _("Organisations"),
    _organizations,
    _template_columns("organizations"),
    directory=True,
    prepare=_template_rows("organizations"),
    people_filter=PeopleFilter(
        form=lambda data: PeopleFilterForm(data, kinds=Organization.Kind.choices),
        rows=lambda form: organization_directory(**form.filters()),
    ),
)
