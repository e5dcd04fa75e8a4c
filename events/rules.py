"""Permission predicates for events; views, templates and tests ask these.

An event belongs to an office: the office's managers (and platform administrators) manage it
whole; another office's managers see only what the public sees. The event's team holds one
role each at this event (:class:`~events.models.EventRole`): a co-organizer manages the event
like the office's managers (but not its team), a reviewer decides registrations and the call's
submissions, check-in staff see the desk and nothing else, a ceremony operator sees the
console. A user's roles at an event are read once per request and cached on the user.
"""

from django.conf import settings

from talentbridge.models import Office
from talentbridge.rules import is_admin, is_office_manager, is_organizer, managed_office_ids

from .models import Event, EventRole, Registration

_CACHE = "_tb_event_roles"


def event_roles(user, event: Event) -> set[str]:
    """The roles ``user`` holds at ``event`` (empty for visitors)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = {}
        setattr(user, _CACHE, cached)
    if event.pk not in cached:
        cached[event.pk] = set(event.members.filter(user=user).values_list("role", flat=True))
    return cached[event.pk]


def forget_event_roles(user) -> None:
    """Drop the cached roles (after a change within the same request)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def runs_event_office(user, event: Event) -> bool:
    """The managers of the event's office, and administrators."""
    return is_office_manager(user, event.office_id)


def is_event_organizer(user, event: Event) -> bool:
    """The managers of the event's office, its co-organizers and administrators manage it;
    another office's managers do not."""
    if not user.is_authenticated:
        return False
    return runs_event_office(user, event) or EventRole.CO_ORGANIZER in event_roles(user, event)


def has_event_role(user, event: Event, *roles: str) -> bool:
    """Whether ``user`` manages the event or holds one of ``roles`` at it."""
    return is_event_organizer(user, event) or bool(event_roles(user, event) & set(roles))


def is_on_team(user, event: Event) -> bool:
    """Manages the event or holds any role at it."""
    return is_event_organizer(user, event) or bool(event_roles(user, event))


def can_create_event(user) -> bool:
    """The managers of an office (the event belongs to an office they manage), and admins."""
    return is_admin(user) or bool(user.is_authenticated and managed_office_ids(user))


def can_create_event_for(user, office) -> bool:
    return is_office_manager(user, office)


def can_view_event(user, event: Event) -> bool:
    """Published events are public; drafts only for their team."""
    return event.is_public or is_on_team(user, event)


def can_manage_event(user, event: Event) -> bool:
    return is_event_organizer(user, event)


def can_manage_team(user, event: Event) -> bool:
    """The team page (add, invite, remove): the managers of the event's office and admins."""
    return user.is_authenticated and runs_event_office(user, event)


def can_register_for_event(user, event: Event) -> bool:
    return event.status == Event.Status.REGISTRATION_OPEN


def can_review_registrations(user, event: Event) -> bool:
    """The registrations list and its approvals: the event's managers and reviewers."""
    return has_event_role(user, event, EventRole.REVIEWER)


def can_assign_category(user, event: Event) -> bool:
    """Placing a person in an invitation-only category (领导嘉宾, 工作人员, 媒体)."""
    return is_event_organizer(user, event)


def can_invite_experts(user, event: Event) -> bool:
    """The event's expert invitations (求贤帖) and their replies: the event's managers."""
    return is_event_organizer(user, event)


def can_submit_to_call(user, posting) -> bool:
    """A project or demand goes to an event's call from its own poster."""
    return bool(user.is_authenticated and posting.owner_id == user.pk)


def can_review_call(user, event: Event) -> bool:
    """The call's submissions: the event's managers and reviewers."""
    return has_event_role(user, event, EventRole.REVIEWER)


def can_reopen_call(user, event: Event) -> bool:
    return is_event_organizer(user, event)


def can_import_to_call(user, event: Event) -> bool:
    """Projects and demands from a spreadsheet into the call: the event's managers."""
    return is_event_organizer(user, event)


def can_view_registration(user, registration: Registration) -> bool:
    return bool(
        user.is_authenticated
        and (registration.user_id == user.pk or can_review_registrations(user, registration.event))
    )


def can_cancel_registration(user, registration: Registration) -> bool:
    return can_view_registration(user, registration) and registration.status in (
        Registration.Status.PENDING,
        Registration.Status.CONFIRMED,
        Registration.Status.WAITLISTED,
    )


def can_check_in(user, event: Event) -> bool:
    """The check-in desk: the event's managers and its check-in staff."""
    return has_event_role(user, event, EventRole.CHECKIN)


def can_build_ceremony(user, event: Event) -> bool:
    """The running order of the ceremony is the event's managers'."""
    return is_event_organizer(user, event)


def can_run_ceremony(user, event: Event) -> bool:
    """The console: the event's managers and its ceremony operators."""
    return has_event_role(user, event, EventRole.CEREMONY)


def can_watch_ceremony(user, event: Event) -> bool:
    """The big screen and the audience page follow a public event's ceremony."""
    return can_view_event(user, event)


def can_view_event_statistics(user, event: Event) -> bool:
    """An event's dashboard, report and exports belong to its managers and admins."""
    return is_event_organizer(user, event)


def can_view_platform_statistics(user) -> bool:
    """Figures across events are for administrators."""
    return is_admin(user)


def can_export(user, dataset, event: Event | None) -> bool:
    """An event's lists: its managers and admins. Across events: admins every list, other
    organizers the directory lists (experts, mentees, organisations, postings)."""
    if event is not None:
        return is_event_organizer(user, event)
    return is_admin(user) or (is_organizer(user) and dataset.directory)


def can_export_contacts(user, event: Event | None) -> bool:
    """Contact columns only for the event's managers and admins (across events: only
    admins)."""
    if event is not None:
        return is_event_organizer(user, event)
    return is_admin(user)


def can_view_export_log(user) -> bool:
    return is_admin(user)


def can_plan_pairings(user, event: Event) -> bool:
    """The pairing plan (who mentors whom, who takes which demand) is the event's managers'."""
    return is_event_organizer(user, event)


def sees_contacts_of_registrant(user, person) -> bool:
    """A contact grant (see :func:`mentors.rules.register_contact_grant`): the managers of an
    office see the contact details of the people registered at its events."""
    offices = managed_office_ids(user)
    if person.user_id is None or not offices:
        return False
    return Registration.objects.filter(
        user_id=person.user_id, event__office_id__in=offices, status__in=Registration.ACTIVE
    ).exists()


def outcome_office_ids(user) -> set[int] | None:
    """The offices whose outcomes ``user`` reads: every office for administrators (None),
    the offices they manage otherwise (empty: none)."""
    if is_admin(user):
        return None
    return managed_office_ids(user) if user.is_authenticated else set()


def can_view_outcomes(user) -> bool:
    return outcome_office_ids(user) != set()


def talent_map_offices(user):
    """The offices whose talent map ``user`` reads: every office for administrators, the
    offices they manage otherwise."""
    offices = Office.objects.order_by("name")
    return offices if is_admin(user) else offices.filter(pk__in=managed_office_ids(user))


def can_view_talent_map(user) -> bool:
    """The talent map and gap table: administrators and office managers."""
    return is_admin(user) or bool(managed_office_ids(user))


def can_view_platform_map(user) -> bool:
    """The platform's totals on the map: administrators, and office managers when the
    platform marks its aggregates public."""
    return is_admin(user) or (
        settings.TALENT_MAP_PUBLIC_AGGREGATES and bool(managed_office_ids(user))
    )
