"""“My pairings”, and proposing, accepting, declining and ending a pairing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import redirect_to, safe_next

from .. import rules
from ..forms import ProposePairingForm
from ..models import Pairing
from ..queries import occupied_places, pairings_for_mentee, pairings_for_mentor
from ..services import (
    PairingError,
    accept_pairing,
    conclude_pairing,
    decline_pairing,
    dissolve_pairing,
    propose_pairing,
)
from . import object_or_404


def _back(request):
    """Where a pairing form returns: its ``next`` page on this site, else “my pairings”."""
    default = reverse("mentors:my_pairings")
    target = safe_next(request, default)
    # safe_next lets a bare relative reference through ("0", "abc"), which redirect() would
    # look up as a view name and fail on: only a path of this site is followed.
    return redirect_to(request, target if target.startswith("/") else default)


@login_required
def my_pairings(request):
    """“My mentees / my mentor”: the user's pairings on either side, with their status."""
    user = request.user
    mentor, mentee = rules.mentor_of(user), rules.mentee_of(user)
    context = {
        "mentor": mentor,
        "mentee": mentee,
        "as_mentor": list(pairings_for_mentor(mentor)) if mentor else [],
        "as_mentee": list(pairings_for_mentee(mentee)) if mentee else [],
        "occupied": occupied_places(mentor) if mentor else 0,
    }
    for pairing in [*context["as_mentor"], *context["as_mentee"]]:
        pairing.can_accept = rules.can_accept_pairing(user, pairing)
        pairing.can_decline = rules.can_decline_pairing(user, pairing)
        pairing.can_end = rules.can_end_pairing(user, pairing)
    return render(request, "mentors/my_pairings.html", context)


@login_required
@require_POST
def pairing_propose(request):
    form = ProposePairingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an expert and a mentee to pair."))
        return _back(request)
    mentor, mentee = form.cleaned_data["mentor"], form.cleaned_data["mentee"]
    if not rules.can_propose_pairing(request.user, mentor, mentee):
        raise Http404
    try:
        propose_pairing(mentor, mentee, actor=request.user, note=form.cleaned_data["note"])
    except PairingError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The pairing has been proposed."))
    return _back(request)


def _pairing_action(request, pk, *, allowed, service, success):
    pairing = object_or_404(Pairing.objects.select_related("mentor", "mentee"), pk)
    if not rules.can_view_pairing(request.user, pairing):
        raise Http404
    if not allowed(request.user, pairing):
        messages.error(request, _("This pairing cannot be changed that way any more."))
    else:
        try:
            service(pairing, actor=request.user)
        except PairingError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, success)
    return _back(request)


@login_required
@require_POST
def pairing_accept(request, pk):
    return _pairing_action(
        request,
        pk,
        allowed=rules.can_accept_pairing,
        service=accept_pairing,
        success=_("The pairing has been accepted."),
    )


@login_required
@require_POST
def pairing_decline(request, pk):
    return _pairing_action(
        request,
        pk,
        allowed=rules.can_decline_pairing,
        service=decline_pairing,
        success=_("The proposal has been declined."),
    )


@login_required
@require_POST
def pairing_end(request, pk):
    concluded = request.POST.get("outcome") == "concluded"
    return _pairing_action(
        request,
        pk,
        allowed=rules.can_end_pairing,
        service=conclude_pairing if concluded else dissolve_pairing,
        success=_("The pairing has ended."),
    )
