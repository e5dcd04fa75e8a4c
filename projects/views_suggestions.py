"""Pages of the match suggestions: the panel on a posting, "for you", feedback, recompute."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from . import rules, suggestions
from .models import MatchSuggestion, RecomputeRun
from .views import _posting_or_404


def _suggestion_or_404(pk: int) -> MatchSuggestion:
    return get_object_or_404(
        MatchSuggestion.objects.select_related(
            "mentor__user",
            "mentee__user",
            "challenge",
            "project",
            "for_mentee",
        ),
        pk=pk,
    )


def _back(request, fallback: str):
    """Where a plain (non-HTMX) form goes back to: its safe ``next``, else ``fallback``."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _panel_context(request, posting) -> dict:
    rows = list(suggestions.suggestions_for_posting(posting))
    suggestions.explain_all(rows)
    return {
        "posting": posting,
        "kind": posting.kind,
        "rows": rows,
        "feedback": suggestions.feedback_of(request.user, rows),
        "invited": suggestions.invited_ids(rows),
        "can_invite": bool(rows) and rules.can_invite_to_claim(request.user, rows[0]),
    }


def posting_suggestions(request, kind: str, pk: int):
    """The "suggested experts" (or founders) of a posting, for its poster and organizers."""
    posting = _posting_or_404(request, kind, pk)
    if not rules.can_view_suggestions(request.user, posting):
        raise Http404
    context = _panel_context(request, posting)
    if request.htmx:
        return render(request, "projects/_suggestions.html", context)
    return render(request, "projects/suggestions.html", context)


@require_POST
@login_required
def suggestion_invite(request, pk: int):
    """Invite a suggested person to claim the posting (one notification per person)."""
    suggestion = _suggestion_or_404(pk)
    posting = suggestion.challenge or suggestion.project
    if posting is None or not rules.can_view_suggestions(request.user, posting):
        raise Http404
    if not rules.can_invite_to_claim(request.user, suggestion):
        raise Http404
    error = ""
    try:
        suggestions.invite_to_claim(suggestion, actor=request.user)
    except suggestions.SuggestionError as exc:
        error = exc.message
    if request.htmx:
        return render(
            request,
            "projects/_suggestion_invite.html",
            {"s": suggestion, "invited": not error, "error": error, "can_invite": True},
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request, _("%(name)s was invited to claim it.") % {"name": suggestion.candidate.name}
        )
    return _back(request, reverse("projects:suggestions", args=[posting.kind, posting.pk]))


@require_POST
@login_required
def suggestion_feedback(request, pk: int):
    """Store "relevant" / "not relevant" on a suggestion the user was shown."""
    suggestion = _suggestion_or_404(pk)
    if not rules.can_give_feedback(request.user, suggestion):
        raise Http404
    verdict = request.POST.get("relevant")
    if verdict not in ("yes", "no"):
        if request.htmx:
            return render(
                request,
                "projects/_suggestion_feedback.html",
                {"s": suggestion, "verdict": None, "error": _("Choose relevant or not relevant.")},
            )
        messages.error(request, _("Choose relevant or not relevant."))
        return _back(request, reverse("projects:for_you"))
    feedback = suggestions.record_feedback(
        suggestion, actor=request.user, relevant=verdict == "yes"
    )
    if request.htmx:
        return render(
            request,
            "projects/_suggestion_feedback.html",
            {"s": suggestion, "verdict": feedback.relevant, "thanks": True},
        )
    messages.success(request, _("Thank you: your feedback improves the suggestions."))
    return _back(request, reverse("projects:for_you"))


@login_required
def for_you(request):
    """ "Challenges for you" for an expert; "mentors for you" and projects for a mentee."""
    user = request.user
    mentor = getattr(user, "mentor_profile", None)
    mentee = getattr(user, "mentee_profile", None)
    context = {"mentor": mentor, "mentee": mentee}
    if mentor is not None:
        context.update(suggestions.suggestions_for_mentor(mentor))
    if mentee is not None:
        context.update(suggestions.suggestions_for_mentee(mentee))
    shown = [
        *context.get("challenges", []),
        *context.get("mentors", []),
        *context.get("projects", []),
    ]
    suggestions.explain_all(shown)
    context["feedback"] = suggestions.feedback_of(user, shown)
    return render(request, "projects/for_you.html", context)


@login_required
def recompute(request):
    """The organizers' page: start a full recompute and watch its progress."""
    if not rules.can_recompute_suggestions(request.user):
        raise PermissionDenied
    if request.method == "POST":
        run = suggestions.start_full_recompute(actor=request.user)
        messages.success(request, _("The suggestions are being recomputed."))
        return redirect(f"{reverse('projects:recompute')}?run={run.pk}")
    run = suggestions.latest_run()
    return render(request, "projects/recompute.html", {"run": run})


@login_required
def recompute_progress(request, pk: int):
    """The progress partial, polled while the run goes on; reloads the page once done."""
    if not rules.can_recompute_suggestions(request.user):
        raise PermissionDenied
    run = get_object_or_404(RecomputeRun, pk=pk)
    if request.htmx and run.status == RecomputeRun.Status.DONE:
        return HttpResponseClientRedirect(f"{reverse('projects:recompute')}?run={run.pk}")
    return render(request, "projects/_recompute_progress.html", {"run": run})
