"""Running an export: decide whether it streams at once or becomes a background job, log
it, write the file, and keep the job's progress current for the polling page."""

import tempfile
from dataclasses import dataclass
from datetime import timedelta

from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation

from talentbridge.models import User

from ..models import Event, ExportJob, ExportLog
from ..statistics.filters import scope_from_params, scope_params
from ..statistics.scope import Scope
from .datasets import DATASETS, Dataset
from .writers import write_csv, write_xlsx

# From this many rows an export runs as a background job instead of streaming at once.
ASYNC_THRESHOLD = 10_000
# How long a finished job's download link works.
LINK_LIFETIME = timedelta(hours=24)
WORKBOOK = "workbook"


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a list (or the event's whole workbook) of a scope, in a format."""

    dataset: str
    format: str
    scope: Scope
    with_contacts: bool

    @property
    def datasets(self) -> list[Dataset]:
        return list(DATASETS.values()) if self.dataset == WORKBOOK else [DATASETS[self.dataset]]

    def row_count(self) -> int:
        return sum(dataset.count(self.scope) for dataset in self.datasets)

    def file_name(self) -> str:
        stem = self.dataset
        if self.scope.event:
            stem = f"event{self.scope.event.pk}-{stem}"
        return f"{stem}-{timezone.localdate():%Y%m%d}.{self.format}"


def log_export(request: ExportRequest, *, actor: User, rows: int) -> ExportLog:
    """Record who exported what, when, with or without contacts."""
    return ExportLog.objects.create(
        user=actor,
        event=request.scope.event,
        dataset=request.dataset,
        format=request.format,
        filters=scope_params(request.scope),
        with_contacts=request.with_contacts,
        row_count=rows,
    )


def start_export_job(request: ExportRequest, *, actor: User, rows: int) -> ExportJob:
    """Log the export and queue a job that writes its file once this transaction commits."""
    from ..tasks import task_run_export

    with transaction.atomic():
        log = log_export(request, actor=actor, rows=rows)
        job = ExportJob.objects.create(
            log=log,
            user=actor,
            language=translation.get_language() or actor.language,
            total_rows=rows,
            file_name=request.file_name(),
        )
        task_run_export.delay(job_id=job.pk)
    return job


def sheets(request: ExportRequest):
    """The ``(title, headers, rows)`` of every sheet of the export, in the active language;
    the event's workbook opens with its figures."""
    from ..reports import figures_sheet

    result = []
    if request.dataset == WORKBOOK:
        result.append(figures_sheet(request.scope))
    for dataset in request.datasets:
        result.append(
            (
                str(dataset.label),
                dataset.headers(request.with_contacts),
                dataset.rows(request.scope, request.with_contacts),
            )
        )
    return result


def write_export(request: ExportRequest, target, progress=None) -> None:
    """Write the export into the binary file ``target``."""
    if request.format == ExportLog.Format.CSV:
        _, headers, rows = sheets(request)[0]
        write_csv(target, headers, rows, progress)
    else:
        write_xlsx(target, sheets(request), progress)


def _request_for(job: ExportJob) -> ExportRequest:
    log = job.log
    event = Event.objects.filter(pk=log.event_id).first() if log.event_id else None
    return ExportRequest(
        dataset=log.dataset,
        format=log.format,
        scope=scope_from_params(log.filters, event),
        with_contacts=log.with_contacts,
    )


def run_export_job(job_id: int) -> ExportJob | None:
    """Write a queued job's file and make it downloadable for ``LINK_LIFETIME``.

    Idempotent: a job that is already done (or gone) is left as it is. Progress is saved
    every thousand rows outside any transaction, so the polling page sees it move.
    """
    with transaction.atomic():
        job = ExportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status == ExportJob.Status.DONE:
            return job
        job.status = ExportJob.Status.RUNNING
        job.save(update_fields=["status"])

    def progress(done: int) -> None:
        ExportJob.objects.filter(pk=job_id).update(done_rows=done)

    try:
        with translation.override(job.language), tempfile.TemporaryFile() as target:
            write_export(_request_for(job), target, progress)
            target.seek(0)
            job.file.save(job.file_name, File(target), save=False)
    except Exception as error:
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportJob.Status.FAILED, error=str(error)[:1000]
        )
        raise
    now = timezone.now()
    job.status = ExportJob.Status.DONE
    job.finished_at = now
    job.expires_at = now + LINK_LIFETIME
    job.done_rows = job.total_rows
    job.save(update_fields=["status", "finished_at", "expires_at", "done_rows", "file"])
    return job


def purge_expired_exports() -> int:
    """Delete the files of expired jobs; return how many were deleted."""
    expired = ExportJob.objects.filter(expires_at__lte=timezone.now()).exclude(file="")
    count = 0
    for job in expired:
        job.file.delete(save=False)
        job.file = ""
        job.save(update_fields=["file"])
        count += 1
    return count
