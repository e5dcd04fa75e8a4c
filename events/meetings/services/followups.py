"""Follow-ups (跟踪回访) of meetings: after the day, 3 and 6 months each side says whether
the meeting led anywhere."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from events.models import Meeting, MeetingFollowUp, MeetingProfile
from events.services import EventError
from talentbridge.models import User
from talentbridge.services import log_action


@transaction.atomic
def record_follow_up(
    meeting: Meeting,
    profile: MeetingProfile,
    *,
    stage: str,
    outcome: str,
    amount: Decimal | None = None,
    note: str = "",
    actor: User,
) -> MeetingFollowUp:
    """Record (or correct) one side's answer for one stage; an amount only with a contract."""
    request = meeting.request
    if profile.pk not in (request.requester_id, request.recipient_id):
        raise EventError(_("Only the two sides of a meeting answer its follow-up."))
    if stage not in MeetingFollowUp.Stage.values or outcome not in MeetingFollowUp.Outcome.values:
        raise EventError(_("Unknown choice."))
    if outcome == MeetingFollowUp.Outcome.CONTRACT:
        if amount is None or amount < 0:
            raise EventError(_("Give the contract amount (0 or more)."))
    else:
        amount = None
    follow_up, created = MeetingFollowUp.objects.update_or_create(
        meeting=meeting,
        profile=profile,
        stage=stage,
        defaults={"outcome": outcome, "amount": amount, "note": note},
    )
    log_action(
        follow_up.meeting,
        "events.meetingfollowup.record",
        actor=actor,
        changes={
            "stage": stage,
            "outcome": outcome,
            "amount": str(amount) if amount is not None else None,
            "new": created,
        },
    )
    return follow_up
