"""The controlled lists organizers edit: fields / industry chains (领域/产业链) and honours."""

from django.db import transaction
from django.utils.translation import gettext, pgettext

from talentbridge.models import User
from talentbridge.services import field_changes, log_action, snapshot

from ..models import Honour, IndustryChain, Mentee, Mentor, Organization
from ..queries import taxonomy_uses
from .profiles import mentee_search, mentor_search, organization_search

TaxonomyEntry = IndustryChain | Honour
# Rows recomputed and written per statement when a renamed entry refreshes the profiles.
REFRESH_BATCH = 500
# What an entry is known by: a change to one of these is a rename.
NAMES = ("slug", "name_zh", "name_en")
# What an edit may change, per kind of entry, and what profiles' search text (or seniority)
# is made of.
EDITABLE = {IndustryChain: (*NAMES, "order"), Honour: (*NAMES, "level", "order")}
SEARCHED = {IndustryChain: NAMES, Honour: (*NAMES, "level")}


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


def refresh_tagged_search(entry: TaxonomyEntry) -> None:
    """Recompute the search text (and experts' seniority) of every profile tagged with
    ``entry``, a few statements per batch rather than one save per profile."""
    _bulk_refresh(
        entry.mentors.select_related("affiliation").prefetch_related("fields", "honours"),
        Mentor,
        mentor_search,
        ["search_text", "honour_level"],
    )
    if isinstance(entry, IndustryChain):
        _bulk_refresh(
            entry.mentees.select_related("organization").prefetch_related("fields"),
            Mentee,
            mentee_search,
            ["search_text"],
        )
        _bulk_refresh(
            entry.organizations.prefetch_related("fields"),
            Organization,
            organization_search,
            ["search_text"],
        )


def _action(entry: TaxonomyEntry, verb: str) -> str:
    return f"mentors.{entry._meta.model_name}.{verb}"


@transaction.atomic
def add_taxonomy_entry(entry: TaxonomyEntry, *, actor: User | None) -> TaxonomyEntry:
    """Add a field or honour to its list."""
    entry.save()
    fields = EDITABLE[type(entry)]
    log_action(entry, _action(entry, "add"), actor=actor, changes=field_changes({}, entry, fields))
    return entry


@transaction.atomic
def edit_taxonomy_entry(entry: TaxonomyEntry, *, actor: User | None) -> TaxonomyEntry:
    """Change a field or honour; the profiles tagged with it stay findable by its current
    names (their search text is refreshed when a name, code or level changed).

    The audit trail calls a change of a name or of the code a rename.
    """
    model = type(entry)
    stored = model.objects.select_for_update().get(pk=entry.pk)
    before = snapshot(stored, EDITABLE[model])
    entry.save()
    changes = field_changes(before, entry, EDITABLE[model])
    if any(name in changes for name in SEARCHED[model]):
        refresh_tagged_search(entry)
    if changes:
        verb = "rename" if any(name in changes for name in NAMES) else "edit"
        log_action(entry, _action(entry, verb), actor=actor, changes=changes)
    return entry


@transaction.atomic
def delete_taxonomy_entry(entry: TaxonomyEntry, *, actor: User | None) -> None:
    """Delete a field or honour that nothing is tagged with; raise :class:`TaxonomyInUse`
    (saying what uses it) otherwise."""
    locked = type(entry).objects.select_for_update().get(pk=entry.pk)
    uses = taxonomy_uses(locked)
    if uses:
        raise TaxonomyInUse(locked, uses)
    log_action(locked, _action(locked, "delete"), actor=actor, changes=snapshot(locked, NAMES))
    locked.delete()
