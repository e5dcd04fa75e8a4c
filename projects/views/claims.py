"""Filing a claim, deciding or withdrawing it, and "my claims"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from projects import rules
from projects.forms.claims import ClaimForm, DecisionForm
from projects.models import Challenge, Claim
from projects.queries.claims import claims_for_posting, claims_of_user
from projects.services import claims as services
from projects.services.common import BoardError
from talentbridge.http import paginate, query_string, redirect_to, safe_next

from .common import form_data, posting_or_404


@login_required
def claim_create(request, kind: str, pk: int):
    posting = posting_or_404(request, kind, pk)
    if not rules.can_claim_posting(request.user, posting):
        raise PermissionDenied
    form = ClaimForm(*form_data(request))
    if isinstance(posting, Challenge):
        del form.fields["organization_name"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.claim_posting(
                posting,
                actor=request.user,
                approach=data["approach"],
                timeline=data["timeline"],
                team=data["team"],
                expected_result=data["expected_result"],
                organization_name=data.get("organization_name", ""),
                files=data["attachments"],
            )
        except BoardError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your claim was sent to the poster."))
            return redirect_to(request, posting.get_absolute_url())
    template = "projects/_claim_form.html" if request.htmx else "projects/claim_form.html"
    return render(request, template, {"form": form, "posting": posting})


CLAIM_ACTIONS = {
    "accept": (rules.can_decide_claim, services.accept_claim, gettext_lazy("Claim accepted.")),
    "decline": (rules.can_decide_claim, services.decline_claim, gettext_lazy("Claim declined.")),
    "withdraw": (
        rules.can_withdraw_claim,
        services.withdraw_claim,
        gettext_lazy("Claim withdrawn."),
    ),
}


@require_POST
@login_required
def claim_action(request, pk: int, action: str):
    """Accept, decline or withdraw a claim; HTMX gets the posting's refreshed claim list."""
    claim = get_object_or_404(
        Claim.objects.select_related("project__owner", "challenge__owner", "claimant"), pk=pk
    )
    if not rules.can_view_claim(request.user, claim):
        raise Http404
    allowed, service, done = CLAIM_ACTIONS[action]
    if not allowed(request.user, claim):
        raise Http404
    kwargs = {}
    if action != "withdraw":
        form = DecisionForm(request.POST)
        kwargs["message"] = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        service(claim, actor=request.user, **kwargs)
    except BoardError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    posting = claim.posting
    if request.htmx and action != "withdraw":
        posting = type(posting).objects.get(pk=posting.pk)
        response = render(
            request,
            "projects/_claims.html",
            {"posting": posting, "claims": list(claims_for_posting(posting)), "manages": True},
        )
        response["HX-Trigger"] = "claimsChanged"
        return response
    return redirect(safe_next(request, posting.get_absolute_url()))


@login_required
def my_claims(request):
    context = {"page": paginate(request, claims_of_user(request.user))}
    context["query_string"] = query_string(request)
    return render(request, "projects/my_claims.html", context)
