"""The links of profile invitations, and e-mailing one. Nothing here enqueues a task, so
``mentors.tasks`` imports this module and no import circle forms."""

import smtplib

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from talentbridge.notifications import send_to_address
from talentbridge.parsing import parse_id
from talentbridge.services import log_action

from ..models import ProfileInvitation

SALT = "mentors.profile-invitation"


def invitation_token(invitation: ProfileInvitation) -> str:
    """The signed token of an invitation's link; the same every time it is asked for, so the
    e-mail, the printed sheet and a pasted text carry one link."""
    return signing.Signer(salt=SALT).sign_object([invitation.pk, invitation.key], compress=True)


def read_invitation_token(token: str) -> tuple[int, str] | None:
    """The invitation id and key a token names, or None when it was not signed here (a
    tampered or truncated link)."""
    try:
        pk, key = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    number = parse_id(pk)
    return (number, str(key)) if number else None


def invitation_path(invitation: ProfileInvitation) -> str:
    return reverse("mentors:profile_claim", args=[invitation_token(invitation)])


def invitation_url(invitation: ProfileInvitation) -> str:
    """The absolute link, as e-mailed, printed and pasted into messages."""
    return f"{settings.SITE_URL}{invitation_path(invitation)}"


def mail_profile_invitation(invitation_id: int) -> bool:
    """E-mail the link of a pending invitation once per request to send it; an address the
    mail server refuses marks the invitation bounced. Returns whether a mail left."""
    with transaction.atomic():
        invitation = (
            ProfileInvitation.objects.select_for_update(of=("self",))
            .select_related("office", "mentor", "sent_by")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or not _mail_due(invitation):
            return False
        try:
            send_to_address(
                email=invitation.email,
                template="profile_invitation",
                context={
                    "name": invitation.mentor.name,
                    "office": invitation.office.name,
                    "inviter": invitation.sent_by.name if invitation.sent_by else "",
                    "expires": timezone.localdate(invitation.expires_at).isoformat(),
                },
                url=invitation_path(invitation),
            )
        except smtplib.SMTPRecipientsRefused:
            invitation.status = ProfileInvitation.Status.BOUNCED
            invitation.save(update_fields=["status"])
            log_action(invitation, "mentors.profile_invitation.bounce", actor=None)
            return False
        invitation.emailed_at = timezone.now()
        invitation.save(update_fields=["emailed_at"])
    return True


def _mail_due(invitation: ProfileInvitation) -> bool:
    requested, sent = invitation.email_requested_at, invitation.emailed_at
    return (
        invitation.status == ProfileInvitation.Status.PENDING
        and bool(invitation.email)
        and not invitation.is_expired
        and requested is not None
        and (sent is None or sent < requested)
    )
