"""Opting in to a matchmaking day, and marking the slots one cannot attend."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from events.models import Event, MeetingProfile, MeetingSlot, Unavailability
from events.services import EventError
from talentbridge.models import User
from talentbridge.services import field_changes, log_action, snapshot

from ..rules import can_join_meetings

PROFILE_FIELDS = ["offers", "seeks", "max_meetings"]


@transaction.atomic
def opt_in(
    event: Event,
    user: User,
    *,
    offers: str,
    seeks: str,
    max_meetings: int,
    projects: Iterable = (),
    challenges: Iterable = (),
    actor: User,
) -> MeetingProfile:
    """Create or edit ``user``'s matchmaking profile; only seated attendees may opt in."""
    if not can_join_meetings(user, event):
        raise EventError(_("Only registered attendees of a matchmaking day can take part."))
    profile = MeetingProfile.objects.filter(event=event, user=user).first()
    created = profile is None
    if created:
        profile = MeetingProfile(event=event, user=user)
    before = snapshot(profile, PROFILE_FIELDS)
    profile.offers, profile.seeks, profile.max_meetings = offers, seeks, max_meetings
    profile.save()
    profile.projects.set(projects)
    profile.challenges.set(challenges)
    verb = "opt_in" if created else "edit"
    changes = field_changes(before, profile, PROFILE_FIELDS)
    log_action(profile, f"events.meetingprofile.{verb}", actor=actor, changes=changes)
    return profile


@transaction.atomic
def set_unavailable(
    profile: MeetingProfile, slots: Iterable[MeetingSlot], *, actor: User
) -> list[int]:
    """Replace the slots the participant cannot attend; returns their ids."""
    slots = list(slots)
    if any(slot.event_id != profile.event_id for slot in slots):
        raise EventError(_("That slot belongs to another event."))
    wanted = {slot.pk for slot in slots}
    have = set(profile.unavailable.values_list("slot_id", flat=True))
    profile.unavailable.exclude(slot_id__in=wanted).delete()
    Unavailability.objects.bulk_create(
        [Unavailability(profile=profile, slot_id=pk) for pk in sorted(wanted - have)]
    )
    if wanted != have:
        log_action(
            profile,
            "events.meetingprofile.availability",
            actor=actor,
            changes={"unavailable": [sorted(have), sorted(wanted)]},
        )
    return sorted(wanted)
