"""Celery tasks of the boards: thin wrappers around services."""

from celery import shared_task
from django.utils import timezone

from . import suggestions
from .models import RecomputeRun
from .services import remind_deadlines


@shared_task(name="projects.remind_deadlines")
def task_remind_deadlines() -> int:
    """Notify posters and claimants of postings whose deadline is three days away."""
    return remind_deadlines(timezone.localdate())


# --- Match suggestions ------------------------------------------------------------------------


@shared_task(name="projects.recompute_posting")
def task_recompute_posting(kind: str, posting_id: int) -> int:
    """Recompute the suggested experts (or founders) of one posting."""
    return suggestions.recompute_target(kind, posting_id)


@shared_task(name="projects.recompute_mentor")
def task_recompute_mentor(mentor_id: int) -> int:
    """Update every list an expert enters, leaves or moves in after their profile changed."""
    return suggestions.recompute_candidate(suggestions.MENTORS, mentor_id)


@shared_task(name="projects.recompute_mentee")
def task_recompute_mentee(mentee_id: int) -> int:
    """Recompute a mentee's "mentors for you" and the project lists they rank in."""
    return suggestions.refresh_mentee(mentee_id)


@shared_task(name="projects.full_recompute")
def task_full_recompute(run_id: int | None = None) -> int:
    """Split a full recompute into chunks and dispatch each as its own task.

    Without ``run_id`` (the beat schedule) a new run is started. Re-running a run dispatches
    only its chunks not done yet.
    """
    if run_id is None:
        run = RecomputeRun.objects.create()
    else:
        run = RecomputeRun.objects.filter(pk=run_id).first()
        if run is None:
            return 0
    pending = suggestions.plan_full_recompute(run)
    for kind, ids in pending:
        task_recompute_chunk.delay(run_id=run.pk, kind=kind, ids=ids)
    return len(pending)


@shared_task(name="projects.recompute_chunk")
def task_recompute_chunk(run_id: int, kind: str, ids: list[int]) -> int:
    """Recompute one chunk of a full run; counted once in the run's progress."""
    return suggestions.recompute_chunk(run_id, kind, ids)
