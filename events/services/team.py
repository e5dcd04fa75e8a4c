"""An event's team: add a person with an account in a role, invite an address without one,
accept or withdraw that invitation, take a role away. Every change is in the event's audit
trail."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from talentbridge.models import User
from talentbridge.services import log_action
from talentbridge.services.invitations import (
    InvitationKind,
    accept_invitation,
    create_invitation,
    pending_invitation,
    withdraw_invitation,
)
from talentbridge.tasks import task_send_mail_to_address

from ..models import Event, EventMember, EventRole, TeamInvitation
from . import EventError


def _already(name: str, role: str) -> EventError:
    return EventError(
        _("%(name)s is already %(role)s of this event.")
        % {"name": name, "role": EventRole(role).label}
    )


@transaction.atomic
def add_team_member(event: Event, user: User, role: str, *, actor: User | None) -> EventMember:
    """Give ``user`` a role at ``event``; refuse a role the person already holds there."""
    if EventMember.objects.filter(event=event, user=user, role=role).exists():
        raise _already(user.name or user.email, role)
    try:
        with transaction.atomic():
            member = EventMember.objects.create(event=event, user=user, role=role, added_by=actor)
    except IntegrityError as error:  # the same role added concurrently
        raise _already(user.name or user.email, role) from error
    log_action(event, "events.team.add", actor=actor, changes={"member": user.email, "role": role})
    return member


@transaction.atomic
def remove_team_member(member: EventMember, *, actor: User) -> None:
    """Take one role at the event away from its holder."""
    log_action(
        member.event,
        "events.team.remove",
        actor=actor,
        changes={"member": member.user.email, "role": member.role},
    )
    member.delete()


def _join_team(invitation: TeamInvitation, user: User) -> EventMember:
    """What accepting a team invitation does: the invited role (kept if already held)."""
    member = EventMember.objects.filter(
        event=invitation.event, user=user, role=invitation.role
    ).first() or add_team_member(invitation.event, user, invitation.role, actor=user)
    log_action(
        invitation.event,
        "events.team.accept",
        actor=user,
        changes={"email": invitation.email, "role": invitation.role},
    )
    return member


TEAM_INVITATIONS = InvitationKind(
    model=TeamInvitation,
    join=_join_team,
    error=EventError,
    expired=lambda: _("This invitation has expired. Ask the organizers for a new one."),
    related=("event",),
)


@transaction.atomic
def invite_team_member(event: Event, *, email: str, role: str, actor: User) -> str:
    """Invite ``email`` to ``role`` at the event and send the link; return its token.

    An address that already holds the role is refused; a pending invitation to the same
    address and role is replaced (its link stops working).
    """
    email = email.strip().lower()
    if EventMember.objects.filter(event=event, user__email__iexact=email, role=role).exists():
        raise _already(email, role)
    invitation, token = create_invitation(
        TEAM_INVITATIONS, email=email, actor=actor, event=event, role=role
    )
    log_action(
        event,
        "events.team.invite",
        actor=actor,
        changes={"email": email, "role": role, "invitation": invitation.pk},
    )
    with translation.override(actor.language):
        role_label = str(EventRole(role).label)
    task_send_mail_to_address.delay(
        email=email,
        template="event_team_invitation",
        context={
            "event": event.title,
            "role": role_label,
            "inviter": actor.name,
            "days": settings.INVITATION_DAYS,
        },
        url=f"/events/team/{token}/",
        language=actor.language,
    )
    return token


def pending_team_invitation(token: str) -> TeamInvitation:
    """The invitation a link's token names, if it can still be accepted."""
    return pending_invitation(TEAM_INVITATIONS, token)


def accept_team_invitation(
    token: str, *, user: User | None = None, name: str = "", password: str = ""
) -> EventMember:
    """Join the event's team: as the logged-in ``user`` (whose address must match), or as a
    new account created with ``name`` and ``password`` for the invited address."""
    return accept_invitation(TEAM_INVITATIONS, token, user=user, name=name, password=password)


@transaction.atomic
def revoke_team_invitation(invitation: TeamInvitation, *, actor: User) -> None:
    """Withdraw a pending invitation; its link stops working."""
    withdraw_invitation(invitation, error=EventError)
    log_action(
        invitation.event,
        "events.team.revoke",
        actor=actor,
        changes={"email": invitation.email, "role": invitation.role},
    )
