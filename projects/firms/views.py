"""A firm's suggested experts and an office's matchmaking list (its experts × its firms)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors.models import Organization
from talentbridge.http import paginate, query_string
from talentbridge.models import Office
from talentbridge.parsing import parse_id

from .models import FirmMatch
from .rules import can_run_matchmaking, can_see_firm_suggestions
from .services import MatchmakingError, compute_matchmaking, decide_firm_match
from .suggestions import office_experts, office_firms, suggest_experts_for_firm


@login_required
def firm_experts(request, pk: int):
    """Experts suggested for a firm; ``?office=`` ranks a hometown office's roster with the
    hometown bonus (for that office's managers and liaisons)."""
    organization = get_object_or_404(Organization.objects.prefetch_related("fields"), pk=pk)
    office = None
    office_id = parse_id(request.GET.get("office"))
    if office_id:
        office = get_object_or_404(Office, pk=office_id)
        if not can_run_matchmaking(request.user, office):
            raise Http404
    elif not can_see_firm_suggestions(request.user, organization):
        raise Http404
    context = {
        "organization": organization,
        "office": office,
        "candidates": suggest_experts_for_firm(organization, office=office),
    }
    return render(request, "projects/firms/experts.html", context)


def _office(request, pk: int) -> Office:
    office = get_object_or_404(Office, pk=pk)
    if not can_run_matchmaking(request.user, office):
        raise Http404
    return office


@login_required
def matchmaking(request, pk: int):
    office = _office(request, pk)
    matches = (
        FirmMatch.objects.filter(office=office)
        .select_related("organization", "mentor__affiliation")
        .order_by("organization__name", "organization_id", "-score", "id")
    )
    status = request.GET.get("status", "")
    if status in FirmMatch.Status.values:
        matches = matches.filter(status=status)
    context = {
        "office": office,
        "page": paginate(request, matches),
        "query_string": query_string(request),
        "status": status,
        "statuses": FirmMatch.Status.choices,
        "expert_count": office_experts(office).count(),
        "firm_count": office_firms(office).count(),
    }
    return render(request, "projects/firms/matchmaking.html", context)


@login_required
@require_POST
def matchmaking_plan(request, pk: int):
    office = _office(request, pk)
    proposed = compute_matchmaking(office, actor=request.user)
    messages.success(request, _("%(count)d matches proposed.") % {"count": proposed})
    return redirect("projects:firm_matchmaking", pk=office.pk)


@login_required
@require_POST
def match_decide(request, pk: int, action: str):
    match = get_object_or_404(FirmMatch.objects.select_related("office"), pk=pk)
    if not can_run_matchmaking(request.user, match.office):
        raise Http404
    try:
        decide_firm_match(match, accept=action == "accept", actor=request.user)
    except MatchmakingError as error:
        messages.error(request, str(error))
    return redirect("projects:firm_matchmaking", pk=match.office_id)
