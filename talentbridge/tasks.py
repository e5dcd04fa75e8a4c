"""Celery tasks of the base layer."""

from celery import shared_task

from .notifications import deliver_notification, send_to_address
from .recovery import DATABASE_LOST, fail_stale_jobs, send_kept_tasks

# A mail server that is down or refuses for a while (smtplib's errors are OSErrors), or a
# database restarting: try again, waiting longer each time (about 1, 2, 4 … seconds, at most
# five minutes apart; some three quarters of an hour in all).
MAIL_RETRY = {
    "autoretry_for": (OSError, *DATABASE_LOST),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 12,
}


@shared_task(name="talentbridge.send_notification", **MAIL_RETRY)
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


@shared_task(name="talentbridge.send_mail_to_address", **MAIL_RETRY)
def task_send_mail_to_address(
    *, email: str, template: str, context: dict, url: str = "", language: str = ""
) -> None:
    """E-mail someone who has no account yet (an invitation), in ``language``."""
    send_to_address(email=email, template=template, context=context, url=url, language=language)


@shared_task(name="talentbridge.sweep_outbox", bind=True)
def task_sweep_outbox(self) -> int:
    """Send the tasks kept while the broker was down."""
    return send_kept_tasks(self.app)


@shared_task(name="talentbridge.fail_stale_jobs")
def task_fail_stale_jobs() -> int:
    """Mark failed the jobs whose worker stopped reporting progress."""
    return fail_stale_jobs()
