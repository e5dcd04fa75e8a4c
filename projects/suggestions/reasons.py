"""Why a suggestion was made, in the reader's language: the engine's reasons explained."""

from collections.abc import Iterable
from functools import cache

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain
from projects.matching.labels import GOOD, POSSIBLE, STRONG, WEAK
from projects.matching.taxonomy import CONCEPTS

# The engine's labels as people read them.
LABEL_NAMES = {
    STRONG: _("Strong match"),
    GOOD: _("Good match"),
    POSSIBLE: _("Possible match"),
    WEAK: _("Weak match"),
}

REASON_LABELS = {
    "terms": _("Shared terms"),
    "concepts": _("Shared topics"),
    "tags": _("Shared fields"),
    "region": _("Works in the region"),
    "hometown": _("Hometown expert (老乡)"),
    "language": _("Speaks"),
    "liked": _("Like postings you marked relevant"),
}
LANGUAGE_NAMES = {"zh": _("Chinese"), "en": _("English")}


@cache
def _concept_names() -> dict[str, tuple[str, str]]:
    return {c.id: (c.zh[0] if c.zh else c.id, c.en[0] if c.en else c.id) for c in CONCEPTS}


def explain_reasons(
    reasons: Iterable[str], fields: dict[str, IndustryChain] | None = None
) -> list[tuple[str, str]]:
    """Engine reasons as (label, values) in the active language, in the engine's order.

    Concepts and field tags are shown by their name in the user's language; unknown kinds
    are left out rather than shown raw. ``fields`` maps field names to fields (see
    ``explain_all``, which loads it once for a whole page).
    """
    english = (get_language() or "").startswith("en")
    fields = _field_names() if fields is None else fields
    names = _concept_names()
    separator = ", " if english else "、"
    explained = []
    for reason in reasons:
        kind, _sep, raw = reason.partition(":")
        if kind not in REASON_LABELS:
            continue
        values = [v for v in raw.split(",") if v]
        if kind == "concepts":
            values = [names.get(v, (v, v))[english] for v in values]
        elif kind == "tags":
            values = [
                f.name if (f := fields.get(v) or fields.get(v.casefold())) else v for v in values
            ]
        elif kind == "language":
            values = [str(LANGUAGE_NAMES.get(v, v)) for v in values]
        explained.append((str(REASON_LABELS[kind]), separator.join(values)))
    return explained


def _field_names() -> dict[str, IndustryChain]:
    fields = {}
    for field in IndustryChain.objects.all():
        fields[field.name_zh] = fields[field.name_en.casefold()] = field
    return fields


def explain_all(objects: Iterable) -> None:
    """Set ``explained`` on every object with ``reasons``, with one query for the page."""
    objects = list(objects)
    fields = _field_names() if objects else {}
    for obj in objects:
        obj.explained = explain_reasons(obj.reasons, fields)
