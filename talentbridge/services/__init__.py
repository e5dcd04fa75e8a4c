"""State transitions of the base layer, by feature; the names every app uses are here."""

from .accounts import mark_notifications_read, notify, register_user, set_user_language
from .audit import field_changes, log_action, snapshot
from .jobs import (
    advance_job,
    fail_job,
    finish_job,
    retry_job,
    run_job,
    set_job_progress,
    start_job,
)
from .offices import (
    OfficeError,
    accept_invitation,
    add_member,
    create_office,
    invite_member,
    remove_member,
    revoke_invitation,
)

__all__ = [
    "OfficeError",
    "accept_invitation",
    "add_member",
    "advance_job",
    "create_office",
    "fail_job",
    "field_changes",
    "finish_job",
    "invite_member",
    "log_action",
    "mark_notifications_read",
    "notify",
    "register_user",
    "remove_member",
    "retry_job",
    "revoke_invitation",
    "run_job",
    "set_job_progress",
    "set_user_language",
    "snapshot",
    "start_job",
]
