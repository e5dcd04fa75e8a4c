"""Spreadsheet import of experts, mentees and organisations: a dry run, then all or nothing."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from talentbridge.models import Office, User
from talentbridge.services import log_action

from ..models import Holding
from ..signals import people_imported
from ..spreadsheets.committing import commit_plan
from ..spreadsheets.planning import MODELS, plan_import
from ..spreadsheets.rows import (
    CREATE,
    SKIP,
    UNCHANGED,
    UPDATE,
    ImportPlan,
    ImportRejected,
    dry_run,
)
from .holdings import hold_people


def preview_import(kind: str, filename: str, data: bytes) -> ImportPlan:
    """The dry run: what importing the file would do, row by row; changes nothing."""
    return dry_run(kind, filename, data, lambda sheet: plan_import(kind, sheet))


@transaction.atomic
def import_spreadsheet(
    kind: str, filename: str, data: bytes, *, actor: User, office: Office | None = None
) -> ImportPlan:
    """Import every row of the file, or none: any error raises :class:`ImportRejected`.

    The file is validated again inside the transaction, so that profiles changed since the
    dry run are matched as they are now. ``office`` holds every profile the file creates or
    updates (None only for bulk loads outside any office). One audit entry records the import
    with its office and counts.
    """
    plan = preview_import(kind, filename, data)
    if not plan.is_valid:
        raise ImportRejected(plan)
    ids = commit_plan(plan)["ids"]
    held = 0
    if office is not None:
        # Rows the file leaves unchanged name people the office has on file all the same.
        unchanged = [row.target.pk for row in plan.rows if row.action == UNCHANGED]
        held = hold_people(
            office, MODELS[kind], [*ids, *unchanged], source=Holding.Source.IMPORTED, actor=actor
        )
    # An import writes many rows at once; its entry is filed under the kind of record it
    # wrote (the content type), so that the trail holds one entry per import, not per row.
    log_action(
        ContentType.objects.get_for_model(MODELS[kind]),
        f"mentors.{MODELS[kind]._meta.model_name}.import",
        actor=actor,
        changes={
            "file": filename,
            "office": office.name if office else "",
            "newly_held": held,
            "created": plan.count(CREATE),
            "updated": plan.count(UPDATE),
            "unchanged": plan.count(UNCHANGED),
            "skipped": plan.count(SKIP),
        },
    )
    transaction.on_commit(lambda: people_imported.send(sender=kind, kind=kind, ids=ids))
    return plan
