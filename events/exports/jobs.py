"""The background side of a large export: write its file while the job's progress moves,
and delete the files whose links have expired. Queued by ``events.services.exports``."""

import tempfile
from datetime import timedelta

from django.core.files import File
from django.db import connection
from django.utils import timezone, translation

from talentbridge.recovery import DATABASE_LOST
from talentbridge.services import fail_job, finish_job, run_job, set_job_progress

from ..models import ExportJob
from .request import request_for_log, write_export

# How long a finished job's download link works.
LINK_LIFETIME = timedelta(hours=24)


def run_export_job(export_id: int, *, last_attempt: bool = True) -> ExportJob | None:
    """Write a queued export's file and make it downloadable for ``LINK_LIFETIME``.

    Idempotent: an export whose job has finished (or that is gone) is left as it is.
    Progress is saved every thousand rows outside any transaction, so the polling page sees
    it move. A lost database connection leaves the job running for the task's next attempt,
    unless this is the ``last_attempt``; any other error fails the job at once.
    """
    export = ExportJob.objects.select_related("log").filter(pk=export_id).first()
    if export is None or not run_job(export.job_id):
        return export

    def progress(done: int) -> None:
        set_job_progress(export.job_id, done=done)

    try:
        with translation.override(export.language), tempfile.TemporaryFile() as target:
            write_export(request_for_log(export.log), target, progress)
            target.seek(0)
            export.file.save(export.file_name, File(target), save=False)
    except Exception as error:
        if isinstance(error, DATABASE_LOST):
            if not last_attempt:
                raise
            # The dead connection is dropped; the failure is recorded on a fresh one.
            connection.close()
        fail_job(export.job_id, str(error))
        raise
    export.expires_at = timezone.now() + LINK_LIFETIME
    export.save(update_fields=["file", "expires_at"])
    finish_job(export.job_id)
    return export


def purge_expired_exports() -> int:
    """Delete the files of expired exports; return how many were deleted."""
    expired = ExportJob.objects.filter(expires_at__lte=timezone.now()).exclude(file="")
    count = 0
    for export in expired:
        export.file.delete(save=False)
        export.file = ""
        export.save(update_fields=["file"])
        count += 1
    return count
