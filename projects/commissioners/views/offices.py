"""An office's console: firms' requests, open whistle requests, the firms it serves, a firm's
commissioners with suggestions and the dispatch form, and the response deadlines."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors.models import Organization
from talentbridge.http import paginate, query_string, redirect_to

from .. import rules
from ..forms import DecideRequestForm, DispatchForm, FirmSearchForm, PolicyForm
from ..models import CommissionerRequest, Dispatch
from ..queries import (
    firm_dispatches,
    office_firms,
    office_whistles,
    pending_requests,
    policy_for,
)
from ..services import CommissionerError
from ..services.dispatches import (
    accept_request,
    decline_request,
    dispatch_commissioner,
    end_dispatch,
)
from ..services.whistles import set_whistle_policy
from ..suggestions import suggest_commissioners
from .common import managed_office_or_404, object_or_404

OPEN_WHISTLES = 20


def _console_url(office_id: int) -> str:
    return reverse("projects:commissioners:office", args=[office_id])


@login_required
def office_console(request, pk: int):
    office = managed_office_or_404(request, pk)
    search = FirmSearchForm(request.GET)
    query = (search.cleaned_data.get("q") or "").strip() if search.is_valid() else ""
    policy = policy_for(office)
    context = {
        "office": office,
        "search": search,
        "page": paginate(request, office_firms(office, query)),
        "query_string": query_string(request),
        "requests": list(pending_requests(office)),
        "decide_form": DecideRequestForm(initial={"starts_on": timezone.localdate()}),
        "whistles": list(office_whistles(office, open_only=True)[:OPEN_WHISTLES]),
        "policy": policy,
        "policy_form": PolicyForm(
            initial={
                "acknowledge_hours": policy.acknowledge_hours,
                "close_hours": policy.close_hours,
            }
        ),
        "now": timezone.now(),
    }
    return render(request, "projects/commissioners/office.html", context)


@login_required
def office_firm(request, pk: int, firm: int):
    """A firm as the office sees it: who serves it, who would fit, and the dispatch form."""
    office = managed_office_or_404(request, pk)
    organization = get_object_or_404(Organization, pk=firm)
    form = DispatchForm(request.POST or None, office=office)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dispatch_commissioner(
                office,
                data["commissioner"],
                organization,
                actor=request.user,
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                key_project=data["key_project"],
                note=data["note"],
                source=data["source"] or Dispatch.Source.MANUAL,
            )
        except CommissionerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("%(name)s now serves %(firm)s.")
                % {"name": data["commissioner"].name, "firm": organization.name},
            )
            return redirect_to(request, request.path)
    context = {
        "office": office,
        "firm": organization,
        "dispatches": list(firm_dispatches(office, organization)),
        "candidates": suggest_commissioners(office, organization),
        "form": form,
        "today": timezone.localdate(),
    }
    return render(request, "projects/commissioners/office_firm.html", context)


def _manages_dispatch(user, dispatch: Dispatch) -> bool:
    return rules.can_manage_commissioners(user, dispatch.office_id)


@require_POST
@login_required
def dispatch_end(request, pk: int):
    dispatch = object_or_404(request, Dispatch.objects.all(), pk, _manages_dispatch)
    try:
        end_dispatch(dispatch, actor=request.user)
    except CommissionerError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The dispatch has ended."))
    return redirect(
        "projects:commissioners:office_firm", pk=dispatch.office_id, firm=dispatch.organization_id
    )


def _manages_request(user, commissioner_request: CommissionerRequest) -> bool:
    return rules.can_manage_commissioners(user, commissioner_request.office_id)


@require_POST
@login_required
def request_decide(request, pk: int, action: str):
    """Accept (dispatch the commissioner asked for) or decline a firm's request."""
    asked = object_or_404(request, CommissionerRequest.objects.all(), pk, _manages_request)
    form = DecideRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the date and the answer."))
        return redirect(_console_url(asked.office_id))
    data = form.cleaned_data
    try:
        if action == "accept":
            accept_request(
                asked,
                actor=request.user,
                starts_on=data["starts_on"] or timezone.localdate(),
                message=data["message"],
            )
            messages.success(request, _("The commissioner was dispatched to the firm."))
        else:
            decline_request(asked, actor=request.user, message=data["message"])
            messages.success(request, _("The request was declined; the firm is told."))
    except CommissionerError as error:
        messages.error(request, error.message)
    return redirect(_console_url(asked.office_id))


@require_POST
@login_required
def policy_edit(request, pk: int):
    office = managed_office_or_404(request, pk)
    form = PolicyForm(request.POST)
    if form.is_valid():
        try:
            set_whistle_policy(office, actor=request.user, **form.cleaned_data)
        except CommissionerError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The deadlines apply to requests raised from now on."))
    else:
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        messages.error(request, " ".join(errors))
    return redirect(_console_url(office.pk))
