"""Views of the base layer, by feature."""

from .accounts import (
    ThrottledPasswordResetView,
    csrf_failure,
    healthz,
    home,
    notifications,
    set_language,
    signup,
)
from .audit import audit_trail
from .offices import (
    invitation_accept,
    invitation_revoke,
    member_invite,
    member_remove,
    office_create,
    office_detail,
    office_list,
)

__all__ = [
    "ThrottledPasswordResetView",
    "audit_trail",
    "csrf_failure",
    "healthz",
    "home",
    "invitation_accept",
    "invitation_revoke",
    "member_invite",
    "member_remove",
    "notifications",
    "office_create",
    "office_detail",
    "office_list",
    "set_language",
    "signup",
]
