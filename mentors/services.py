"""State transitions of profiles and pairings: the only code that writes to mentors/ models."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from talentbridge.models import User
from talentbridge.services import notify

from .models import Honour, IndustryChain, Mentee, Mentor, Organization, Pairing
from .queries import occupied_places, taxonomy_uses
from .search import mentee_search_text, mentor_search_text, organization_search_text
from .signals import people_imported
from .spreadsheets.committing import commit_plan
from .spreadsheets.planning import ImportPlan, plan_import
from .spreadsheets.reading import SpreadsheetError, read_spreadsheet

NO_HONOUR_LEVEL = 99


class PairingError(Exception):
    """A pairing transition that the pairing's state or the expert's capacity forbids."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class CapacityFull(PairingError):
    """The expert already has as many mentees as their capacity allows."""


# --- Profiles ---------------------------------------------------------------------------------


def refresh_mentor_search(mentor: Mentor) -> None:
    """Recompute the expert's denormalised search text and seniority from the database."""
    honours = list(mentor.honours.all())
    affiliation = (
        Organization.objects.filter(pk=mentor.affiliation_id).first()
        if mentor.affiliation_id
        else None
    )
    mentor.search_text = mentor_search_text(
        mentor, fields=list(mentor.fields.all()), honours=honours, affiliation=affiliation
    )
    mentor.honour_level = min((h.level for h in honours), default=NO_HONOUR_LEVEL)
    Mentor.objects.filter(pk=mentor.pk).update(
        search_text=mentor.search_text, honour_level=mentor.honour_level
    )


@transaction.atomic
def save_mentor(
    mentor: Mentor,
    *,
    actor: User | None,
    fields: Iterable[IndustryChain] | None = None,
    honours: Iterable[Honour] | None = None,
) -> Mentor:
    """Save an expert profile with its tags; its search text is current afterwards."""
    mentor.save()
    if fields is not None:
        mentor.fields.set(fields)
    if honours is not None:
        mentor.honours.set(honours)
    refresh_mentor_search(mentor)
    return mentor


@transaction.atomic
def save_mentee(
    mentee: Mentee, *, actor: User | None, fields: Iterable[IndustryChain] | None = None
) -> Mentee:
    """Save a mentee profile with its fields; its search text is current afterwards."""
    mentee.save()
    if fields is not None:
        mentee.fields.set(fields)
    mentee.search_text = mentee_search_text(
        mentee, fields=list(mentee.fields.all()), organization=mentee.organization
    )
    Mentee.objects.filter(pk=mentee.pk).update(search_text=mentee.search_text)
    return mentee


@transaction.atomic
def save_organization(
    organization: Organization,
    *,
    actor: User | None,
    fields: Iterable[IndustryChain] | None = None,
) -> Organization:
    """Save an organisation; it and the experts' search text that name it stay current."""
    organization.save()
    if fields is not None:
        organization.fields.set(fields)
    organization.search_text = organization_search_text(
        organization, fields=list(organization.fields.all())
    )
    Organization.objects.filter(pk=organization.pk).update(search_text=organization.search_text)
    for mentor in organization.mentors.prefetch_related("fields", "honours"):
        refresh_mentor_search(mentor)
    for mentee in organization.mentees.all():
        save_mentee(mentee, actor=actor)
    return organization


# --- The controlled lists ---------------------------------------------------------------------

TaxonomyEntry = IndustryChain | Honour
# Rows recomputed and written per statement when a renamed entry refreshes the profiles.
REFRESH_BATCH = 500


class TaxonomyInUse(Exception):
    """A field or honour that records are tagged with; it cannot be deleted."""

    def __init__(self, entry: TaxonomyEntry, uses: list[tuple[str, int]]):
        super().__init__(entry.slug)
        self.entry = entry
        self.uses = uses

    @property
    def message(self) -> str:
        """What uses the entry, in the active language."""
        uses = pgettext("list separator", ", ").join(
            gettext("%(kind)s: %(count)s") % {"kind": kind, "count": count}
            for kind, count in self.uses
        )
        return gettext("“%(name)s” is in use (%(uses)s) and cannot be deleted.") % {
            "name": self.entry.name,
            "uses": uses,
        }


def _bulk_refresh(rows, model, compute, fields: list[str]) -> None:
    """Recompute ``fields`` of every row with ``compute(row)`` and write them in batches."""
    batch = []
    for row in rows.iterator(chunk_size=REFRESH_BATCH):
        compute(row)
        batch.append(row)
        if len(batch) == REFRESH_BATCH:
            model.objects.bulk_update(batch, fields)
            batch = []
    if batch:
        model.objects.bulk_update(batch, fields)


