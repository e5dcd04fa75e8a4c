"""State transitions of the base layer: accounts, notifications, the audit trail and jobs."""

from collections.abc import Iterable, Mapping

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.db.models.functions import Least
from django.utils import timezone

from .audit_context import current_address
from .models import SELF_SERVICE_ROLES, AuditEntry, Job, Notification, User
from .tasks import task_send_notification


def log_action(
    obj: models.Model,
    action: str,
    *,
    actor: User | None,
    changes: Mapping | None = None,
) -> AuditEntry:
    """Record that ``actor`` did ``action`` (e.g. ``"events.registration.approve"``) to ``obj``.

    Call it inside the service's transaction so that the entry and the change commit together.
    """
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=dict(changes or {}),
        address=current_address(),
    )


def field_changes(before: Mapping, obj: models.Model, fields: Iterable[str]) -> dict:
    """``{field: [old, new]}`` for the ``fields`` of ``obj`` whose value differs from ``before``.

    ``before`` maps field names to the values read before the change; values that are not
    plain JSON (dates, model instances) are recorded as text.
    """
    result = {}
    for name in fields:
        old, new = before.get(name), getattr(obj, name)
        if old != new:
            result[name] = [_plain(old), _plain(new)]
    return result


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """The current values of ``fields`` of ``obj``, for :func:`field_changes` after an edit."""
    return {name: getattr(obj, name) for name in fields}


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set):
        return [_plain(item) for item in value]
    return str(value)


@transaction.atomic
def register_user(*, email: str, name: str, password: str, roles: Iterable[str]) -> User:
    """Create an account holding the chosen self-service roles."""
    allowed = {role.value for role in SELF_SERVICE_ROLES}
    flags = {f"is_{role}": True for role in roles if role in allowed}
    user = User.objects.create_user(email=email, password=password, name=name, **flags)
    log_action(user, "accounts.signup", actor=user, changes={"roles": sorted(flags)})
    notify(user, key="welcome", template="welcome", context={"name": name}, url="/")
    return user


def set_user_language(user: User, language: str) -> None:
    """Remember a logged-in user's language so that e-mails reach them in it."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def notify(
    user: User,
    *,
    key: str,
    template: str,
    context: dict,
    url: str = "",
    source: tuple[str, int] | None = None,
) -> None:
    """Queue a notification for ``user``, rendered later in the user's own language.

    This is the one way the portal sends mail. ``template`` names
    ``templates/notifications/<template>_subject.txt`` and ``<template>.txt``; ``context``
    must be JSON-serialisable. ``source`` names a registered notification source and an
    object id (``("events.ticket", registration.pk)``) that adds context and attachments
    when the message is written (see :mod:`talentbridge.notifications`). The same ``key`` is
    delivered once.
    """
    task_send_notification.delay(
        user_id=user.pk,
        key=key,
        template=template,
        context=context,
        url=url,
        source=list(source) if source else None,
    )


def mark_notifications_read(user: User) -> int:
    """Mark all of a user's unread notifications as read; return how many changed."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def start_job(kind: str, *, actor: User | None, total: int = 0) -> Job:
    """Create a queued job whose progress a page can follow."""
    return Job.objects.create(
        kind=kind,
        total=total,
        started_by=actor if actor is not None and actor.is_authenticated else None,
    )


def run_job(job_id: int) -> bool:
    """Mark a queued job running; False if it is already finished (a repeated delivery)."""
    return bool(
        Job.objects.filter(pk=job_id)
        .exclude(status__in=[Job.Status.DONE, Job.Status.FAILED])
        .update(status=Job.Status.RUNNING)
    )


def set_job_progress(job_id: int, *, done: int | None = None, total: int | None = None) -> None:
    """Record how far a job has got; saved at once, outside any transaction of the caller."""
    values = {}
    if done is not None:
        values["done"] = done
    if total is not None:
        values["total"] = total
    if values:
        Job.objects.filter(pk=job_id).update(**values)


def advance_job(job_id: int, by: int) -> None:
    """Add ``by`` to a job's count of done units, never beyond its total."""
    Job.objects.filter(pk=job_id).update(done=Least(F("done") + by, F("total")))


def finish_job(job_id: int) -> None:
    """Mark a job done, with every unit counted."""
    Job.objects.filter(pk=job_id).exclude(status=Job.Status.DONE).update(
        status=Job.Status.DONE, done=F("total"), finished_at=timezone.now()
    )


def fail_job(job_id: int, error: str) -> None:
    """Mark a job failed with a message the organizer can read."""
    Job.objects.filter(pk=job_id).exclude(status=Job.Status.DONE).update(
        status=Job.Status.FAILED, error=error[:1000], finished_at=timezone.now()
    )
