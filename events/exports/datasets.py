"""The exportable lists: for each, the rows of a scope (the same querysets the figures
count) and its columns, some of them contact details."""

import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Organization, Pairing
from projects.models import Challenge, Claim, Project
from projects.models import Status as PostingStatus

from ..models import EventPosting, Registration
from ..statistics.scope import (
    Scope,
    challenges_in,
    claims_in,
    landings_in,
    mentees_in,
    mentors_in,
    organizations_in,
    pairings_in,
    projects_in,
    registrations_in,
    suggestions_in,
)

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


@dataclass(frozen=True)
class Column:
    header: Promise
    value: Callable[[Any], Any]
    contact: bool = False


@dataclass(frozen=True)
class Dataset:
    """One exportable list. ``sources`` gives the querysets whose rows, in order, make the
    list; ``directory`` lists may be exported across events by any organizer (without
    contact columns)."""

    key: str
    label: Promise
    sources: Callable[[Scope], list[QuerySet]]
    columns: tuple[Column, ...]
    directory: bool = False
    related: tuple[str, ...] = ()

    def visible_columns(self, with_contacts: bool) -> list[Column]:
        return [c for c in self.columns if with_contacts or not c.contact]

    def headers(self, with_contacts: bool) -> list[str]:
        return [str(c.header) for c in self.visible_columns(with_contacts)]

    def count(self, scope: Scope) -> int:
        return sum(queryset.count() for queryset in self.sources(scope))

    def rows(self, scope: Scope, with_contacts: bool) -> Iterator[list]:
        """The list's rows as cell values, read in chunks so memory stays flat."""
        columns = self.visible_columns(with_contacts)
        for queryset in self.sources(scope):
            objects = queryset.iterator(chunk_size=CHUNK)
            while chunk := list(islice(objects, CHUNK)):
                if self.related:
                    attach_names(chunk, self.related)
                for obj in chunk:
                    yield [cell(column.value(obj)) for column in columns]


def _contacts(prefix: str = "", who: str = "") -> tuple[Column, ...]:
    def get(path: str):
        def value(obj):
            for part in path.split("."):
                obj = getattr(obj, part) if obj is not None else None
            return obj

        return value

    base = f"{prefix}." if prefix else ""
    label = {
        "": (_("Mobile phone"), _("E-mail address"), _("WeChat ID")),
        "mentor": (_("Expert's phone"), _("Expert's e-mail"), _("Expert's WeChat")),
        "mentee": (_("Mentee's phone"), _("Mentee's e-mail"), _("Mentee's WeChat")),
    }[who]
    return (
        Column(label[0], get(f"{base}phone"), contact=True),
        Column(label[1], get(f"{base}email"), contact=True),
        Column(label[2], get(f"{base}wechat"), contact=True),
    )


# Only the columns an export reads: building fewer attributes per row is a good part of the
# time of a 100,000-row export.
MENTOR_COLUMNS = (
    "name",
    "title",
    "affiliation__name",
    "province",
    "city",
    "county",
    "current_city",
    "country",
    "phone",
    "email",
    "wechat",
)
REGISTRATION_COLUMNS = (
    "event__title",
    "category__name",
    "user__name",
    "user__email",
    "user__phone",
    "status",
    "organization_name",
    "job_title",
    "code",
    "created_at",
    "checked_in_at",
)


def _mentors(scope: Scope) -> list[QuerySet]:
    return [
        mentors_in(scope).select_related("affiliation").only(*MENTOR_COLUMNS).order_by("name", "id")
    ]


MENTORS = Dataset(
    "mentors",
    _("Experts"),
    _mentors,
    (
        Column(_("Name"), lambda m: m.name),
        Column(_("Title / position"), lambda m: m.title),
        Column(_("Affiliation"), lambda m: m.affiliation.name if m.affiliation else ""),
        Column(_("Honours"), lambda m: m.honours_names),
        Column(_("Fields"), lambda m: m.fields_names),
        Column(_("Hometown province"), lambda m: m.province),
        Column(_("Hometown city"), lambda m: m.city),
        Column(_("Hometown county / district"), lambda m: m.county),
        Column(_("Current city"), lambda m: m.current_city),
        Column(_("Country of residence"), lambda m: m.country),
        Column(_("Overseas"), lambda m: m.is_overseas),
        *_contacts(),
    ),
    directory=True,
    related=("honours", "fields"),
)


def _mentees(scope: Scope) -> list[QuerySet]:
    return [mentees_in(scope).select_related("organization").order_by("name", "id")]


MENTEES = Dataset(
    "mentees",
    _("Mentees"),
    _mentees,
    (
        Column(_("Name"), lambda m: m.name),
        Column(_("Kind"), lambda m: label(Mentee.Kind, m.kind)),
        Column(_("Organisation"), lambda m: m.organization.name if m.organization else ""),
        Column(_("Fields"), lambda m: m.fields_names),
        Column(_("Province"), lambda m: m.province),
        Column(_("City"), lambda m: m.city),
        Column(_("County / district"), lambda m: m.county),
        *_contacts(),
    ),
    directory=True,
    related=("fields",),
)