def _mentor_search(mentor: Mentor) -> None:
    honours = list(mentor.honours.all())
    mentor.search_text = mentor_search_text(
        mentor, fields=list(mentor.fields.all()), honours=honours, affiliation=mentor.affiliation
    )
    mentor.honour_level = min((h.level for h in honours), default=NO_HONOUR_LEVEL)


def _mentee_search(mentee: Mentee) -> None:
    mentee.search_text = mentee_search_text(
        mentee, fields=list(mentee.fields.all()), organization=mentee.organization
    )


def _organization_search(organization: Organization) -> None:
    organization.search_text = organization_search_text(
        organization, fields=list(organization.fields.all())
    )


def refresh_tagged_search(entry: TaxonomyEntry) -> None:
    """Recompute the search text (and experts' seniority) of every profile tagged with
    ``entry``, a few statements per batch rather than one save per profile."""
    _bulk_refresh(
        entry.mentors.select_related("affiliation").prefetch_related("fields", "honours"),
        Mentor,
        _mentor_search,
        ["search_text", "honour_level"],
    )
    if isinstance(entry, IndustryChain):
        _bulk_refresh(
            entry.mentees.select_related("organization").prefetch_related("fields"),
            Mentee,
            _mentee_search,
            ["search_text"],
        )
        _bulk_refresh(
            entry.organizations.prefetch_related("fields"),
            Organization,
            _organization_search,
            ["search_text"],
        )


# What profiles' search text (or seniority) is made of, per kind of entry.
SEARCHED_ATTRIBUTES = {
    IndustryChain: ("slug", "name_zh", "name_en"),
    Honour: ("slug", "name_zh", "name_en", "level"),
}


@transaction.atomic
def save_taxonomy_entry(entry: TaxonomyEntry, *, actor: User | None) -> TaxonomyEntry:
    """Add or change a field or honour; the profiles tagged with it stay findable by its
    current names (their search text is refreshed when a name, code or level changed)."""
    attributes = SEARCHED_ATTRIBUTES[type(entry)]
    before = type(entry).objects.filter(pk=entry.pk).values_list(*attributes).first()
    entry.save()
    if before is not None and before != tuple(getattr(entry, name) for name in attributes):
        refresh_tagged_search(entry)
    return entry


@transaction.atomic
def delete_taxonomy_entry(entry: TaxonomyEntry, *, actor: User | None) -> None:
    """Delete a field or honour that nothing is tagged with; raise :class:`TaxonomyInUse`
    (saying what uses it) otherwise."""
    locked = type(entry).objects.select_for_update().get(pk=entry.pk)
    uses = taxonomy_uses(locked)
    if uses:
        raise TaxonomyInUse(locked, uses)
    locked.delete()


# --- Pairings ---------------------------------------------------------------------------------


def _counterpart_user(pairing: Pairing, actor: User | None) -> User | None:
    """Who should hear about a change: the party that is not ``actor``."""
    for person in (pairing.mentor, pairing.mentee):
        if person.user_id and (actor is None or person.user_id != actor.pk):
            return person.user
    return None


def _notify_pairing(pairing: Pairing, actor: User | None, template: str) -> None:
    recipient = _counterpart_user(pairing, actor)
    if recipient is None:
        return
    notify(
        recipient,
        key=f"mentors.pairing.{pairing.pk}.{template}",
        template=f"mentors_{template}",
        context={"mentor": pairing.mentor.name, "mentee": pairing.mentee.name},
        url=reverse("mentors:my_pairings"),
    )


def propose_pairing(mentor: Mentor, mentee: Mentee, *, actor: User, note: str = "") -> Pairing:
    """Propose a pairing; the other party (or an organizer) accepts it later."""
    if not mentor.available:
        raise PairingError(_("This expert is not taking new mentees at the moment."))
    try:
        with transaction.atomic():
            pairing = Pairing.objects.create(
                mentor=mentor, mentee=mentee, note=note, proposed_by=actor
            )
    except IntegrityError as exc:
        raise PairingError(_("These two already have an open pairing.")) from exc
    _notify_pairing(pairing, actor, "pairing_proposed")
    return pairing


def _locked_mentor(mentor_id: int) -> Mentor:
    """The expert row, locked until the transaction ends: one acceptance at a time."""
    return Mentor.objects.select_for_update().get(pk=mentor_id)


