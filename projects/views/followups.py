"""Follow-ups (跟踪回访) on a landed posting: record a check-in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from projects import rules
from projects.forms.followups import FollowUpForm
from projects.models import Landing
from projects.services.common import BoardError, posting_ref
from projects.services.followups import record_followup

from .common import form_data, posting_or_404


@login_required
def landing_followup(request, kind: str, pk: int):
    posting = posting_or_404(request, kind, pk)
    landing = Landing.objects.filter(**posting_ref(posting)).first()
    if landing is None or not rules.can_record_followup(request.user, landing):
        raise Http404
    form = FollowUpForm(
        form_data(request)[0], initial={"checked_on": timezone.localdate(), "status": "operating"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            record_followup(landing, actor=request.user, **form.cleaned_data)
        except BoardError as exc:
            form.add_error("checked_on", exc.message)
        else:
            messages.success(request, _("Follow-up recorded."))
            return redirect(posting.get_absolute_url())
    context = {"form": form, "posting": posting, "landing": landing}
    return render(request, "projects/followup_form.html", context)
