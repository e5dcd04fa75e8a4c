"""Celery tasks of commissioners' work: thin wrappers that re-read rows and call a service."""

from celery import shared_task
from django.utils import timezone

from .services.whistles import escalate_overdue_whistles


@shared_task(name="projects.commissioners.escalate_whistles")
def task_escalate_whistles() -> int:
    """Escalate whistle requests past a deadline to their office's managers, once each.

    Idempotent: a deadline already escalated is skipped, so beat may run it every few minutes.
    """
    return escalate_overdue_whistles(timezone.now())
