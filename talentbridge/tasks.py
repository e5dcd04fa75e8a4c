"""Celery tasks of the base layer."""

from celery import shared_task

from .notifications import deliver_notification


@shared_task(name="talentbridge.send_notification")
def task_send_notification(
    *,
    user_id: int,
    key: str,
    template: str,
    context: dict,
    url: str = "",
    source: list | None = None,
) -> int | None:
    """Store a notification for the user and e-mail it; a repeated call changes nothing."""
    return deliver_notification(
        user_id=user_id, key=key, template=template, context=context, url=url, source=source
    )
