"""Reactions of the boards to changes in mentors/: profile edits refresh match suggestions.

Connected in ``ProjectsConfig.ready``; mentors/ itself knows nothing of the boards.
"""

from functools import partial

from celery import Task
from django.db import transaction

from mentors.models import Mentee, Mentor

from .tasks import task_full_recompute, task_recompute_mentee, task_recompute_mentor


def _send_now(task: Task, kwargs: dict) -> None:
    """Send a task that already waited for the commit (past the task class's own deferral)."""
    Task.apply_async(task, kwargs=kwargs)


def _enqueue_once(task: Task, **kwargs) -> None:
    """Enqueue on commit unless the same call already waits for this transaction's commit.

    Saving one profile saves its row several times (fields, search text); one refresh after
    the commit covers them all. Only calls made in the same atomic block count, and Django
    drops the waiting calls itself on a rollback.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        task.delay(**kwargs)
        return
    here = set(connection.savepoint_ids)
    for savepoints, func, _robust in connection.run_on_commit:
        if (
            savepoints == here
            and isinstance(func, partial)
            and func.func is _send_now
            and func.args == (task, kwargs)
        ):
            return
    transaction.on_commit(partial(_send_now, task, kwargs))


def mentor_saved(sender, instance: Mentor, raw: bool = False, **kwargs) -> None:
    """An expert's profile changed: refresh the lists they are in once it commits."""
    if not raw:
        _enqueue_once(task_recompute_mentor, mentor_id=instance.pk)


def mentee_saved(sender, instance: Mentee, raw: bool = False, **kwargs) -> None:
    """A mentee's profile changed: refresh their lists once it commits."""
    if not raw:
        _enqueue_once(task_recompute_mentee, mentee_id=instance.pk)


def people_imported(sender, kind: str, ids: list[int], **kwargs) -> None:
    """A spreadsheet import changed many profiles at once: one chunked full recompute, shared
    by the workers, refreshes every list instead of one task per imported row."""
    if ids and kind in ("mentors", "mentees"):
        task_full_recompute.delay()
