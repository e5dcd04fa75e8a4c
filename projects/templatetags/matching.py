"""Template helpers of the suggestion panels: scores, verdicts and permission checks."""

from django import template

from .. import rules

register = template.Library()


@register.filter
def percent(score: float) -> int:
    """A score in [0, 1] as a whole percentage, for the match bar."""
    return round(max(0.0, min(1.0, score or 0.0)) * 100)


@register.filter
def can_give_feedback(user, suggestion) -> bool:
    return rules.can_give_feedback(user, suggestion)


@register.filter
def verdict(feedback: dict, suggestion_id: int) -> bool | None:
    """The user's verdict on a suggestion (True, False) or None when not given."""
    return feedback.get(suggestion_id)


@register.filter
def among(suggestion_id: int, ids) -> bool:
    return suggestion_id in ids
