""" "For you": suggested demands for an expert, mentors and projects for a mentee, and the
person's verdict on a suggested posting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects.forms.suggestions import FeedbackForm
from projects.services.suggestions import record_posting_feedback
from projects.suggestions import CHALLENGES
from projects.suggestions.for_you import SuggestedPosting, posting_score
from projects.suggestions.for_you import for_you as lists_for_you
from talentbridge.http import safe_next

from .common import posting_or_404


@login_required
def for_you(request):
    """ "Challenges for you" for an expert; "mentors for you" and projects for a mentee."""
    return render(request, "projects/for_you.html", lists_for_you(request.user))


@require_POST
@login_required
def for_you_feedback(request, kind: str, pk: int):
    """Store "relevant" / "not relevant" on a posting suggested to the user."""
    posting = posting_or_404(request, kind, pk)
    profile = "mentor_profile" if kind == CHALLENGES else "mentee_profile"
    person = getattr(request.user, profile, None)
    if person is None:
        raise Http404
    form = FeedbackForm(request.POST)
    back = safe_next(request, reverse("projects:for_you"))
    if not form.is_valid():
        error = form.errors["relevant"][0]
        if request.htmx:
            shown = SuggestedPosting(posting, 0.0)
            context = {"s": shown, "verdict": None, "error": error}
            return render(request, "projects/_suggestion_feedback.html", context)
        messages.error(request, error)
        return redirect(back)
    score = posting_score(person, posting)
    feedback = record_posting_feedback(
        person,
        posting,
        actor=request.user,
        relevant=form.cleaned_data["relevant"] == "yes",
        score=score,
    )
    if request.htmx:
        shown = SuggestedPosting(posting, score)
        context = {"s": shown, "verdict": feedback.relevant, "thanks": True}
        return render(request, "projects/_suggestion_feedback.html", context)
    messages.success(request, _("Thank you: your feedback improves the suggestions."))
    return redirect(back)
