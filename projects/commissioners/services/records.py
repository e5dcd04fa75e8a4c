"""Service records: a commissioner logs a visit or call, edits it until the firm confirms it;
the firm confirms or disputes it. Files are checked on upload and stored privately."""

from collections.abc import Iterable
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.commissioners.models import (
    MAX_DURATION_MINUTES,
    Dispatch,
    RecordFile,
    ServiceRecord,
    WhistleRequest,
)
from projects.commissioners.rules import represents
from talentbridge.models import User
from talentbridge.services import field_changes, log_action, notify, snapshot

from . import CommissionerError

# What the commissioner writes on a record (everything else is set by the transitions).
RECORD_FIELDS = (
    "kind",
    "mode",
    "served_on",
    "duration_minutes",
    "participants",
    "findings",
    "actions",
    "whistle",
)
IN_THE_FUTURE = _("A visit or call cannot be in the future.")
BAD_DURATION = _("The duration is between 1 minute and 24 hours.")


def _check(dispatch: Dispatch, values: dict) -> None:
    """Refuse values no form should have let through: they would make the figures wrong."""
    served_on: date = values["served_on"]
    if served_on > timezone.localdate():
        raise CommissionerError(IN_THE_FUTURE)
    if served_on < dispatch.starts_on:
        raise CommissionerError(
            _("The commissioner has served this firm since %(date)s; the date is before that.")
            % {"date": dispatch.starts_on.isoformat()}
        )
    duration = values["duration_minutes"]
    if not isinstance(duration, int) or not 1 <= duration <= MAX_DURATION_MINUTES:
        raise CommissionerError(BAD_DURATION)
    whistle: WhistleRequest | None = values.get("whistle")
    if whistle is not None and (
        whistle.organization_id != dispatch.organization_id
        or whistle.commissioner_id != dispatch.commissioner_id
    ):
        raise CommissionerError(_("That whistle request is not this firm's request to you."))


def add_record_files(
    record: ServiceRecord, files: Iterable[UploadedFile], *, actor: User
) -> list[RecordFile]:
    """Store already-validated uploads (photos, minutes) on a record."""
    stored = []
    for upload in files:
        item = RecordFile.objects.create(
            record=record,
            file=upload,
            name=upload.name[:200],
            size=upload.size,
            content_type=upload.content_type or "application/octet-stream",
            uploaded_by=actor,
        )
        log_action(
            item,
            "projects.recordfile.add",
            actor=actor,
            changes={"name": item.name, "size": item.size, "record": record.pk},
        )
        stored.append(item)
    return stored


def _ask_firm_to_confirm(record: ServiceRecord, key: str) -> None:
    for member in record.organization.members.filter(is_active=True):
        notify(
            member,
            key=key,
            template="commissioners_record_logged",
            context={
                "commissioner": record.commissioner.name,
                "firm": record.organization.name,
                "date": record.served_on.isoformat(),
            },
            url=record.get_absolute_url(),
        )


@transaction.atomic
def log_service_record(
    dispatch: Dispatch, *, actor: User, files: Iterable[UploadedFile] = (), **values
) -> ServiceRecord:
    """Record a visit or call of the dispatched commissioner; the firm is asked to confirm."""
    if unknown := set(values) - set(RECORD_FIELDS):
        raise TypeError(f"not a record field: {sorted(unknown)}")
    if actor.pk != dispatch.commissioner_id:
        raise CommissionerError(_("Only the commissioner serving this firm logs its records."))
    if dispatch.status != Dispatch.Status.ACTIVE:
        raise CommissionerError(_("This dispatch has ended; records can no longer be added."))
    _check(dispatch, values)
    record = ServiceRecord.objects.create(
        office_id=dispatch.office_id,
        dispatch=dispatch,
        commissioner=actor,
        organization_id=dispatch.organization_id,
        **values,
    )
    log_action(
        record,
        "projects.servicerecord.create",
        actor=actor,
        changes={
            "firm": record.organization.name,
            "served_on": record.served_on,
            "kind": record.kind,
            "mode": record.mode,
            "duration_minutes": record.duration_minutes,
        },
    )
    add_record_files(record, files, actor=actor)
    _ask_firm_to_confirm(record, f"projects.servicerecord.{record.pk}.logged")
    return record


