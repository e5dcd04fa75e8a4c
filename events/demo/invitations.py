"""The summit's 求贤帖: its 40 experts invited six weeks before the day, with a mix of
replies. Idempotent and written in bulk: invitations are keyed on (event, expert)."""

import secrets
from datetime import timedelta

from mentors.demo.data import MENTORS
from mentors.models import Mentor
from talentbridge.models import User
from talentbridge.services.invitations import token_hash

from ..models import Event, ExpertInvitation

ACCEPTED = 31
DECLINED = 3  # the others have not answered
Reply = ExpertInvitation.Status


def _reply(index: int) -> str:
    if index < ACCEPTED:
        return Reply.ACCEPTED
    return Reply.DECLINED if index < ACCEPTED + DECLINED else Reply.INVITED


def seed_expert_invitations(event: Event, organizer: User) -> None:
    """Invite the summit's experts; the first ones accepted, a few declined, the rest are
    silent."""
    experts = list(Mentor.objects.filter(name__in=[row[0] for row in MENTORS]).order_by("id"))
    existing = {
        row.mentor_id: row
        for row in ExpertInvitation.objects.filter(event=event, mentor__in=experts)
    }
    sent = event.starts_at - timedelta(days=42)
    new, changed = [], []
    for index, expert in enumerate(experts):
        status = _reply(index)
        replied = sent + timedelta(days=1 + index % 9) if status != Reply.INVITED else None
        invitation = existing.get(expert.pk) or ExpertInvitation(
            event=event, mentor=expert, token_hash=token_hash(secrets.token_urlsafe(32))
        )
        invitation.status, invitation.replied_at = status, replied
        invitation.created_at, invitation.invited_by = sent, organizer
        (changed if invitation.pk else new).append(invitation)
    ExpertInvitation.objects.bulk_create(new)
    ExpertInvitation.objects.bulk_update(
        changed, ["status", "replied_at", "created_at", "invited_by"]
    )
    event.invited_mentors.set(experts)