@transaction.atomic
def accept_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """Accept a proposed pairing, taking one of the expert's places; never over capacity.

    Locks the expert first, then the pairing (always in this order), and counts the
    occupied places from the pairings themselves while holding the lock.
    """
    mentor = _locked_mentor(pairing.mentor_id)
    locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if locked.status != Pairing.Status.PROPOSED:
        raise PairingError(_("This pairing is no longer waiting for an answer."))
    if occupied_places(mentor) >= mentor.capacity:
        raise CapacityFull(_("This expert has no free place for another mentee."))
    locked.status = Pairing.Status.ACCEPTED
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["status", "accepted_at"])
    _notify_pairing(locked, actor, "pairing_accepted")
    return locked


def _end(pairing: Pairing, *, allowed: tuple, status: str, message) -> Pairing:
    locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if locked.status not in allowed:
        raise PairingError(message)
    locked.status = status
    locked.ended_at = timezone.now()
    locked.save(update_fields=["status", "ended_at"])
    return locked


@transaction.atomic
def decline_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """Decline (or withdraw) a proposal; it ends as dissolved."""
    ended = _end(
        pairing,
        allowed=(Pairing.Status.PROPOSED,),
        status=Pairing.Status.DISSOLVED,
        message=_("This pairing is no longer waiting for an answer."),
    )
    _notify_pairing(ended, actor, "pairing_declined")
    return ended


@transaction.atomic
def dissolve_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """End an accepted pairing early; the expert's place becomes free again."""
    return _end(
        pairing,
        allowed=Pairing.OCCUPYING,
        status=Pairing.Status.DISSOLVED,
        message=_("Only an accepted pairing can be dissolved."),
    )


@transaction.atomic
def conclude_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """Close a pairing that ran its course; the expert's place becomes free again."""
    return _end(
        pairing,
        allowed=Pairing.OCCUPYING,
        status=Pairing.Status.CONCLUDED,
        message=_("Only an accepted pairing can be concluded."),
    )


@transaction.atomic
def celebrate_pairing(pairing: Pairing, *, actor: User | None) -> Pairing:
    """Record that the pair went on stage at a pairing ceremony (对接仪式)."""
    locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if locked.status != Pairing.Status.ACCEPTED:
        raise PairingError(_("Only an accepted pairing can be celebrated at a ceremony."))
    locked.status = Pairing.Status.CELEBRATED
    locked.celebrated_at = timezone.now()
    locked.save(update_fields=["status", "celebrated_at"])
    return locked


@transaction.atomic
def uncelebrate_pairing(pairing: Pairing, *, actor: User | None) -> Pairing:
    """Undo a ribbon pressed by mistake: a celebrated pairing returns to accepted.

    A pairing that has moved on since (active, ended) is left as it is.
    """
    locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if locked.status == Pairing.Status.CELEBRATED:
        locked.status = Pairing.Status.ACCEPTED
        locked.celebrated_at = None
        locked.save(update_fields=["status", "celebrated_at"])
    return locked


@transaction.atomic
def activate_pairing(pairing: Pairing, *, actor: User | None) -> Pairing:
    """Mark an accepted or celebrated pairing as working together."""
    locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if locked.status not in (Pairing.Status.ACCEPTED, Pairing.Status.CELEBRATED):
        raise PairingError(_("Only an accepted pairing can become active."))
    locked.status = Pairing.Status.ACTIVE
    locked.save(update_fields=["status"])
    return locked


# --- Spreadsheet import -----------------------------------------------------------------------


class ImportRejected(Exception):
    """The file has errors; nothing was imported. ``plan`` lists them row by row."""

    def __init__(self, plan: ImportPlan):
        super().__init__("import rejected")
        self.plan = plan


def preview_import(kind: str, filename: str, data: bytes) -> ImportPlan:
    """The dry run: what importing the file would do, row by row; changes nothing."""
    try:
        sheet = read_spreadsheet(filename, data)
    except SpreadsheetError as exc:
        return ImportPlan(kind=kind, file_errors=[str(exc)])
    return plan_import(kind, sheet)


@transaction.atomic
def import_spreadsheet(kind: str, filename: str, data: bytes, *, actor: User) -> ImportPlan:
    """Import every row of the file, or none: any error raises :class:`ImportRejected`.

    The file is validated again inside the transaction, so that profiles changed since the
    dry run are matched as they are now.
    """
    plan = preview_import(kind, filename, data)
    if not plan.is_valid:
        raise ImportRejected(plan)
    ids = commit_plan(plan)["ids"]
    transaction.on_commit(lambda: people_imported.send(sender=kind, kind=kind, ids=ids))
    return plan
