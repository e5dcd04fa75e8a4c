"""State transitions of offices: creating one, its members and their invitations."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Invitation, Membership, Office, OfficeRole, User
from ..tasks import task_send_mail_to_address
from . import invitations
from .audit import log_action
from .invitations import InvitationKind, create_invitation, withdraw_invitation


class OfficeError(Exception):
    """A change to an office that cannot be made; the message is for the user."""


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


def _join_office(invitation: Invitation, user: User) -> Membership:
    """What accepting an office's invitation does: the invited role (kept if already held)."""
    membership = Membership.objects.filter(
        office=invitation.office, user=user, role=invitation.role
    ).first() or add_member(invitation.office, user, invitation.role, actor=user)
    log_action(invitation, "offices.invitation.accept", actor=user)
    return membership


OFFICE_INVITATIONS = InvitationKind(
    model=Invitation,
    join=_join_office,
    error=OfficeError,
    expired=lambda: _("This invitation has expired. Ask the office for a new one."),
    related=("office",),
)


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
    invitation, token = create_invitation(
        OFFICE_INVITATIONS, email=email, actor=actor, office=office, role=role
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
    return invitations.pending_invitation(OFFICE_INVITATIONS, token)


def accept_invitation(
    token: str, *, user: User | None = None, name: str = "", password: str = ""
) -> Membership:
    """Join the office: as the logged-in ``user`` (whose address must match), or as a new
    account created with ``name`` and ``password`` for the invited address."""
    return invitations.accept_invitation(
        OFFICE_INVITATIONS, token, user=user, name=name, password=password
    )


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, actor: User) -> None:
    """Withdraw a pending invitation; its link stops working."""
    withdraw_invitation(invitation, error=OfficeError)
    log_action(invitation, "offices.invitation.revoke", actor=actor)
