"""The organizer's pairing plan of an event: view it, lock or rule out pairs, accept it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors.models import Mentee, Mentor
from projects.models import Challenge
from projects.suggestions.reasons import explain_all
from talentbridge.http import wants_fragment
from talentbridge.parsing import parse_id

from .. import plan, rules
from ..services import EventError
from ..services.plan import accept_plan, decide_pair
from .common import event_for


def _settings(data) -> tuple[str, int]:
    return plan.parse_target(data.get("of")), plan.parse_per_mentor(data.get("per_mentor"))


def _plan_url(event, of: str, per_mentor: int) -> str:
    query = urlencode({"of": of, "per_mentor": per_mentor})
    return f"{reverse('events:plan', args=[event.pk])}?{query}"


def _render(request, event, of: str, per_mentor: int, *, error: str = ""):
    solved = plan.build_plan(event, of=of, per_mentor=per_mentor)
    explain_all(solved.rows)
    context = {
        "event": event,
        "plan": solved,
        "of": of,
        "per_mentor": per_mentor,
        "targets": plan.TARGETS,
        "error": error,
    }
    if wants_fragment(request):
        return render(request, "events/plan/_plan.html", context)
    return render(request, "events/plan/plan.html", context)


def _row(model, value):
    pk = parse_id(value)
    if pk is None:
        raise Http404
    return get_object_or_404(model, pk=pk)


@login_required
def plan_page(request, pk: int):
    """The plan: optimal total against greedy, the pairs, and the organizer's decisions."""
    event = event_for(request, pk, rules.can_plan_pairings)
    of, per_mentor = _settings(request.GET)
    return _render(request, event, of, per_mentor)


@require_POST
@login_required
def plan_decide(request, pk: int):
    """Lock in, rule out or release one pair, then show the re-solved plan."""
    event = event_for(request, pk, rules.can_plan_pairings)
    of, per_mentor = _settings(request.POST)
    mentor = _row(Mentor, request.POST.get("mentor"))
    target = _row(Mentee if of == plan.MENTEES else Challenge, request.POST.get("target"))
    error = ""
    try:
        kind = request.POST.get("decision", "")
        decide_pair(event, mentor, target, kind=kind, actor=request.user)
    except EventError as exc:
        error = str(exc)
    if request.htmx:
        return _render(request, event, of, per_mentor, error=error)
    if error:
        messages.error(request, error)
    return redirect(_plan_url(event, of, per_mentor))


@require_POST
@login_required
def plan_accept(request, pk: int):
    """Act on the whole plan: proposed pairings, or invitations to claim the demands."""
    event = event_for(request, pk, rules.can_plan_pairings)
    of, per_mentor = _settings(request.POST)
    done, refused = accept_plan(event, actor=request.user, of=of, per_mentor=per_mentor)
    if of == plan.MENTEES:
        text = _(
            "%(count)s pairings proposed; once accepted they join the ceremony's running order."
        )
    else:
        text = _("%(count)s experts invited to claim their demands.")
    messages.success(request, text % {"count": done})
    for line in refused:
        messages.warning(request, line)
    return redirect(_plan_url(event, of, per_mentor))