def _organizations(scope: Scope) -> list[QuerySet]:
    return [organizations_in(scope).order_by("name", "id")]


ORGANIZATIONS = Dataset(
    "organizations",
    _("Organisations"),
    _organizations,
    (
        Column(_("Name"), lambda o: o.name),
        Column(_("Kind"), lambda o: label(Organization.Kind, o.kind)),
        Column(_("Size"), lambda o: label(Organization.Size, o.size)),
        Column(_("Fields"), lambda o: o.fields_names),
        Column(_("Country"), lambda o: o.country),
        Column(_("Province"), lambda o: o.province),
        Column(_("City"), lambda o: o.city),
        Column(_("County / district"), lambda o: o.county),
    ),
    directory=True,
    related=("fields",),
)


def _postings(scope: Scope) -> list[QuerySet]:
    def annotated(queryset: QuerySet, link: str) -> QuerySet:
        links = EventPosting.objects.filter(**{link: OuterRef("pk")})
        if scope.event:
            links = links.filter(event=scope.event)
        roadshow = links.filter(session__isnull=False).order_by("id")
        return (
            queryset.select_related("poster_mentor", "poster_mentee", "poster_organization")
            .annotate(
                on_site=Exists(links.filter(posted_on_site=True)),
                roadshow=Subquery(roadshow.values("session__title")[:1]),
                slot=Subquery(roadshow.values("slot_order")[:1]),
            )
            .order_by("id")
        )

    return [annotated(projects_in(scope), "project"), annotated(challenges_in(scope), "challenge")]


def _board(posting) -> str:
    return str(
        Project._meta.verbose_name
        if isinstance(posting, Project)
        else (Challenge._meta.verbose_name)
    )


POSTINGS = Dataset(
    "postings",
    _("Projects and demands"),
    _postings,
    (
        Column(_("Board"), _board),
        Column(_("Title"), lambda p: p.title),
        Column(_("Posted by"), lambda p: p.poster.name),
        Column(_("Status"), lambda p: label(PostingStatus, p.status)),
        Column(_("Fields"), lambda p: p.fields_names),
        Column(_("Province"), lambda p: p.province),
        Column(_("City"), lambda p: p.city),
        Column(_("County / district"), lambda p: p.county),
        Column(_("Posted on site"), lambda p: p.on_site),
        Column(_("Roadshow session"), lambda p: p.roadshow),
        Column(_("Running order"), lambda p: p.slot),
        Column(_("Published on"), lambda p: p.published_at),
        Column(_("Intended investment (yuan)"), lambda p: getattr(p, "intended_investment", None)),
        Column(_("Reward up to (yuan)"), lambda p: getattr(p, "reward_max", None)),
    ),
    directory=True,
    related=("fields",),
)


def _claims(scope: Scope) -> list[QuerySet]:
    return [
        claims_in(scope)
        .select_related("project", "challenge", "claimant", "mentor", "mentee")
        .order_by("created_at", "id")
    ]


CLAIMS = Dataset(
    "claims",
    _("Claims"),
    _claims,
    (
        Column(_("Board"), lambda c: _board(c.posting)),
        Column(_("Posting"), lambda c: c.posting.title),
        Column(_("Claimant"), lambda c: c.claimant.name),
        Column(_("As expert"), lambda c: c.mentor.name if c.mentor else ""),
        Column(_("As mentee"), lambda c: c.mentee.name if c.mentee else ""),
        Column(_("On behalf of"), lambda c: c.organization_name),
        Column(_("Status"), lambda c: label(Claim.Status, c.status)),
        Column(_("Claimed on"), lambda c: c.created_at),
        Column(_("Decided on"), lambda c: c.decided_at),
        Column(_("Claimant's e-mail"), lambda c: c.claimant.email, contact=True),
        Column(_("Claimant's phone"), lambda c: c.claimant.phone, contact=True),
    ),
)


def _pairings(scope: Scope) -> list[QuerySet]:
    return [
        pairings_in(scope)
        .select_related("mentor__affiliation", "mentee__organization")
        .order_by("proposed_at", "id")
    ]


PAIRINGS = Dataset(
    "pairings",
    _("Pairings"),
    _pairings,
    (
        Column(_("Expert"), lambda p: p.mentor.name),
        Column(
            _("Affiliation"), lambda p: p.mentor.affiliation.name if p.mentor.affiliation else ""
        ),
        Column(_("Mentee"), lambda p: p.mentee.name),
        Column(
            _("Mentee's organisation"),
            lambda p: p.mentee.organization.name if p.mentee.organization else "",
        ),
        Column(_("Status"), lambda p: label(Pairing.Status, p.status)),
        Column(_("Proposed on"), lambda p: p.proposed_at),
        Column(_("Accepted on"), lambda p: p.accepted_at),
        Column(_("Celebrated on"), lambda p: p.celebrated_at),
        Column(_("Note"), lambda p: p.note),
        *_contacts("mentor", "mentor"),
        *_contacts("mentee", "mentee"),
    ),
)


