"""Demand drafts: the commissioner distils a need from a record; the firm reviews the draft
in the demand form and submits it in one step, or declines it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import redirect_to

from .. import rules
from ..forms import DeclineDraftForm, DemandDraftForm, DraftReviewForm
from ..models import DemandDraft, ServiceRecord
from ..services import CommissionerError
from ..services.demands import decline_demand_draft, draft_demand, submit_demand_draft
from .common import object_or_404


def _form_data(request):
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


@login_required
def draft_edit(request, pk: int):
    """Write or rewrite the demand distilled from record ``pk`` (its author only)."""
    record = object_or_404(
        request, ServiceRecord.objects.select_related("organization"), pk, rules.can_draft_demand
    )
    draft = getattr(record, "demand_draft", None)
    instance = draft or DemandDraft(record=record, summary=record.findings)
    form = DemandDraftForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            draft = draft_demand(
                record, actor=request.user, fields=form.cleaned_data["fields"], **form.values()
            )
        except CommissionerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The firm is asked to review the demand."))
            return redirect_to(request, draft.get_absolute_url())
    return render(
        request, "projects/commissioners/draft_form.html", {"form": form, "record": record}
    )


def _drafts():
    return DemandDraft.objects.select_related(
        "record__organization", "record__commissioner", "challenge"
    )


@login_required
def draft_detail(request, pk: int):
    """The draft, its demand and outcome once submitted; for the firm, the review form."""
    draft = object_or_404(request, _drafts(), pk, rules.can_view_draft)
    reviewing = rules.can_review_draft(request.user, draft)
    form = None
    if reviewing:
        form = DraftReviewForm(*_form_data(request), draft=draft, user=request.user)
        if request.method == "POST" and form.is_valid():
            try:
                challenge = submit_demand_draft(
                    draft,
                    form.instance,
                    actor=request.user,
                    fields=form.cleaned_data["fields"],
                    files=form.cleaned_data["attachments"],
                )
            except CommissionerError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Submitted. An organizer will review the demand shortly.")
                )
                return redirect_to(request, challenge.get_absolute_url())
    context = {
        "draft": draft,
        "record": draft.record,
        "form": form,
        "decline_form": DeclineDraftForm(),
        "challenge": draft.challenge,
        "accepted_claims": draft.challenge.claims.filter(status="accepted").count()
        if draft.challenge
        else 0,
    }
    return render(request, "projects/commissioners/draft_detail.html", context)


@require_POST
@login_required
def draft_decline(request, pk: int):
    draft = object_or_404(request, _drafts(), pk, rules.can_view_draft)
    form = DeclineDraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the firm does not post this demand."))
        return redirect(draft.get_absolute_url())
    try:
        decline_demand_draft(draft, actor=request.user, reason=form.cleaned_data["reason"])
    except CommissionerError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Declined. The commissioner is told."))
    return redirect(draft.get_absolute_url())
