"""The roster (一录): adding natives, editing their entry, logging contacts, reminders."""

import re
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from talentbridge.models import Office, OfficeRole, User
from talentbridge.regions import resolve_region, within_region
from talentbridge.services import field_changes, log_action, notify, snapshot

from ...models import Holding, Mentor
from ...services.holdings import hold_person
from ..models import ContactLog, RosterEntry

ENTRY_FIELDS = (
    "liaison",
    "tags",
    "willing_to_advise",
    "willing_to_return",
    "willing_to_invest",
    "notes",
)
_TAG_SPLIT = re.compile(r"[,，、;；\s]+")


class RosterError(Exception):
    """A change to the roster that cannot be made; the message is for the user."""


def clean_tags(text: str) -> str:
    """“博士联盟， 返乡创业” → “博士联盟,返乡创业” (deduplicated, order kept)."""
    tags = dict.fromkeys(tag[:20] for tag in _TAG_SPLIT.split(text or "") if tag)
    return ",".join(tags)[:200]


def _check_liaison(office: Office, liaison: User | None) -> None:
    if (
        liaison is not None
        and not office.memberships.filter(user=liaison, role=OfficeRole.LIAISON).exists()
    ):
        raise RosterError(_("%(name)s is not a liaison of this office.") % {"name": liaison})


@transaction.atomic
def add_to_roster(
    office: Office,
    mentor: Mentor,
    *,
    actor: User | None,
    liaison: User | None = None,
    tags: str = "",
    willing_to_advise: bool = False,
    willing_to_return: bool = False,
    willing_to_invest: bool = False,
    notes: str = "",
) -> RosterEntry:
    """Put ``mentor`` on the office's roster (the office holds the profile from now on)."""
    if RosterEntry.objects.filter(office=office, mentor=mentor).exists():
        raise RosterError(_("%(name)s is already on this roster.") % {"name": mentor.name})
    _check_liaison(office, liaison)
    entry = RosterEntry.objects.create(
        office=office,
        mentor=mentor,
        liaison=liaison,
        tags=clean_tags(tags),
        willing_to_advise=willing_to_advise,
        willing_to_return=willing_to_return,
        willing_to_invest=willing_to_invest,
        notes=notes.strip(),
    )
    log_action(
        entry,
        "mentors.rosterentry.create",
        actor=actor,
        changes={"expert": mentor.name, "liaison": str(liaison or "")},
    )
    hold_person(office, mentor, source=Holding.Source.ROSTER, actor=actor)
    return entry


@transaction.atomic
def add_natives(office: Office, *, actor: User | None) -> int:
    """Put every expert whose hometown lies in the office's region (its county and towns) on
    the roster; returns how many were added. Nothing is added if the region names no
    division."""
    division = resolve_region(office.region) if office.region else None
    if division is None:
        raise RosterError(
            _("The office's region “%(region)s” names no county, city or province.")
            % {"region": office.region}
        )
    natives = (
        Mentor.objects.filter(within_region("region", division))
        .exclude(roster_entries__office=office)
        .order_by("pk")
    )
    added = 0
    for mentor in natives.iterator(chunk_size=500):
        add_to_roster(office, mentor, actor=actor)
        added += 1
    return added


@transaction.atomic
def edit_roster_entry(entry: RosterEntry, *, actor: User | None, **values) -> RosterEntry:
    """Change the liaison, tags, readiness or notes of an entry."""
    unknown = set(values) - set(ENTRY_FIELDS)
    if unknown:
        raise TypeError(f"not roster entry fields: {sorted(unknown)}")
    entry = RosterEntry.objects.select_for_update().get(pk=entry.pk)
    if "liaison" in values:
        _check_liaison(entry.office, values["liaison"])
    if "tags" in values:
        values["tags"] = clean_tags(values["tags"])
    before = snapshot(entry, ENTRY_FIELDS)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.save()
    log_action(
        entry,
        "mentors.rosterentry.edit",
        actor=actor,
        changes=field_changes(before, entry, ENTRY_FIELDS),
    )
    return entry


@transaction.atomic
def log_contact(
    entry: RosterEntry,
    *,
    contacted_on: date,
    channel: str,
    note: str,
    actor: User,
    next_contact_on: date | None = None,
) -> ContactLog:
    """Record a contact; the entry's next contact becomes the one the latest contact asks for."""
    if channel not in ContactLog.Channel.values:
        raise RosterError(_("Choose how the contact was made."))
    if not note.strip():
        raise RosterError(_("Write what was said."))
    if next_contact_on and next_contact_on < contacted_on:
        raise RosterError(_("The next contact cannot come before this one."))
    entry = RosterEntry.objects.select_for_update().get(pk=entry.pk)
    contact = ContactLog.objects.create(
        entry=entry,
        contacted_on=contacted_on,
        channel=channel,
        contacted_by=actor,
        note=note.strip(),
        next_contact_on=next_contact_on,
    )
    if entry.last_contact_on is None or contacted_on >= entry.last_contact_on:
        entry.last_contact_on = contacted_on
        entry.next_contact_on = next_contact_on
        entry.save(update_fields=["last_contact_on", "next_contact_on"])
    log_action(
        contact,
        "mentors.contactlog.create",
        actor=actor,
        changes={"expert": entry.mentor.name, "date": str(contacted_on), "channel": channel},
    )
    return contact


def remind_due_contacts(today: date) -> int:
    """Tell each liaison (or, without one, the office's managers) about the contacts due by
    ``today``; once per entry and due date, so running it again sends nothing more."""
    entries = (
        RosterEntry.objects.filter(next_contact_on__lte=today)
        .select_related("mentor", "office", "liaison")
        .order_by("office_id", "next_contact_on", "pk")
    )
    sent = 0
    for entry in entries.iterator(chunk_size=500):
        recipients = [entry.liaison] if entry.liaison else _managers(entry.office)
        for user in recipients:
            notify(
                user,
                key=f"hometown.contact-due.{entry.pk}.{entry.next_contact_on}",
                template="hometown_contact_due",
                context={
                    "expert": entry.mentor.name,
                    "office": entry.office.name,
                    "due": entry.next_contact_on.isoformat(),
                },
                url=reverse("mentors:hometown:entry", args=[entry.pk]),
            )
            sent += 1
    return sent


def _managers(office: Office) -> list[User]:
    memberships = office.memberships.filter(role__in=(OfficeRole.OWNER, OfficeRole.MANAGER))
    users = {m.user_id: m.user for m in memberships.select_related("user").order_by("user_id")}
    return list(users.values())
