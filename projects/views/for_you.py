""" "For you": suggested demands for an expert, mentors and projects for a mentee."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from projects.queries.suggestions import (
    feedback_of,
    suggestions_for_mentee,
    suggestions_for_mentor,
)
from projects.suggestions.reasons import explain_all


@login_required
def for_you(request):
    """ "Challenges for you" for an expert; "mentors for you" and projects for a mentee."""
    user = request.user
    mentor = getattr(user, "mentor_profile", None)
    mentee = getattr(user, "mentee_profile", None)
    context = {"mentor": mentor, "mentee": mentee}
    if mentor is not None:
        context |= suggestions_for_mentor(mentor)
    if mentee is not None:
        context |= suggestions_for_mentee(mentee)
    shown = [
        *context.get("challenges", []),
        *context.get("mentors", []),
        *context.get("projects", []),
    ]
    explain_all(shown)
    context["feedback"] = feedback_of(user, shown)
    return render(request, "projects/for_you.html", context)
