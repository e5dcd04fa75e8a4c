"""The audit trail: one entry per state change, written by the service that makes it."""

from collections.abc import Iterable, Mapping

from django.contrib.contenttypes.models import ContentType
from django.db import models

from ..audit_context import current_address
from ..models import AuditEntry, User


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
