"""Enqueue Celery work only once the surrounding transaction has committed."""

from functools import partial

from celery import Task
from django.db import transaction


def enqueue_on_commit(task: Task, **kwargs) -> None:
    """Send ``task`` with keyword arguments after the current transaction commits.

    Outside a transaction it is sent at once; in the embedded mode it then runs in-process.
    """
    transaction.on_commit(partial(task.delay, **kwargs))
