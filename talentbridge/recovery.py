"""Recovery after failures: nothing lost, nothing stuck.

- Tasks survive a broker outage: :class:`talentbridge.celery.TransactionAwareTask` calls
  :func:`keep_task` when the broker does not answer; the beat task
  ``talentbridge.sweep_outbox`` calls :func:`send_kept_tasks`. Tasks are idempotent, so a
  task sent twice (kept, then also delivered) changes nothing more.
- Jobs whose worker died stop showing "running": :func:`fail_stale_jobs` (beat) fails a job
  whose heartbeat is older than ``JOB_STALE_MINUTES``.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.translation import gettext_noop

from .live import push_enabled
from .live_jobs import publish_job_on_commit
from .models import Job, OutboxTask

logger = logging.getLogger(__name__)
SWEEP_BATCH = 500
# What a task sees when the database restarts or fails over under it. Tasks are idempotent,
# so such a task is simply run again a moment later, on a fresh connection (Celery closes
# unusable connections before each task).
DATABASE_LOST = (OperationalError, InterfaceError)
DATABASE_RETRY = {
    "autoretry_for": DATABASE_LOST,
    "retry_backoff": True,
    "retry_backoff_max": 60,
    "max_retries": 6,
}


def keep_task(name: str, args, kwargs, error: Exception) -> OutboxTask:
    """Record a task that could not be sent."""
    logger.warning("broker unavailable, task %s kept for later: %s", name, error)
    return OutboxTask.objects.create(
        name=name,
        args=list(args or []),
        kwargs=dict(kwargs or {}),
        last_error=f"{error.__class__.__name__}: {error}"[:500],
    )


def send_kept_tasks(app) -> int:
    """Send kept tasks, oldest first; stop at the first failure. Return how many were sent."""
    sent = 0
    for kept in OutboxTask.objects.filter(sent_at__isnull=True)[:SWEEP_BATCH]:
        task = app.tasks.get(kept.name)
        try:
            if task is None:
                raise LookupError(f"no task named {kept.name}")
            task.send_now(kept.args, kept.kwargs)
        except Exception as error:  # the broker is still down, or the task is gone
            OutboxTask.objects.filter(pk=kept.pk).update(
                attempts=kept.attempts + 1,
                last_error=f"{error.__class__.__name__}: {error}"[:500],
            )
            break
        OutboxTask.objects.filter(pk=kept.pk).update(
            sent_at=timezone.now(), attempts=kept.attempts + 1
        )
        sent += 1
    return sent


# Stored untranslated and translated where it is shown, in the reader's language.
STALE_MESSAGE = gettext_noop(
    "The worker running this job stopped. Start the job again; nothing it did is lost."
)


def fail_stale_jobs() -> int:
    """Fail queued or running jobs with no sign of life for ``JOB_STALE_MINUTES``."""
    cutoff = timezone.now() - timedelta(minutes=settings.JOB_STALE_MINUTES)
    stale = Job.objects.filter(
        status__in=[Job.Status.QUEUED, Job.Status.RUNNING], heartbeat_at__lt=cutoff
    )
    ids = list(stale.values_list("pk", flat=True)) if push_enabled() else []
    failed = stale.update(status=Job.Status.FAILED, error=STALE_MESSAGE, finished_at=timezone.now())
    for job_id in ids:
        publish_job_on_commit(job_id, transition=True)
    return failed
