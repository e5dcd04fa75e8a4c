"""Permission predicates of the base layer, shared by every app's ``rules.py``.

Roles are memberships of an office (or of an event, in events/): a predicate asks "does this
user hold this role in the office that holds this object", never "is this user an organizer
somewhere". A user's memberships are read once per request and cached on the user object.
"""

from .models import MANAGING_ROLES, Membership, Office, OfficeRole

_CACHE = "_tb_office_roles"


def office_roles(user) -> dict[int, set[str]]:
    """``{office id: {role, …}}`` for ``user`` (empty for visitors)."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = {}
        for office_id, role in Membership.objects.filter(user=user).values_list(
            "office_id", "role"
        ):
            cached.setdefault(office_id, set()).add(role)
        setattr(user, _CACHE, cached)
    return cached


def forget_office_roles(user) -> None:
    """Drop the cached memberships (after a change within the same request)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def has_office_role(user, office: Office | int | None, *roles: str) -> bool:
    """Whether ``user`` holds one of ``roles`` (any role if none given) in ``office``."""
    if office is None:
        return False
    office_id = office if isinstance(office, int) else office.pk
    held = office_roles(user).get(office_id, set())
    return bool(held & set(roles)) if roles else bool(held)


def office_ids_with_role(user, *roles: str) -> set[int]:
    """The offices in which ``user`` holds one of ``roles``."""
    wanted = set(roles)
    return {office_id for office_id, held in office_roles(user).items() if held & wanted}


def is_admin(user) -> bool:
    """Platform administrators see every office's data, the audit trail and all exports."""
    return bool(user.is_authenticated and user.is_admin)


def is_office_manager(user, office: Office | int | None) -> bool:
    """Owners and managers run an office; platform administrators may act for any office."""
    return is_admin(user) or has_office_role(user, office, *MANAGING_ROLES)


def managed_office_ids(user) -> set[int]:
    return office_ids_with_role(user, *MANAGING_ROLES)


def is_organizer(user) -> bool:
    """Runs programmes somewhere: manages an office (or holds the platform organizer flag,
    granted by an administrator), or is an administrator."""
    return bool(
        user.is_authenticated and (user.is_admin or user.is_organizer or managed_office_ids(user))
    )


def can_view_audit_trail(user) -> bool:
    return is_admin(user)


def can_create_office(user) -> bool:
    return is_admin(user)


def can_view_office(user, office: Office) -> bool:
    return is_admin(user) or has_office_role(user, office)


def can_manage_members(user, office: Office) -> bool:
    return is_office_manager(user, office)


def can_grant_role(user, office: Office, role: str) -> bool:
    """Managers grant every role but owner; owners (and administrators) grant owner too."""
    if role == OfficeRole.OWNER:
        return is_admin(user) or has_office_role(user, office, OfficeRole.OWNER)
    return is_office_manager(user, office)
