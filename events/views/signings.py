"""Signing records (签约) of an event: the list in on-stage order, adding one, and turning
one into its project's landing (落地)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects.forms.landings import LandingForm

from .. import rules
from ..forms import SigningForm
from ..services import EventError
from ..services.signings import land_signing, record_signing
from .common import event_for


def _context(event, form) -> dict:
    signings = event.signings.select_related("project", "landing")
    return {
        "event": event,
        "form": form,
        "signings": signings,
        "landing_form": LandingForm(
            initial={"province": event.host.province if event.host_id else ""}
        ),
    }


@login_required
def signings(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    form = SigningForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            record_signing(event, actor=request.user, **form.cleaned_data)
        except EventError as error:
            form.add_error("on_stage", str(error))
        else:
            messages.success(request, _("Signing recorded."))
            return redirect("events:signings", pk=event.pk)
    return render(request, "events/signings.html", _context(event, form))


@login_required
@require_POST
def signing_land(request, pk: int, signing_id: int):
    event = event_for(request, pk, rules.can_manage_event)
    signing = get_object_or_404(event.signings.select_related("project"), pk=signing_id)
    form = LandingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give at least the province and the landing date."))
    else:
        try:
            land_signing(signing, actor=request.user, **form.cleaned_data)
        except EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The signing now feeds a landing."))
    return redirect("events:signings", pk=event.pk)