def _registrations(scope: Scope) -> list[QuerySet]:
    return [
        registrations_in(scope)
        .select_related("event", "category", "user")
        .only(*REGISTRATION_COLUMNS)
        .order_by("event_id", "category__order", "created_at", "id")
    ]


REGISTRATIONS = Dataset(
    "registrations",
    _("Registrations"),
    _registrations,
    (
        Column(_("Event"), lambda r: r.event.title),
        Column(_("Name"), lambda r: r.user.name),
        Column(_("Category"), lambda r: r.category.name),
        Column(_("Status"), lambda r: label(Registration.Status, r.status)),
        Column(_("Organisation"), lambda r: r.organization_name),
        Column(_("Title / position"), lambda r: r.job_title),
        Column(_("Registered on"), lambda r: r.created_at),
        Column(_("Checked in at"), lambda r: r.checked_in_at),
        Column(_("E-mail address"), lambda r: r.user.email, contact=True),
        Column(_("Mobile phone"), lambda r: r.user.phone, contact=True),
        Column(_("Check-in code"), lambda r: r.display_code, contact=True),
    ),
)


def _checkins(scope: Scope) -> list[QuerySet]:
    return [
        registrations_in(scope)
        .filter(status=Registration.Status.CHECKED_IN)
        .select_related("event", "category", "user", "checked_in_by")
        .only(*REGISTRATION_COLUMNS, "checked_in_by__name")
        .order_by("checked_in_at", "id")
    ]


CHECKINS = Dataset(
    "checkins",
    _("Check-ins"),
    _checkins,
    (
        Column(_("Event"), lambda r: r.event.title),
        Column(_("Name"), lambda r: r.user.name),
        Column(_("Category"), lambda r: r.category.name),
        Column(_("Organisation"), lambda r: r.organization_name),
        Column(_("Checked in at"), lambda r: r.checked_in_at),
        Column(_("Checked in by"), lambda r: r.checked_in_by.name if r.checked_in_by else ""),
        Column(_("E-mail address"), lambda r: r.user.email, contact=True),
        Column(_("Mobile phone"), lambda r: r.user.phone, contact=True),
    ),
)


def _landings(scope: Scope) -> list[QuerySet]:
    return [landings_in(scope).select_related("project", "challenge").order_by("landed_on", "id")]


LANDINGS = Dataset(
    "landings",
    _("Landings"),
    _landings,
    (
        Column(_("Board"), lambda landing: _board(landing.posting)),
        Column(_("Posting"), lambda landing: landing.posting.title),
        Column(_("Province"), lambda landing: landing.province),
        Column(_("City"), lambda landing: landing.city),
        Column(_("County / district"), lambda landing: landing.county),
        Column(_("Town / sub-district"), lambda landing: landing.town),
        Column(_("Village / community"), lambda landing: landing.village),
        Column(_("Intended investment (yuan)"), lambda landing: landing.intended_investment),
        Column(_("Signed investment (yuan)"), lambda landing: landing.signed_investment),
        Column(_("Landing date"), lambda landing: landing.landed_on),
    ),
)


def _suggestions(scope: Scope) -> list[QuerySet]:
    return [
        suggestions_in(scope)
        .select_related("mentor", "mentee", "challenge", "project", "for_mentee")
        .order_by("challenge_id", "project_id", "for_mentee_id", "rank", "id")
    ]


def _suggested_for(suggestion) -> str:
    target = suggestion.target
    return target.name if isinstance(target, Mentee) else target.title


def _target_kind(suggestion) -> str:
    target = suggestion.target
    return str(type(target)._meta.verbose_name)


SUGGESTIONS = Dataset(
    "suggestions",
    _("Match suggestions"),
    _suggestions,
    (
        Column(_("Suggested for"), _suggested_for),
        Column(_("Kind"), _target_kind),
        Column(_("Candidate"), lambda s: s.candidate.name),
        Column(_("Rank"), lambda s: s.rank),
        Column(_("Score"), lambda s: round(s.score, 3)),
        Column(_("Reasons"), lambda s: LIST_SEPARATOR.join(str(r) for r in s.reasons)),
        Column(_("Computed on"), lambda s: s.computed_at),
    ),
)

DATASETS = {
    dataset.key: dataset
    for dataset in (
        MENTORS,
        MENTEES,
        ORGANIZATIONS,
        POSTINGS,
        CLAIMS,
        PAIRINGS,
        REGISTRATIONS,
        CHECKINS,
        LANDINGS,
        SUGGESTIONS,
    )
}
