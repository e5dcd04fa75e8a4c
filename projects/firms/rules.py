"""Who sees a firm's suggested experts and an office's matchmaking list."""

from django.db.models import Q

from mentors.hometown.rules import can_keep_roster
from mentors.models import Mentor, Organization
from talentbridge.models import Office
from talentbridge.rules import is_admin, is_office_manager

from .models import FirmMatch


def represents(user, organization: Organization) -> bool:
    return bool(user.is_authenticated and organization.members.filter(pk=user.pk).exists())


def can_see_firm_suggestions(user, organization: Organization) -> bool:
    """The firm's representatives, administrators and managers of an office holding it."""
    if is_admin(user) or represents(user, organization):
        return True
    office_ids = organization.holdings.values_list("office_id", flat=True)
    return any(is_office_manager(user, office_id) for office_id in office_ids)


def can_run_matchmaking(user, office: Office) -> bool:
    """The office's managers and liaisons plan and decide its matchmaking list."""
    return can_keep_roster(user, office)


def accepted_firm_match_grant(user, person) -> bool:
    """Contact grant for mentors/: a firm's representatives and the expert of an accepted
    match see the expert's contacts (registered in ``ProjectsConfig.ready``)."""
    if not user.is_authenticated or not isinstance(person, Mentor):
        return False
    accepted = FirmMatch.objects.filter(status=FirmMatch.Status.ACCEPTED, mentor=person)
    return accepted.filter(Q(organization__members=user)).exists()
