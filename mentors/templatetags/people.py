"""Template helpers of the people pages: QR codes of links, and what the menu offers."""

import segno
from django import template
from django.utils.safestring import mark_safe

from .. import rules
from ..models import ClaimStatus

register = template.Library()


def qr_markup(url: str, *, scale: int = 8) -> str:
    """An inline SVG QR code of ``url`` (no inline style), safe to put in a page."""
    svg = segno.make(url, error="m").svg_inline(scale=scale, dark="#153a6b", light="#ffffff")
    return mark_safe(svg)  # noqa: S308 - segno generates the SVG from a URL; no user markup


@register.simple_tag
def qr_code(url: str, scale: int = 4) -> str:
    """``{% qr_code url %}``: the QR code of an absolute link, for printing or scanning."""
    return qr_markup(url, scale=scale)


@register.filter
def can_add_people(user) -> bool:
    """Whether the menu offers imports and the experts an office holds."""
    return rules.can_add_people(user)


@register.filter
def claim_status(value: str) -> str:
    """The label of a :class:`~mentors.models.ClaimStatus` value, in the reader's language."""
    return ClaimStatus(value).label if value in ClaimStatus.values else ""
