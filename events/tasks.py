"""Celery tasks of events: thin, idempotent, ids as keyword arguments."""

from celery import shared_task

from talentbridge.recovery import DATABASE_RETRY

from .exports.jobs import purge_expired_exports, run_export_job
from .services.talent_map import refresh_talent_counts


@shared_task(name="events.run_export", bind=True, **DATABASE_RETRY)
def task_run_export(self, *, export_id: int) -> int | None:
    """Write a large export's file; running it twice changes nothing more.

    Lost database connections are retried; the last attempt marks the job failed.
    """
    export = run_export_job(export_id, last_attempt=self.request.retries >= self.max_retries)
    return export.pk if export else None


@shared_task(name="events.purge_exports")
def task_purge_exports() -> int:
    """Delete the files of export jobs whose download link has expired."""
    return purge_expired_exports()


@shared_task(name="events.refresh_talent_counts")
def task_refresh_talent_counts() -> int:
    """Rebuild the talent map's platform counts; idempotent (the same rows give the same
    counts)."""
    return refresh_talent_counts()
