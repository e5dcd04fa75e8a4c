"""Celery tasks of the hometown programme: thin wrappers that call a service."""

from celery import shared_task
from django.utils import timezone

from .services import remind_due_contacts


@shared_task(name="mentors.hometown.remind_contacts")
def task_remind_contacts() -> int:
    """Remind liaisons of the roster contacts due today or earlier.

    Idempotent: a reminder is keyed by entry and due date, so beat may run it several times
    a day.
    """
    return remind_due_contacts(timezone.localdate())
