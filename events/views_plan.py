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
from projects.suggestions import explain_all

from . import plan, rules
from .views import _event_for


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
    if request.htmx and not request.htmx.boosted:
        return render(request, "events/plan/_plan.html", context)
    return render(request, "events/plan/plan.html", context)


@login_required
def plan_page(request, pk: int):
    """The plan: optimal total against greedy, the pairs, and the organizer's decisions."""
    event = _event_for(request, pk, rules.can_plan_pairings)
    of, per_mentor = _settings(request.GET)
    return _render(request, event, of, per_mentor)


@require_POST
@login_required
def plan_decide(request, pk: int):
    """Lock in, rule out or release one pair, then show the re-solved plan."""
    event = _event_for(request, pk, rules.can_plan_pairings)
    of, per_mentor = _settings(request.POST)
    mentor = get_object_or_404(Mentor, pk=_int(request.POST.get("mentor")))
    model = Mentee if of == plan.MENTEES else Challenge
    target = get_object_or_404(model, pk=_int(request.POST.get("target")))
    decision = request.POST.get("decision", "")
    error = ""
    try:
        plan.decide_pair(event, mentor, target, kind=decision, actor=request.user)
    except plan.PlanError as exc:
        error = exc.message
    if request.htmx:
        return _render(request, event, of, per_mentor, error=error)
    if error:
        messages.error(request, error)
    return redirect(_plan_url(event, of, per_mentor))


@require_POST
@login_required
def plan_accept(request, pk: int):
    """Act on the whole plan: proposed pairings, or invitations to claim the demands."""
    event = _event_for(request, pk, rules.can_plan_pairings)
    of, per_mentor = _settings(request.POST)
    done, refused = plan.accept_plan(event, actor=request.user, of=of, per_mentor=per_mentor)
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


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None
