"""New projects and demands from a spreadsheet's validated rows (the call's import)."""

from django.db import transaction
from django.utils import timezone

from mentors.spreadsheets.committing import organizations_by_name
from mentors.spreadsheets.rows import CREATE, ImportPlan
from projects.models import PostingEvent, Status
from projects.spreadsheets import POSTING_MODELS
from talentbridge.models import Office, User
from talentbridge.services import log_action

from .common import Posting, posting_action, record_event
from .postings import build_search_text

# Cells that are not a column of the posting's table.
NOT_COLUMNS = {"organization", "fields", "region"}


@transaction.atomic
def create_imported_postings(
    plan: ImportPlan, *, actor: User, office: Office | None, source: str
) -> list[Posting]:
    """Create a posting per valid row of ``plan``, submitted for the office's review (the
    state a poster's submission reaches), each with its timeline entry and audit entry.

    The rows' organisations are found by name or created; ``actor`` manages every posting.
    ``source`` names the file in the audit trail.
    """
    model = POSTING_MODELS[plan.kind]
    rows = [row for row in plan.rows if row.action == CREATE]
    organizations = organizations_by_name({row.values["organization"] for row in rows})
    now = timezone.now()
    created = []
    for row in rows:
        # An empty cell leaves the column's default (no deadline, one slot, …).
        values = {
            key: value
            for key, value in row.values.items()
            if key not in NOT_COLUMNS and value != ""
        }
        posting = model.objects.create(
            **values,
            **(row.values.get("region") or {}),
            poster_organization=organizations[row.values["organization"]],
            owner=actor,
            office=office,
            status=Status.SUBMITTED,
            submitted_at=now,
        )
        posting.fields.set(row.values.get("fields") or [])
        posting.search_text = build_search_text(posting)
        posting.save(update_fields=["search_text"])
        record_event(posting, PostingEvent.Action.SUBMITTED, actor=actor)
        log_action(
            posting,
            posting_action(posting, "import"),
            actor=actor,
            changes={"file": source, "row": row.number, "status": ["", Status.SUBMITTED]},
        )
        row.target = posting
        created.append(posting)
    return created
