"""Who may do what at a matchmaking day. Participants are the event's seated attendees who
opt in; the event's managers run the day; its meeting table staff see the tables and mark
no-shows. A request's two sides see each other's contact details once it is accepted."""

from events.models import Event, EventRole, MeetingProfile, MeetingRequest, Registration
from events.rules import has_event_role, is_event_organizer


def is_matchmaking(event: Event) -> bool:
    return event.kind == Event.Kind.MATCHMAKING


def is_registered(user, event: Event) -> bool:
    """A seated attendee (confirmed or checked in) of the event."""
    return bool(
        user.is_authenticated
        and Registration.objects.filter(
            event=event, user=user, status__in=Registration.SEATED
        ).exists()
    )


def profile_of(user, event: Event) -> MeetingProfile | None:
    """The user's matchmaking profile at the event, or None."""
    if not user.is_authenticated:
        return None
    return MeetingProfile.objects.filter(event=event, user=user).first()


def can_join_meetings(user, event: Event) -> bool:
    """Opting in: the event's seated attendees, on a matchmaking day."""
    return is_matchmaking(event) and is_registered(user, event)


def can_manage_meetings(user, event: Event) -> bool:
    """Slots, tables, requests overview, schedule: the event's managers."""
    return is_matchmaking(event) and is_event_organizer(user, event)


def can_staff_tables(user, event: Event) -> bool:
    """A table's meetings and no-shows: the managers and the meeting table staff."""
    return is_matchmaking(event) and has_event_role(user, event, EventRole.MEETINGS)


def can_answer_request(user, request: MeetingRequest) -> bool:
    return bool(user.is_authenticated and request.recipient.user_id == user.pk)


def can_cancel_request(user, request: MeetingRequest) -> bool:
    return bool(user.is_authenticated and request.requester.user_id == user.pk)


def is_party(user, request: MeetingRequest) -> bool:
    return user.is_authenticated and user.pk in (
        request.requester.user_id,
        request.recipient.user_id,
    )


def sees_contacts_of_meeting_partner(user, person) -> bool:
    """A contact grant (:func:`mentors.rules.register_contact_grant`): the two sides of an
    accepted meeting request see each other's contact details; before that, nobody."""
    if not user.is_authenticated or person.user_id is None:
        return False
    accepted = MeetingRequest.objects.filter(status=MeetingRequest.Status.ACCEPTED)
    return (
        accepted.filter(requester__user=user, recipient__user_id=person.user_id).exists()
        or accepted.filter(recipient__user=user, requester__user_id=person.user_id).exists()
    )
