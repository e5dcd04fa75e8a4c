"""The event's expert invitations (求贤帖): invite experts to an event as its mentors, and
record each reply. Inviting fills the event's invited experts (``Event.invited_mentors``),
whom its figures and report count as invited ("大会邀请了40位师傅") whatever they reply."""

import secrets
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mentors.models import Mentor
from talentbridge.models import User
from talentbridge.services import log_action, notify
from talentbridge.services.invitations import token_hash
from talentbridge.tasks import task_send_mail_to_address

from ..models import Event, ExpertInvitation
from . import EventError

Reply = ExpertInvitation.Status


def _send(invitation: ExpertInvitation, token: str, actor: User) -> None:
    event, mentor = invitation.event, invitation.mentor
    context = {
        "event": event.title,
        "inviter": actor.name,
        "when": date_format(timezone.localtime(event.starts_at), "DATE_FORMAT"),
        "venue": event.venue,
    }
    url = f"/events/invitations/{token}/"
    if mentor.user_id is not None:
        notify(
            mentor.user,
            key=f"event-expert-invitation-{invitation.pk}",
            template="event_expert_invitation",
            context=context,
            url=url,
        )
    elif mentor.email:
        task_send_mail_to_address.delay(
            email=mentor.email,
            template="event_expert_invitation",
            context=context,
            url=url,
            language=actor.language,
        )


@transaction.atomic
def invite_experts(event: Event, mentors: Iterable[Mentor], *, actor: User) -> int:
    """Invite every expert of ``mentors`` not yet invited to ``event`` and send each their
    reply link; return how many were invited now (inviting twice changes nothing)."""
    if event.is_past:
        raise EventError(_("The event is over: experts can no longer be invited."))
    mentors = list(mentors)
    invited = set(
        ExpertInvitation.objects.filter(event=event, mentor__in=mentors).values_list(
            "mentor_id", flat=True
        )
    )
    new = [mentor for mentor in mentors if mentor.pk not in invited]
    for mentor in new:
        token = secrets.token_urlsafe(32)
        invitation = ExpertInvitation.objects.create(
            event=event, mentor=mentor, token_hash=token_hash(token), invited_by=actor
        )
        _send(invitation, token, actor)
    if new:
        event.invited_mentors.add(*new)
        log_action(
            event,
            "events.expert.invite",
            actor=actor,
            changes={"experts": [mentor.name for mentor in new]},
        )
    return len(new)


def invitation_for_token(token: str) -> ExpertInvitation:
    """The invitation a reply link names, or a refusal that says why."""
    invitation = (
        ExpertInvitation.objects.select_related("event", "mentor")
        .filter(token_hash=token_hash(token[:100]))
        .first()
    )
    if invitation is None:
        raise EventError(_("This invitation link is not valid. Check that it was copied whole."))
    return invitation


@transaction.atomic
def reply_to_invitation(
    invitation: ExpertInvitation, answer: str, *, actor: User | None
) -> ExpertInvitation:
    """Record the expert's reply (accept or decline); it may change until the event ends."""
    if answer not in (Reply.ACCEPTED, Reply.DECLINED):
        raise EventError(_("Reply with accept or decline."))
    invitation = (
        ExpertInvitation.objects.select_for_update(of=("self",))
        .select_related("event", "mentor")
        .get(pk=invitation.pk)
    )
    if invitation.event.is_past:
        raise EventError(_("The event is over: replies are closed."))
    old = invitation.status
    if old == answer:
        return invitation
    invitation.status = answer
    invitation.replied_at = timezone.now()
    invitation.save(update_fields=["status", "replied_at"])
    log_action(
        invitation,
        "events.expert.reply",
        actor=actor,
        changes={"status": [old, answer], "expert": invitation.mentor.name},
    )
    return invitation
