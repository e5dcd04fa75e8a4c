"""The event's expert invitations (求贤帖): the managers' page to invite the office's experts
and follow the replies; the reply link of the e-mail and the reply from "my events"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors.rules import mentor_of
from talentbridge.http import paginate, query_string

from .. import queries, rules
from ..forms import InviteExpertsForm, ReplyForm
from ..models import ExpertInvitation
from ..services import EventError
from ..services.experts import invitation_for_token, invite_experts, reply_to_invitation
from .common import event_for

CANDIDATES_SHOWN = 200


def _experts_context(request, event, form=None) -> dict:
    status = request.GET.get("status", "")
    if status not in ExpertInvitation.Status.values:
        status = ""
    query = request.GET.get("q", "").strip()[:100]
    candidates = queries.experts_to_invite(event, query)
    return {
        "event": event,
        "status": status,
        "statuses": ExpertInvitation.Status.choices,
        "q": query,
        "counts": queries.expert_reply_counts(event),
        "page": paginate(request, queries.expert_invitations(event, status=status)),
        "query_string": query_string(request),
        "form": form or InviteExpertsForm(candidates=candidates[:CANDIDATES_SHOWN]),
        "more_candidates": candidates.count() > CANDIDATES_SHOWN,
    }


@login_required
def experts(request, pk: int):
    event = event_for(request, pk, rules.can_invite_experts)
    if request.method == "POST":
        candidates = queries.experts_to_invite(event)
        form = InviteExpertsForm(request.POST, candidates=candidates)
        if form.is_valid():
            try:
                count = invite_experts(event, form.cleaned_data["experts"], actor=request.user)
            except EventError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("%(count)s experts were invited.") % {"count": count})
            return redirect("events:experts", pk=event.pk)
        return render(request, "events/experts.html", _experts_context(request, event, form))
    return render(request, "events/experts.html", _experts_context(request, event))


def _reply(request, invitation, actor) -> bool:
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reply with accept or decline."))
        return False
    try:
        reply_to_invitation(invitation, form.cleaned_data["answer"], actor=actor)
    except EventError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, _("Thank you: your reply was recorded."))
    return True


def expert_reply_link(request, token: str):
    """The link of the invitation e-mail: the event, and two buttons to reply."""
    try:
        invitation = invitation_for_token(token)
    except EventError as error:
        return render(
            request, "talentbridge/offices/invitation_invalid.html", {"error": error}, status=410
        )
    if request.method == "POST":
        actor = request.user if request.user.is_authenticated else None
        _reply(request, invitation, actor)
        return redirect("events:expert_reply_link", token=token)
    context = {"invitation": invitation, "event": invitation.event}
    return render(request, "events/expert_invitation.html", context)


@login_required
@require_POST
def expert_reply(request, invitation_id: int):
    """A reply from "my events": only the invited expert's own account."""
    invitation = get_object_or_404(
        ExpertInvitation.objects.select_related("event", "mentor"), pk=invitation_id
    )
    mentor = mentor_of(request.user)
    if mentor is None or invitation.mentor_id != mentor.pk:
        raise Http404
    _reply(request, invitation, request.user)
    return redirect("events:mine")
