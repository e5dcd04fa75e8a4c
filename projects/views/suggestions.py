"""The suggestions panel of a posting, invitations to claim, feedback on a suggestion, and the
organizers' report of that feedback by field.

The panel shows the poster readable labels of the matches worth showing; the managers of the
posting's office also see the scores and the weak candidates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects import rules
from projects.forms.suggestions import FeedbackForm
from projects.models import MatchSuggestion
from projects.queries.suggestions import (
    feedback_by_field,
    feedback_of,
    invited_ids,
    suggestions_for_posting,
)
from projects.services import suggestions as services
from projects.suggestions import SHOWN_MIN_SCORE, SuggestionError
from projects.suggestions.reasons import explain_all
from talentbridge.http import safe_next
from talentbridge.rules import is_admin, managed_office_ids

from .common import posting_or_404


def _suggestion_or_404(pk: int) -> MatchSuggestion:
    return get_object_or_404(
        MatchSuggestion.objects.select_related(
            "mentor__user", "mentee__user", "challenge", "project", "for_mentee"
        ),
        pk=pk,
    )


def _panel_context(request, posting) -> dict:
    show_scores = rules.runs_posting(request.user, posting)
    rows = list(
        suggestions_for_posting(
            posting, viewer=request.user, min_score=0.0 if show_scores else SHOWN_MIN_SCORE
        )
    )
    explain_all(rows)
    return {
        "posting": posting,
        "kind": posting.kind,
        "rows": rows,
        "show_scores": show_scores,
        "feedback": feedback_of(request.user, rows),
        "invited": invited_ids(rows),
        "can_invite": bool(rows) and rules.can_invite_to_claim(request.user, rows[0]),
    }


def posting_suggestions(request, kind: str, pk: int):
    """The "suggested experts" (or founders) of a posting, for its poster and organizers."""
    posting = posting_or_404(request, kind, pk)
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
        services.invite_to_claim(suggestion, actor=request.user)
    except SuggestionError as exc:
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
    back = reverse("projects:suggestions", args=[posting.kind, posting.pk])
    return redirect(safe_next(request, back))


@require_POST
@login_required
def suggestion_feedback(request, pk: int):
    """Store "relevant" / "not relevant" on a suggestion the user was shown."""
    suggestion = _suggestion_or_404(pk)
    if not rules.can_give_feedback(request.user, suggestion):
        raise Http404
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        error = form.errors["relevant"][0]
        if request.htmx:
            return render(
                request,
                "projects/_suggestion_feedback.html",
                {"s": suggestion, "verdict": None, "error": error},
            )
        messages.error(request, error)
        return redirect(safe_next(request, reverse("projects:for_you")))
    feedback = services.record_feedback(
        suggestion, actor=request.user, relevant=form.cleaned_data["relevant"] == "yes"
    )
    if request.htmx:
        return render(
            request,
            "projects/_suggestion_feedback.html",
            {"s": suggestion, "verdict": feedback.relevant, "thanks": True},
        )
    messages.success(request, _("Thank you: your feedback improves the suggestions."))
    return redirect(safe_next(request, reverse("projects:for_you")))


@login_required
def feedback_report(request):
    """Relevant / not relevant verdicts by field, for the organizers: an office's managers
    see the verdicts on their office's postings, administrators every verdict."""
    if not rules.can_recompute_suggestions(request.user):
        raise PermissionDenied
    office_ids = None if is_admin(request.user) else managed_office_ids(request.user)
    return render(
        request,
        "projects/suggestion_feedback_report.html",
        {"rows": feedback_by_field(office_ids), "everything": office_ids is None},
    )
