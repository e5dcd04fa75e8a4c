"""Inviting the experts an office holds to claim their profile (求贤帖), and claiming it.

A link is signed with the site's secret and names the invitation and its random key, so the
same link can be e-mailed, printed with a QR code and pasted into an SMS or a WeChat group.
It expires, works once, and links the account to the existing profile: never a duplicate.
"""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from talentbridge.models import Office, User
from talentbridge.services import log_action
from talentbridge.services.invitations import (
    InvitationError,
    check_usable,
    invitation_expiry,
    invited_account,
    mark_accepted,
    not_valid,
)

from ..models import Mentor, ProfileInvitation
from ..rules import holding_office_ids
from ..tasks import task_mail_profile_invitation
from .invitation_mail import read_invitation_token

Status = ProfileInvitation.Status
# Invitations whose link still works: pending ones, and those whose e-mail bounced (the link
# may have been handed out on a sheet or in a message all the same).
LIVE = (Status.PENDING, Status.BOUNCED)


@transaction.atomic
def invite_to_claim_profile(
    office: Office, mentor: Mentor, *, actor: User, send: bool = True
) -> ProfileInvitation:
    """Give an expert the office holds a link to claim their profile; e-mail it if ``send``.

    The office's pending link is reused with a fresh expiry (so a printed sheet and the
    e-mail show the same link); an expired one, or one for an address changed since, is
    replaced by a new link and stops working.
    """
    mentor = Mentor.objects.select_for_update().get(pk=mentor.pk)
    if office.pk not in holding_office_ids(mentor):
        raise InvitationError(
            _("%(name)s is not among the experts of this office.") % {"name": mentor.name}
        )
    if mentor.user_id is not None:
        raise InvitationError(_("%(name)s has already joined.") % {"name": mentor.name})
    email = mentor.email.strip().lower()
    if send and not email:
        raise InvitationError(
            _("%(name)s has no e-mail address on file: hand the link out on the sheet instead.")
            % {"name": mentor.name}
        )
    invitation = (
        ProfileInvitation.objects.select_for_update()
        .filter(office=office, mentor=mentor, status__in=LIVE)
        .order_by("-created_at", "-id")
        .first()
    )
    if invitation is not None and (invitation.is_expired or invitation.email != email):
        invitation.status = Status.REVOKED
        invitation.save(update_fields=["status"])
        invitation = None
    verb = "resend" if invitation is not None else "send"
    if invitation is None:
        invitation = ProfileInvitation(
            office=office, mentor=mentor, email=email, key=secrets.token_urlsafe(16)
        )
    invitation.status = Status.PENDING
    invitation.sent_by = actor
    invitation.expires_at = invitation_expiry()
    if send:
        invitation.email_requested_at = timezone.now()
    invitation.save()
    log_action(
        invitation,
        f"mentors.profile_invitation.{verb}",
        actor=actor,
        changes={"email": email, "by_email": send, "expires": invitation.expires_at},
    )
    if send:
        task_mail_profile_invitation.delay(invitation_id=invitation.pk)
    return invitation


@dataclass
class InvitationRound:
    """What a bulk invitation did: the invitations given, and who was left out and why."""

    invitations: list[ProfileInvitation] = field(default_factory=list)
    joined: list[Mentor] = field(default_factory=list)
    without_email: list[Mentor] = field(default_factory=list)


def invite_experts(
    office: Office, mentors: Iterable[Mentor], *, actor: User, send: bool
) -> InvitationRound:
    """Invite (or invite again) each expert that has not joined; by e-mail if ``send``.

    Experts who have joined, and, when e-mailing, experts without an address, are left out
    and named in the result.
    """
    result = InvitationRound()
    for mentor in mentors:
        if mentor.user_id is not None:
            result.joined.append(mentor)
        elif send and not mentor.email:
            result.without_email.append(mentor)
        else:
            result.invitations.append(
                invite_to_claim_profile(office, mentor, actor=actor, send=send)
            )
    return result


def invitation_for_token(token: str) -> ProfileInvitation:
    """The invitation a link names, if it can still be accepted; else InvitationError."""
    named = read_invitation_token(token)
    if named is None:
        raise not_valid()
    pk, key = named
    invitation = ProfileInvitation.objects.select_related("office", "mentor").filter(pk=pk).first()
    if invitation is None or not constant_time_compare(invitation.key, key):
        raise not_valid()
    check_usable(
        invitation, expired=_("This invitation has expired. Ask the office for a new one.")
    )
    return invitation


@transaction.atomic
def open_profile_invitation(invitation: ProfileInvitation, *, actor: User | None) -> None:
    """Record the first time a link is opened (its status becomes “opened”)."""
    if invitation.opened_at is not None:
        return
    invitation.opened_at = timezone.now()
    ProfileInvitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
        opened_at=invitation.opened_at
    )
    log_action(invitation, "mentors.profile_invitation.open", actor=actor)


@transaction.atomic
def claim_profile(
    token: str, *, user: User | None = None, email: str = "", password: str = ""
) -> Mentor:
    """Link the invited expert's profile to an account: the logged-in ``user`` (whose
    address must be the invited one), or a new account with ``password`` for the invited
    address (or ``email`` when the office had none on file)."""
    invitation = invitation_for_token(token)
    invitation = ProfileInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status not in LIVE:
        raise InvitationError(_("This invitation has already been used."))
    mentor = Mentor.objects.select_for_update().get(pk=invitation.mentor_id)
    if mentor.user_id is not None:
        raise InvitationError(_("This profile has already been claimed."))
    logged_in = user is not None
    user = invited_account(
        invitation,
        user=user,
        password=password,
        email=email,
        name=mentor.name,
        phone=mentor.phone,
        is_mentor=True,
    )
    if logged_in:
        _check_account(user)
    Mentor.objects.filter(pk=mentor.pk).update(user=user, email=mentor.email or user.email)
    mentor.user, mentor.email = user, mentor.email or user.email
    log_action(mentor, "mentors.mentor.claim", actor=user, changes={"user": [None, user.email]})
    mark_accepted(invitation, user)
    if invitation.opened_at is None:
        invitation.opened_at = invitation.accepted_at
        invitation.save(update_fields=["opened_at"])
    log_action(invitation, "mentors.profile_invitation.accept", actor=user)
    # Other offices' links to the same profile stop working: it has an owner now.
    ProfileInvitation.objects.filter(mentor=mentor, status__in=LIVE).update(status=Status.REVOKED)
    return mentor


def _check_account(user: User) -> None:
    """A logged-in account may take one expert profile."""
    if Mentor.objects.filter(user=user).exists():
        raise InvitationError(
            _("Your account already has an expert profile; it cannot take a second one.")
        )
    if not user.is_mentor:
        user.is_mentor = True
        user.save(update_fields=["is_mentor"])
