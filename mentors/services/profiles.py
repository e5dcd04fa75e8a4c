"""Creating and editing expert, mentee and organisation profiles, with their audit trail."""

from collections.abc import Iterable

from django.db import models, transaction

from talentbridge.models import Office, User
from talentbridge.services import field_changes, log_action, snapshot

from ..models import Holding, Honour, IndustryChain, Mentee, Mentor, Organization
from ..search import mentee_search_text, mentor_search_text, organization_search_text
from .holdings import hold_person

NO_HONOUR_LEVEL = 99

# The fields whose changes an edit records (the denormalised search text is derived).
MENTOR_FIELDS = (
    "user",
    "name",
    "title",
    "affiliation",
    "research_fields",
    "bio",
    "achievements",
    "languages",
    "province",
    "city",
    "county",
    "current_city",
    "country",
    "capacity",
    "available",
    "phone",
    "email",
    "wechat",
)
MENTEE_FIELDS = (
    "user",
    "name",
    "kind",
    "organization",
    "needs",
    "bio",
    "province",
    "city",
    "county",
    "phone",
    "email",
    "wechat",
)
ORGANIZATION_FIELDS = (
    "name",
    "kind",
    "size",
    "province",
    "city",
    "county",
    "country",
    "description",
)


def mentor_search(mentor: Mentor) -> None:
    """Recompute (in memory) an expert's search text and seniority from its tags."""
    honours = list(mentor.honours.all())
    mentor.search_text = mentor_search_text(
        mentor, fields=list(mentor.fields.all()), honours=honours, affiliation=mentor.affiliation
    )
    mentor.honour_level = min((h.level for h in honours), default=NO_HONOUR_LEVEL)


def mentee_search(mentee: Mentee) -> None:
    """Recompute (in memory) a mentee's search text."""
    mentee.search_text = mentee_search_text(
        mentee, fields=list(mentee.fields.all()), organization=mentee.organization
    )


def organization_search(organization: Organization) -> None:
    """Recompute (in memory) an organisation's search text."""
    organization.search_text = organization_search_text(
        organization, fields=list(organization.fields.all())
    )


def _store_search(obj: models.Model, fields: tuple[str, ...]) -> None:
    # A queryset update: a second save() would announce the profile to listeners twice.
    type(obj).objects.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in fields})


def refresh_mentor_search(mentor: Mentor) -> None:
    """Recompute the expert's denormalised search text and seniority from the database."""
    mentor.affiliation = (
        Organization.objects.filter(pk=mentor.affiliation_id).first()
        if mentor.affiliation_id
        else None
    )
    mentor_search(mentor)
    _store_search(mentor, ("search_text", "honour_level"))


def _tag_names(items: Iterable) -> str:
    """Tags as one text for the audit trail: “人工智能, 海洋经济”."""
    return ", ".join(sorted(str(item) for item in items))


class _Edit:
    """What a profile was before a save, to record what the save changed."""

    def __init__(self, obj: models.Model, fields: tuple[str, ...], tags: tuple[str, ...]):
        stored = type(obj).objects.filter(pk=obj.pk).first() if obj.pk else None
        self.created = stored is None
        self.fields = fields
        self.before = snapshot(stored, fields) if stored else {}
        self.tags = {name: _tag_names(getattr(stored, name).all()) for name in tags if stored}

    def log(self, obj: models.Model, *, actor: User | None, tags: dict) -> None:
        """Write the audit entry: ``create`` with the values set, or ``edit`` with changes."""
        action = f"mentors.{obj._meta.model_name}"
        before = {**self.before, **self.tags}
        changes = field_changes(before, obj, self.fields)
        for name, items in tags.items():
            names = _tag_names(items)
            if names != before.get(name, ""):
                changes[name] = [before.get(name), names]
        if self.created:
            changes = {name: change for name, change in changes.items() if change[1] != ""}
            log_action(obj, f"{action}.create", actor=actor, changes=changes)
        elif changes:
            log_action(obj, f"{action}.edit", actor=actor, changes=changes)


def _given(**tags) -> dict:
    return {name: list(items) for name, items in tags.items() if items is not None}


@transaction.atomic
def save_mentor(
    mentor: Mentor,
    *,
    actor: User | None,
    fields: Iterable[IndustryChain] | None = None,
    honours: Iterable[Honour] | None = None,
    held_by: Office | None = None,
) -> Mentor:
    """Create or edit an expert profile with its tags; its search text is current afterwards
    and the audit trail records the creation, or the fields the edit changed. ``held_by``
    is the office that creates the profile and holds it from then on."""
    tags = _given(fields=fields, honours=honours)
    edit = _Edit(mentor, MENTOR_FIELDS, tuple(tags))
    mentor.save()
    for name, items in tags.items():
        getattr(mentor, name).set(items)
    refresh_mentor_search(mentor)
    edit.log(mentor, actor=actor, tags=tags)
    _hold(held_by, mentor, actor)
    return mentor


def _hold(office: Office | None, person, actor: User | None) -> None:
    if office is not None:
        hold_person(office, person, source=Holding.Source.CREATED, actor=actor)


@transaction.atomic
def save_mentee(
    mentee: Mentee,
    *,
    actor: User | None,
    fields: Iterable[IndustryChain] | None = None,
    held_by: Office | None = None,
) -> Mentee:
    """Create or edit a mentee profile with its fields; its search text is current afterwards
    and the audit trail records the creation, or the fields the edit changed. ``held_by``
    is the office that creates the profile and holds it from then on."""
    tags = _given(fields=fields)
    edit = _Edit(mentee, MENTEE_FIELDS, tuple(tags))
    mentee.save()
    for name, items in tags.items():
        getattr(mentee, name).set(items)
    mentee_search(mentee)
    _store_search(mentee, ("search_text",))
    edit.log(mentee, actor=actor, tags=tags)
    _hold(held_by, mentee, actor)
    return mentee


@transaction.atomic
def save_organization(
    organization: Organization,
    *,
    actor: User | None,
    fields: Iterable[IndustryChain] | None = None,
) -> Organization:
    """Create or edit an organisation; its search text and that of the people who name it
    stay current, and the audit trail records what changed."""
    tags = _given(fields=fields)
    edit = _Edit(organization, ORGANIZATION_FIELDS, tuple(tags))
    organization.save()
    for name, items in tags.items():
        getattr(organization, name).set(items)
    organization_search(organization)
    _store_search(organization, ("search_text",))
    for mentor in organization.mentors.prefetch_related("fields", "honours"):
        mentor.affiliation = organization
        mentor_search(mentor)
        _store_search(mentor, ("search_text", "honour_level"))
    for mentee in organization.mentees.prefetch_related("fields"):
        mentee.organization = organization
        mentee_search(mentee)
        _store_search(mentee, ("search_text",))
    edit.log(organization, actor=actor, tags=tags)
    return organization
