"""Celery tasks of the boards: thin wrappers around services, taking ids and re-reading rows.

Tasks import the services they run; the services that enqueue work (publishing a posting,
starting a full recompute) import the tasks, never the other way round.
"""

from celery import shared_task
from django.utils import timezone

from talentbridge.recovery import DATABASE_RETRY

from .models import RecomputeRun
from .services import recompute
from .services.deadlines import remind_deadlines
from .services.followups import remind_followups
from .suggestions import MENTORS


@shared_task(name="projects.remind_deadlines")
def task_remind_deadlines() -> int:
    """Notify posters and claimants of postings whose deadline is three days away."""
    return remind_deadlines(timezone.localdate())


# --- Match suggestions ------------------------------------------------------------------------


@shared_task(name="projects.recompute_posting", **DATABASE_RETRY)
def task_recompute_posting(kind: str, posting_id: int) -> int:
    """Recompute the suggested experts (or founders) of one posting."""
    return recompute.recompute_target(kind, posting_id)


@shared_task(name="projects.recompute_mentor", **DATABASE_RETRY)
def task_recompute_mentor(mentor_id: int) -> int:
    """Update every list an expert enters, leaves or moves in after their profile changed."""
    return recompute.recompute_candidate(MENTORS, mentor_id)


@shared_task(name="projects.recompute_mentee", **DATABASE_RETRY)
def task_recompute_mentee(mentee_id: int) -> int:
    """Recompute a mentee's "mentors for you" and the project lists they rank in."""
    return recompute.refresh_mentee(mentee_id)


@shared_task(name="projects.full_recompute", **DATABASE_RETRY)
def task_full_recompute(run_id: int | None = None) -> int:
    """Split a full recompute into chunks and dispatch each as its own task.

    Without ``run_id`` (the beat schedule, an import) a new run is started. Re-running a run
    dispatches only its chunks not done yet.
    """
    if run_id is None:
        run = recompute.start_run(actor=None)
    else:
        run = RecomputeRun.objects.filter(pk=run_id).first()
        if run is None:
            return 0
    pending = recompute.plan_full_recompute(run)
    for chunk_id, _kind, ids in pending:
        task_recompute_chunk.delay(chunk_id=chunk_id, ids=ids)
    return len(pending)


@shared_task(name="projects.recompute_chunk", **DATABASE_RETRY)
def task_recompute_chunk(chunk_id: int, ids: list[int]) -> int:
    """Recompute one chunk of a full run; counted once in the run's progress."""
    return recompute.recompute_chunk(chunk_id, ids)


@shared_task(name="projects.remind_followups")
def task_remind_followups() -> int:
    """Remind owners and office managers of landings whose yearly follow-up is due."""
    return remind_followups(timezone.localdate())
