"""An event's team: the page where the office's managers add, invite and remove the people
who hold a role at the event, and the link an invited person opens to join."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import redirect_to
from talentbridge.models import User
from talentbridge.parsing import parse_id
from talentbridge.views.invitations import invitation_page

from .. import queries, rules
from ..forms import TeamMemberForm
from ..models import EventMember, TeamInvitation
from ..services import EventError
from ..services.team import (
    TEAM_INVITATIONS,
    add_team_member,
    invite_team_member,
    remove_team_member,
    revoke_team_invitation,
)
from .common import event_for


def _team_context(event, form) -> dict:
    return {
        "event": event,
        "form": form,
        "members": queries.team_members(event),
        "invitations": event.team_invitations.filter(status=TeamInvitation.Status.PENDING),
    }


@login_required
def team(request, pk: int):
    event = event_for(request, pk, rules.can_manage_team)
    return render(request, "events/team.html", _team_context(event, TeamMemberForm()))


@login_required
@require_POST
def team_add(request, pk: int):
    """Add an account by its address at once; invite any other address by e-mail."""
    event = event_for(request, pk, rules.can_manage_team)
    form = TeamMemberForm(request.POST)
    if form.is_valid():
        email, role = form.cleaned_data["email"], form.cleaned_data["role"]
        existing = User.objects.filter(email__iexact=email).first()
        try:
            if existing is not None:
                add_team_member(event, existing, role, actor=request.user)
                messages.success(request, _("%(name)s was added.") % {"name": existing.name})
            else:
                invite_team_member(event, email=email, role=role, actor=request.user)
                messages.success(
                    request, _("An invitation was sent to %(email)s.") % {"email": email}
                )
        except EventError as error:
            form.add_error("email", str(error))
        else:
            return redirect_to(request, reverse("events:team", args=[event.pk]))
    if request.htmx:
        return render(request, "events/_team_form.html", {"event": event, "form": form})
    return render(request, "events/team.html", _team_context(event, form))


@login_required
@require_POST
def team_remove(request, pk: int):
    event = event_for(request, pk, rules.can_manage_team)
    member = get_object_or_404(
        EventMember.objects.select_related("user", "event"),
        pk=parse_id(request.POST.get("member")) or 0,
        event=event,
    )
    remove_team_member(member, actor=request.user)
    messages.success(request, _("The role was removed."))
    return redirect("events:team", pk=event.pk)


@login_required
@require_POST
def team_revoke(request, pk: int):
    event = event_for(request, pk, rules.can_manage_team)
    invitation = get_object_or_404(
        TeamInvitation, pk=parse_id(request.POST.get("invitation")) or 0, event=event
    )
    try:
        revoke_team_invitation(invitation, actor=request.user)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The invitation was withdrawn."))
    return redirect("events:team", pk=event.pk)


def team_accept(request, token: str):
    """Open a team invitation: join as the logged-in person, or create the account."""
    return invitation_page(
        request,
        token,
        kind=TEAM_INVITATIONS,
        heading=lambda invitation: (
            _("Join the team of %(event)s") % {"event": invitation.event.title}
        ),
        welcome=lambda member: (
            _("Welcome to the team of %(event)s, as %(role)s.")
            % {"event": member.event.title, "role": member.get_role_display()},
            reverse("events:mine"),
        ),
    )
