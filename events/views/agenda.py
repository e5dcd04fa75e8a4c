"""The agenda: the organizers add sessions of the event's day."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import rules
from ..forms import SessionForm
from ..services.agenda import add_session
from .common import event_for


@login_required
def session_add(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add_session(event, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The agenda session was added."))
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/child_form.html", {"event": event, "form": form})
