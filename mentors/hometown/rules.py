"""Who may see and keep an office's hometown roster and its appointments, asked on the office.

The roster and its contact log are private to the office: its managers and its liaisons
(platform administrators act for any office). Everyone else is told it does not exist (404).
"""

from talentbridge.models import Office, OfficeRole
from talentbridge.rules import has_office_role, is_office_manager, office_ids_with_role

from ..models.profiles import Mentor
from .models import RosterEntry


def can_keep_roster(user, office: Office) -> bool:
    """Managers and liaisons of ``office`` see its roster, log contacts and edit entries."""
    return is_office_manager(user, office) or has_office_role(user, office, OfficeRole.LIAISON)


def can_appoint_advisers(user, office: Office) -> bool:
    """Appointing, renewing and ending (which issue and revoke certificates): managers only."""
    return is_office_manager(user, office)


def liaison_office_ids(user) -> set[int]:
    return office_ids_with_role(user, OfficeRole.LIAISON)


def roster_liaison_grant(user, person) -> bool:
    """Contact grant: the liaison an office assigned to a native sees their contacts (to keep
    in touch). Registered with ``mentors.rules.register_contact_grant`` in ``MentorsConfig``."""
    return bool(
        user.is_authenticated
        and isinstance(person, Mentor)
        and RosterEntry.objects.filter(mentor_id=person.pk, liaison=user).exists()
    )
