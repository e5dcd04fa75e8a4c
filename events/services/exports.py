"""Exports: every export is logged (who, what, filters, with or without contacts) and
written to the audit trail; a large one becomes a background job."""

from django.db import transaction
from django.utils import translation

from talentbridge.models import User
from talentbridge.services import log_action, retry_job, start_job

from ..exports import ExportRequest
from ..models import ExportJob, ExportLog
from ..tasks import task_run_export


@transaction.atomic
def log_export(request: ExportRequest, *, actor: User, rows: int) -> ExportLog:
    """Record who exported what, when, with which filters, with or without contacts."""
    entry = ExportLog.objects.create(
        user=actor,
        event=request.scope.event,
        dataset=request.dataset,
        format=request.format,
        filters=request.filters(),
        with_contacts=request.with_contacts,
        row_count=rows,
    )
    log_action(
        entry,
        "events.export.create",
        actor=actor,
        changes={
            "dataset": request.dataset,
            "format": request.format,
            "filters": entry.filters,
            "with_contacts": request.with_contacts,
            "rows": rows,
        },
    )
    return entry


@transaction.atomic
def start_export_job(request: ExportRequest, *, actor: User, rows: int) -> ExportJob:
    """Log the export and queue a job that writes its file once this transaction commits."""
    entry = log_export(request, actor=actor, rows=rows)
    export = ExportJob.objects.create(
        job=start_job("events.export", actor=actor, total=rows),
        log=entry,
        language=translation.get_language() or actor.language,
        file_name=request.file_name(),
    )
    task_run_export.delay(export_id=export.pk)
    return export


@transaction.atomic
def retry_export_job(export: ExportJob, *, actor: User) -> bool:
    """Write a failed export's file again; False if it had not failed."""
    if not retry_job(export.job_id):
        return False
    log_action(export.log, "events.export.retry", actor=actor)
    task_run_export.delay(export_id=export.pk)
    return True
