"""Celery tasks of events: thin, idempotent, ids as keyword arguments."""

from celery import shared_task

from .exports import purge_expired_exports, run_export_job


@shared_task(name="events.run_export")
def task_run_export(*, job_id: int) -> int | None:
    """Write a large export's file; running it twice changes nothing more."""
    job = run_export_job(job_id)
    return job.pk if job else None


@shared_task(name="events.purge_exports")
def task_purge_exports() -> int:
    """Delete the files of export jobs whose download link has expired."""
    return purge_expired_exports()
