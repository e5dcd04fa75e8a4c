"""Permission predicates of the base layer, shared by every app's ``rules.py``."""


def is_admin(user) -> bool:
    """Platform administrators see every office's data, the audit trail and all exports."""
    return bool(user.is_authenticated and user.is_admin)


def is_organizer(user) -> bool:
    """Organizers and administrators run events, review postings and manage people."""
    return bool(user.is_authenticated and (user.is_organizer or user.is_admin))


def can_view_audit_trail(user) -> bool:
    return is_admin(user)
