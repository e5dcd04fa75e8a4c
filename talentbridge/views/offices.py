"""Offices: the list, an office's page with its members, invitations and their acceptance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import rules
from ..forms import InviteMemberForm, OfficeForm
from ..http import redirect_to
from ..models import Invitation, Membership, Office, OfficeRole, User
from ..parsing import parse_id
from ..queries import office_members, offices_for
from ..services import (
    OfficeError,
    add_member,
    create_office,
    invite_member,
    remove_member,
    revoke_invitation,
)
from ..services.offices import OFFICE_INVITATIONS
from .invitations import invitation_page


def _office_for(request, pk, predicate) -> Office:
    office = get_object_or_404(Office, pk=pk)
    if not predicate(request.user, office):
        raise Http404
    return office


def _grantable(user, office: Office) -> list[str]:
    return [role for role in OfficeRole.values if rules.can_grant_role(user, office, role)]


@login_required
def office_list(request):
    context = {
        "offices": offices_for(request.user),
        "can_create": rules.can_create_office(request.user),
    }
    return render(request, "talentbridge/offices/list.html", context)


@login_required
def office_create(request):
    if not rules.can_create_office(request.user):
        raise Http404
    form = OfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        owner = User.objects.filter(email__iexact=data["owner_email"]).first()
        try:
            office = create_office(
                name=data["name"],
                kind=data["kind"],
                region=data["region"],
                description=data["description"],
                actor=request.user,
                owner=owner or request.user,
            )
            if owner is None:
                invite_member(
                    office, email=data["owner_email"], role=OfficeRole.OWNER, actor=request.user
                )
        except OfficeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The office %(name)s was created.") % {"name": office})
            return redirect("office_detail", pk=office.pk)
    return render(request, "talentbridge/offices/form.html", {"form": form})


@login_required
def office_detail(request, pk: int):
    office = _office_for(request, pk, rules.can_view_office)
    can_manage = rules.can_manage_members(request.user, office)
    context = {
        "office": office,
        "members": office_members(office),
        "can_manage": can_manage,
        "invitations": office.invitations.filter(status=Invitation.Status.PENDING)
        if can_manage
        else [],
        "form": InviteMemberForm(grantable=_grantable(request.user, office)),
    }
    return render(request, "talentbridge/offices/detail.html", context)


@login_required
@require_POST
def member_invite(request, pk: int):
    office = _office_for(request, pk, rules.can_manage_members)
    form = InviteMemberForm(request.POST, grantable=_grantable(request.user, office))
    if form.is_valid():
        email, role = form.cleaned_data["email"], form.cleaned_data["role"]
        existing = User.objects.filter(email__iexact=email).first()
        try:
            if existing is not None:
                add_member(office, existing, role, actor=request.user)
                messages.success(request, _("%(name)s was added.") % {"name": existing.name})
            else:
                invite_member(office, email=email, role=role, actor=request.user)
                messages.success(
                    request, _("An invitation was sent to %(email)s.") % {"email": email}
                )
        except OfficeError as error:
            form.add_error("email", str(error))
        else:
            return redirect_to(request, reverse("office_detail", args=[office.pk]))
    return render(
        request, "talentbridge/offices/_invite_form.html", {"office": office, "form": form}
    )


@login_required
@require_POST
def member_remove(request, pk: int):
    office = _office_for(request, pk, rules.can_manage_members)
    membership = get_object_or_404(
        Membership, pk=parse_id(request.POST.get("membership")) or 0, office=office
    )
    try:
        remove_member(membership, actor=request.user)
    except OfficeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The role was removed."))
    return redirect("office_detail", pk=office.pk)


@login_required
@require_POST
def invitation_revoke(request, pk: int):
    office = _office_for(request, pk, rules.can_manage_members)
    invitation = get_object_or_404(
        Invitation, pk=parse_id(request.POST.get("invitation")) or 0, office=office
    )
    try:
        revoke_invitation(invitation, actor=request.user)
    except OfficeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The invitation was withdrawn."))
    return redirect("office_detail", pk=office.pk)


def invitation_accept(request, token: str):
    """Open an invitation link: join as the logged-in person, or create the account."""
    return invitation_page(
        request,
        token,
        kind=OFFICE_INVITATIONS,
        heading=lambda invitation: _("Join %(office)s") % {"office": invitation.office.name},
        welcome=lambda membership: (
            _("Welcome to %(office)s, as %(role)s.")
            % {"office": membership.office, "role": membership.get_role_display()},
            reverse("office_detail", args=[membership.office_id]),
        ),
    )
