"""Permission predicates for events; views, templates and tests ask these."""

from talentbridge.rules import is_admin, is_organizer

from .models import Event, Registration


def is_event_organizer(user, event: Event) -> bool:
    """The event's organizer team (and administrators) manage it; other organizers do not."""
    if not user.is_authenticated:
        return False
    return is_admin(user) or event.organizers.filter(pk=user.pk).exists()


def can_create_event(user) -> bool:
    return is_organizer(user)


def can_view_event(user, event: Event) -> bool:
    """Published events are public; drafts only for their team."""
    return event.is_public or is_event_organizer(user, event)


def can_manage_event(user, event: Event) -> bool:
    return is_event_organizer(user, event)


def can_register_for_event(user, event: Event) -> bool:
    return event.status == Event.Status.REGISTRATION_OPEN


def can_view_registration(user, registration: Registration) -> bool:
    return bool(
        user.is_authenticated
        and (registration.user_id == user.pk or is_event_organizer(user, registration.event))
    )


def can_cancel_registration(user, registration: Registration) -> bool:
    return can_view_registration(user, registration) and registration.status in (
        Registration.Status.PENDING,
        Registration.Status.CONFIRMED,
        Registration.Status.WAITLISTED,
    )


def can_check_in(user, event: Event) -> bool:
    """The check-in desk is staffed by the organizer team."""
    return is_event_organizer(user, event)


def can_run_ceremony(user, event: Event) -> bool:
    return is_event_organizer(user, event)


def can_watch_ceremony(user, event: Event) -> bool:
    """The big screen and the audience page follow a public event's ceremony."""
    return can_view_event(user, event)


def can_view_event_statistics(user, event: Event) -> bool:
    """An event's dashboard, report and exports belong to its organizer team and admins."""
    return is_event_organizer(user, event)


def can_view_platform_statistics(user) -> bool:
    """Figures across events are for administrators."""
    return is_admin(user)


def can_export(user, dataset, event: Event | None) -> bool:
    """An event's lists: its organizer team and admins. Across events: admins every list,
    other organizers the directory lists (experts, mentees, organisations, postings)."""
    if event is not None:
        return is_event_organizer(user, event)
    return is_admin(user) or (is_organizer(user) and dataset.directory)


def can_export_contacts(user, event: Event | None) -> bool:
    """Contact columns only for the event's organizer team and admins (across events: only
    admins)."""
    if event is not None:
        return is_event_organizer(user, event)
    return is_admin(user)


def can_view_export_log(user) -> bool:
    return is_admin(user)


def can_plan_pairings(user, event: Event) -> bool:
    """The pairing plan (who mentors whom, who takes which demand) is the organizer team's."""
    return is_event_organizer(user, event)
