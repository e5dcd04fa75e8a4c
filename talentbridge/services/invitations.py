"""One invitation mechanism for every kind of invitation: to an office's members, to an
event's team, to claim an expert's profile.

A link carries a random token whose SHA-256 alone is stored (or, for links printed on a
sheet, a signed key: see ``mentors``); it expires, works once, and has a status (pending →
accepted, or revoked when withdrawn or replaced). Accepting creates the account for the
invited address or takes the logged-in one, whose address must match. What joining means is
the caller's: an :class:`InvitationKind` names the model, the ``join`` callback and the
error its views catch.
"""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import User
from .audit import log_action

PENDING, ACCEPTED, REVOKED = "pending", "accepted", "revoked"
# No token the portal issues is this long: a longer one is cut before it is hashed.
MAX_TOKEN = 100


class InvitationError(Exception):
    """An invitation that cannot be sent, opened or accepted; the message is for the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class InvitationKind:
    """One kind of invitation: its model (with ``email``, ``token_hash``, ``status``,
    ``invited_by``, ``expires_at``, ``accepted_at``), what accepting it does, and how its
    refusals read.

    ``join(invitation, user)`` gives ``user`` what the invitation offers, writes its audit
    entry and returns what was joined (a membership, a team role).
    """

    model: type[models.Model]
    join: Callable[[Any, User], Any]
    error: type[Exception] = InvitationError
    expired: Callable[[], str] = lambda: _("This invitation has expired. Ask for a new one.")
    related: tuple[str, ...] = ()


def token_hash(token: str) -> str:
    return hashlib.sha256(token[:MAX_TOKEN].encode()).hexdigest()


def issue_token() -> tuple[str, str]:
    """A new link's random token and the hash stored in its place."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS)


def create_invitation(kind: InvitationKind, *, email: str, actor: User, **fields):
    """A new pending invitation of ``email`` (to what ``fields`` name) and its link's token;
    a pending one to the same address and the same thing is replaced (its link stops
    working)."""
    kind.model.objects.filter(email__iexact=email, status=PENDING, **fields).update(status=REVOKED)
    token, digest = issue_token()
    invitation = kind.model.objects.create(
        email=email,
        token_hash=digest,
        invited_by=actor,
        expires_at=invitation_expiry(),
        **fields,
    )
    return invitation, token


def check_usable(invitation, *, error: type[Exception] = InvitationError, expired: str) -> None:
    """Refuse an invitation that was used, withdrawn or replaced, or has expired."""
    if invitation.status == ACCEPTED:
        raise error(_("This invitation has already been used."))
    if invitation.status == REVOKED:
        raise error(_("This invitation was withdrawn or replaced by a newer one."))
    if invitation.is_expired:
        raise error(expired)


def not_valid(error: type[Exception] = InvitationError) -> Exception:
    return error(_("This invitation link is not valid. Check that it was copied whole."))


def pending_invitation(kind: InvitationKind, token: str):
    """The invitation a link's token names, if it can still be accepted."""
    invitation = (
        kind.model.objects.select_related(*kind.related)
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        raise not_valid(kind.error)
    check_usable(invitation, error=kind.error, expired=kind.expired())
    return invitation


def invited_account(
    invitation,
    *,
    user: User | None,
    password: str = "",
    email: str = "",
    error: type[Exception] = InvitationError,
    **profile,
) -> User:
    """The account that accepts: the logged-in ``user``, whose address must be the invited
    one, or a new account with ``password`` (and ``profile`` fields) for the invited address
    (or ``email`` when the invitation named none)."""
    if user is not None:
        if invitation.email and user.email.lower() != invitation.email.lower():
            raise error(
                _("This invitation was sent to %(email)s. Log in with that address to accept it.")
                % {"email": invitation.email}
            )
        return user
    address = invitation.email or email.strip().lower()
    if not address:
        raise error(_("Enter your e-mail address."))
    if User.objects.filter(email__iexact=address).exists():
        raise error(
            _("An account with this address exists: log in first, then open the link again.")
        )
    user = User.objects.create_user(email=address, password=password, **profile)
    log_action(
        user,
        "accounts.signup",
        actor=user,
        changes={"invitation": f"{invitation._meta.label_lower}:{invitation.pk}"},
    )
    return user


def mark_accepted(invitation, user: User) -> None:
    """Close the invitation: accepted now by ``user``; its link stops working."""
    invitation.status = ACCEPTED
    invitation.accepted_at = timezone.now()
    fields = ["status", "accepted_at"]
    if hasattr(invitation, "accepted_by"):
        invitation.accepted_by = user
        fields.append("accepted_by")
    invitation.save(update_fields=fields)


@transaction.atomic
def accept_invitation(
    kind: InvitationKind, token: str, *, user: User | None = None, name: str = "", password=""
):
    """Accept the invitation a link names, as the logged-in ``user`` or as a new account
    named ``name``; return what was joined."""
    invitation = pending_invitation(kind, token)
    invitation = kind.model.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != PENDING:
        raise kind.error(_("This invitation has already been used."))
    user = invited_account(
        invitation, user=user, password=password, error=kind.error, name=name.strip()
    )
    joined = kind.join(invitation, user)
    mark_accepted(invitation, user)
    return joined


def withdraw_invitation(invitation, *, error: type[Exception] = InvitationError) -> None:
    """Withdraw a pending invitation; its link stops working (the caller writes the audit)."""
    if invitation.status != PENDING:
        raise error(_("Only a pending invitation can be withdrawn."))
    invitation.status = REVOKED
    invitation.save(update_fields=["status"])
