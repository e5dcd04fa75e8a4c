"""``{% audit_history obj %}``: an object's history for the people who manage it."""

from django import template

from ..queries import audit_entries_for

register = template.Library()

HISTORY_ROWS = 30


@register.inclusion_tag("talentbridge/_audit_history.html")
def audit_history(obj):
    """The latest entries of ``obj``'s audit trail. Guard it with the page's manage predicate."""
    entries = list(audit_entries_for(obj)[: HISTORY_ROWS + 1])
    return {"entries": entries[:HISTORY_ROWS], "more": len(entries) > HISTORY_ROWS}


@register.filter
def change_text(value) -> str:
    """An audit entry's changed value as text: ``old → new`` for a pair, else the value."""
    if isinstance(value, list) and len(value) == 2:
        old, new = ("—" if item in (None, "") else item for item in value)
        return f"{old} → {new}"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "—" if value in (None, "") else str(value)
