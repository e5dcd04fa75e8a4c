"""Background jobs whose progress a page follows: one model and one set of transitions.
Every change is pushed to the pages that follow the job (``talentbridge.live_jobs``)."""

from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from ..live_jobs import publish_job_on_commit
from ..models import Job, User


def start_job(kind: str, *, actor: User | None, total: int = 0) -> Job:
    """Create a queued job whose progress a page can follow."""
    return Job.objects.create(
        kind=kind,
        total=total,
        started_by=actor if actor is not None and actor.is_authenticated else None,
    )


def run_job(job_id: int) -> bool:
    """Mark a queued job running; False if it is already finished (a repeated delivery)."""
    started = bool(
        Job.objects.filter(pk=job_id)
        .exclude(status__in=[Job.Status.DONE, Job.Status.FAILED])
        .update(status=Job.Status.RUNNING, heartbeat_at=timezone.now())
    )
    if started:
        publish_job_on_commit(job_id, transition=True)
    return started


def set_job_progress(job_id: int, *, done: int | None = None, total: int | None = None) -> None:
    """Record how far a job has got; saved at once, outside any transaction of the caller."""
    values = {"heartbeat_at": timezone.now()}
    if done is not None:
        values["done"] = done
    if total is not None:
        values["total"] = total
    Job.objects.filter(pk=job_id).update(**values)
    publish_job_on_commit(job_id)


def advance_job(job_id: int, by: int) -> None:
    """Add ``by`` to a job's count of done units, never beyond its total."""
    Job.objects.filter(pk=job_id).update(
        done=Least(F("done") + by, F("total")), heartbeat_at=timezone.now()
    )
    publish_job_on_commit(job_id)


def finish_job(job_id: int) -> None:
    """Mark a job done, with every unit counted."""
    if (
        Job.objects.filter(pk=job_id)
        .exclude(status=Job.Status.DONE)
        .update(status=Job.Status.DONE, done=F("total"), finished_at=timezone.now())
    ):
        publish_job_on_commit(job_id, transition=True)


def fail_job(job_id: int, error: str) -> None:
    """Mark a job failed with a message the organizer can read."""
    if (
        Job.objects.filter(pk=job_id)
        .exclude(status=Job.Status.DONE)
        .update(status=Job.Status.FAILED, error=error[:1000], finished_at=timezone.now())
    ):
        publish_job_on_commit(job_id, transition=True)


def retry_job(job_id: int) -> bool:
    """Queue a failed job again, keeping what it had done; False if it had not failed."""
    queued = bool(
        Job.objects.filter(pk=job_id, status=Job.Status.FAILED).update(
            status=Job.Status.QUEUED, error="", finished_at=None, heartbeat_at=timezone.now()
        )
    )
    if queued:
        publish_job_on_commit(job_id, transition=True)
    return queued