def _locked(record: ServiceRecord) -> ServiceRecord:
    return ServiceRecord.objects.select_for_update().select_related("dispatch").get(pk=record.pk)


@transaction.atomic
def edit_service_record(
    record: ServiceRecord, *, actor: User, files: Iterable[UploadedFile] = (), **values
) -> ServiceRecord:
    """Change a record: its author only, until the firm confirms it. A disputed record goes
    back to the firm for confirmation."""
    if unknown := set(values) - set(RECORD_FIELDS):
        raise TypeError(f"not a record field: {sorted(unknown)}")
    record = _locked(record)
    if actor.pk != record.commissioner_id:
        raise CommissionerError(_("Only the commissioner who wrote a record edits it."))
    if record.status == ServiceRecord.Status.CONFIRMED:
        raise CommissionerError(_("The firm has confirmed this record; it cannot change now."))
    before = snapshot(record, RECORD_FIELDS)
    for name, value in values.items():
        setattr(record, name, value)
    _check(record.dispatch, snapshot(record, RECORD_FIELDS))
    changes = field_changes(before, record, RECORD_FIELDS)
    resubmitted = record.status == ServiceRecord.Status.DISPUTED
    if resubmitted:
        changes["status"] = [record.status, ServiceRecord.Status.SUBMITTED]
        record.status = ServiceRecord.Status.SUBMITTED
    record.save()
    log_action(record, "projects.servicerecord.edit", actor=actor, changes=changes)
    add_record_files(record, files, actor=actor)
    if resubmitted:
        stamp = f"{record.updated_at:%Y%m%d%H%M%S%f}"
        _ask_firm_to_confirm(record, f"projects.servicerecord.{record.pk}.resubmitted.{stamp}")
    return record


def _answer(record: ServiceRecord, status: str, *, actor: User, response: str) -> ServiceRecord:
    record = _locked(record)
    if not represents(actor, record.organization_id):
        raise CommissionerError(
            _("Only the firm's representatives confirm or dispute its records.")
        )
    if record.status != ServiceRecord.Status.SUBMITTED:
        raise CommissionerError(_("This record has already been answered."))
    record.status = status
    record.response = response
    record.responded_by, record.responded_at = actor, timezone.now()
    record.save(update_fields=["status", "response", "responded_by", "responded_at", "updated_at"])
    verb = "confirm" if status == ServiceRecord.Status.CONFIRMED else "dispute"
    changes = {"status": [ServiceRecord.Status.SUBMITTED, status]}
    if response:
        changes["response"] = response
    log_action(record, f"projects.servicerecord.{verb}", actor=actor, changes=changes)
    return record


@transaction.atomic
def confirm_service_record(record: ServiceRecord, *, actor: User, comment: str = ""):
    """The firm confirms that the visit or call took place as written."""
    return _answer(record, ServiceRecord.Status.CONFIRMED, actor=actor, response=comment)


@transaction.atomic
def dispute_service_record(record: ServiceRecord, *, actor: User, reason: str):
    """The firm says the record is wrong, and why; the commissioner may correct it."""
    if not reason.strip():
        raise CommissionerError(_("Say what is wrong with the record."))
    record = _answer(record, ServiceRecord.Status.DISPUTED, actor=actor, response=reason.strip())
    notify(
        record.commissioner,
        key=f"projects.servicerecord.{record.pk}.disputed.{record.responded_at:%Y%m%d%H%M%S%f}",
        template="commissioners_record_disputed",
        context={
            "firm": record.organization.name,
            "date": record.served_on.isoformat(),
            "reason": record.response,
        },
        url=record.get_absolute_url(),
    )
    return record
