"""Recording where a posting landed (落地)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from projects import rules
from projects.forms.landings import LandingForm
from projects.services.common import BoardError
from projects.services.landings import record_landing

from .common import form_data, posting_or_404


@login_required
def posting_landing(request, kind: str, pk: int):
    posting = posting_or_404(request, kind, pk)
    if not rules.can_manage_posting(request.user, posting):
        raise Http404
    form = LandingForm(form_data(request)[0])
    if request.method == "POST" and form.is_valid():
        try:
            record_landing(posting, actor=request.user, **form.cleaned_data)
        except BoardError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Landing recorded."))
        return redirect(posting.get_absolute_url())
    return render(request, "projects/landing_form.html", {"form": form, "posting": posting})
