"""Template helpers of the suggestion panels: scores, labels, verdicts and permission checks."""

from django import template
from django.urls import reverse

from projects.matching import score_label
from projects.suggestions.reasons import LABEL_NAMES

from .. import rules

register = template.Library()


@register.filter
def percent(score: float) -> int:
    """A score in [0, 1] as a whole percentage, for the match bar (organizers' pages only)."""
    return round(max(0.0, min(1.0, score or 0.0)) * 100)


@register.filter
def match_label(score: float) -> str:
    """The stable code of a score's label (``strong``, ``good``, ``possible``, ``weak``)."""
    return score_label(score or 0.0)


@register.filter
def match_label_name(score: float) -> str:
    """A score's label in the active language: 高度匹配 / Strong match…"""
    return str(LABEL_NAMES[score_label(score or 0.0)])


@register.filter
def can_give_feedback(user, suggestion) -> bool:
    return rules.can_give_feedback(user, suggestion)


@register.filter
def feedback_url(suggestion) -> str:
    """Where the verdict on a suggestion goes: its own URL ("for you" postings) or the
    stored suggestion's."""
    own = getattr(suggestion, "feedback_url", "")
    return own or reverse("projects:suggestion_feedback", args=[suggestion.pk])


@register.filter
def verdict(feedback: dict, suggestion_id: int) -> bool | None:
    """The user's verdict on a suggestion (True, False) or None when not given."""
    return feedback.get(suggestion_id)


@register.filter
def among(suggestion_id: int, ids) -> bool:
    return suggestion_id in ids
