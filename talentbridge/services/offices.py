"""State transitions of offices: creating one, its members and their invitations."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import Invitation, Membership, Office, OfficeRole, User
from ..tasks import task_send_mail_to_address
from .audit import log_action


class OfficeError(Exception):
    """A change to an office that cannot be made; the message is for the user."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_office(
    *, name: str, kind: str, region: str = "", description: str = "", actor: User, owner: User
) -> Office:
    """Create an office with ``owner`` as its first owner."""
    if Office.objects.filter(name__iexact=name.strip()).exists():
        raise OfficeError(_("An office with this name already exists."))
    office = Office.objects.create(
        name=name.strip(), kind=kind, region=region, description=description
    )
    log_action(office, "offices.office.create", actor=actor, changes={"name": office.name})
    add_member(office, owner, OfficeRole.OWNER, actor=actor)
    return office


@transaction.atomic
def add_member(office: Office, user: User, role: str, *, actor: User | None) -> Membership:
    """Give ``user`` a role in ``office``; refuse a role the person already holds there."""
    if Membership.objects.filter(office=office, user=user, role=role).exists():
        raise OfficeError(
            _("%(name)s is already %(role)s of this office.")
            % {"name": user.name, "role": OfficeRole(role).label}
        )
    try:
        with transaction.atomic():
            membership = Membership.objects.create(office=office, user=user, role=role)
    except IntegrityError as error:  # a concurrent add of the same role
        raise OfficeError(_("This person already holds this role.")) from error
    log_action(
        office,
        "offices.member.add",
        actor=actor,
        changes={"member": user.email, "role": role},
    )
    return membership


@transaction.atomic
def remove_member(membership: Membership, *, actor: User) -> None:
    """Take one role away; an office always keeps at least one owner."""
    office = Office.objects.select_for_update().get(pk=membership.office_id)
    if membership.role == OfficeRole.OWNER and (
        office.memberships.filter(role=OfficeRole.OWNER).count() <= 1
    ):
        raise OfficeError(_("An office needs at least one owner."))
    log_action(
        office,
        "offices.member.remove",
        actor=actor,
        changes={"member": membership.user.email, "role": membership.role},
    )
    membership.delete()


@transaction.atomic
def invite_member(office: Office, *, email: str, role: str, actor: User) -> str:
    """Invite ``email`` to ``role`` and send the link; return the link's token.

    A pending invitation to the same address and role is replaced (the old link stops
    working). An address that already holds the role is refused.
    """
    email = email.strip().lower()
    if Membership.objects.filter(office=office, user__email__iexact=email, role=role).exists():
        raise OfficeError(
            _("%(email)s is already %(role)s of this office.")
            % {"email": email, "role": OfficeRole(role).label}
        )
    Invitation.objects.filter(
        office=office, email__iexact=email, role=role, status=Invitation.Status.PENDING
    ).update(status=Invitation.Status.REVOKED)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        office=office,
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
    )
    log_action(
        invitation, "offices.invitation.send", actor=actor, changes={"email": email, "role": role}
    )
    task_send_mail_to_address.delay(
        email=email,
        template="office_invitation",
        context={
            "office": office.name,
            "role": _role_label(role, actor.language),
            "inviter": actor.name,
            "days": settings.INVITATION_DAYS,
        },
        url=f"/invitations/{token}/",
        language=actor.language,
    )
    return token


def _role_label(role: str, language: str) -> str:
    with translation.override(language):
        return str(OfficeRole(role).label)


def pending_invitation(token: str) -> Invitation:
    """The invitation a link's token names, if it can still be accepted."""
    invitation = (
        Invitation.objects.select_related("office").filter(token_hash=token_hash(token)).first()
    )
    if invitation is None:
        raise OfficeError(_("This invitation link is not valid. Check that it was copied whole."))
    if invitation.status == Invitation.Status.ACCEPTED:
        raise OfficeError(_("This invitation has already been used."))
    if invitation.status == Invitation.Status.REVOKED:
        raise OfficeError(_("This invitation was withdrawn or replaced by a newer one."))
    if invitation.is_expired:
        raise OfficeError(_("This invitation has expired. Ask the office for a new one."))
    return invitation


@transaction.atomic
def accept_invitation(
    token: str, *, user: User | None = None, name: str = "", password: str = ""
) -> Membership:
    """Join the office: as the logged-in ``user`` (whose address must match), or as a new
    account created with ``name`` and ``password`` for the invited address."""
    invitation = pending_invitation(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.PENDING:
        raise OfficeError(_("This invitation has already been used."))
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise OfficeError(
                _("An account with this address exists: log in first, then open the link again.")
            )
        user = User.objects.create_user(
            email=invitation.email, password=password, name=name.strip()
        )
        log_action(user, "accounts.signup", actor=user, changes={"invitation": invitation.pk})
    elif user.email.lower() != invitation.email.lower():
        raise OfficeError(
            _("This invitation was sent to %(email)s. Log in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership = Membership.objects.filter(
        office=invitation.office, user=user, role=invitation.role
    ).first() or add_member(invitation.office, user, invitation.role, actor=user)
    invitation.status = Invitation.Status.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_at", "accepted_by"])
    log_action(invitation, "offices.invitation.accept", actor=user)
    return membership


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, actor: User) -> None:
    """Withdraw a pending invitation; its link stops working."""
    if invitation.status != Invitation.Status.PENDING:
        raise OfficeError(_("Only a pending invitation can be withdrawn."))
    invitation.status = Invitation.Status.REVOKED
    invitation.save(update_fields=["status"])
    log_action(invitation, "offices.invitation.revoke", actor=actor)
