"""Template helpers for the boards: money in the reader's language, permissions, QR codes."""

from decimal import Decimal

from django import template
from django.utils import numberformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mentors.templatetags.people import qr_markup
from projects import rules
from projects.queries.claims import claim_contacts as contacts_of_claim

register = template.Library()


def grouped(amount: int, unit: int = 1) -> str:
    """``amount / unit`` with thousands separators and at most two decimals: 9,200 · 1.25.

    Both languages of the portal write amounts this way (the zh-hans locale of Django has no
    separator at all, which leaves 92000000 unreadable).
    """
    value = Decimal(amount) / unit
    whole = value == value.to_integral_value()
    value = value.quantize(Decimal(1) if whole else Decimal("0.01"))
    text = numberformat.format(
        value, ".", decimal_pos=0 if whole else 2, grouping=3, thousand_sep=",", force_grouping=True
    )
    return text if whole else text.rstrip("0")


@register.filter
def money(amount: int | None) -> str:
    """Yuan as a Chinese reader expects it (9,200万元 / 1.5亿元), or as ¥92,000,000 in English."""
    if amount is None:
        return ""
    if (get_language() or "").startswith("en"):
        return f"¥{grouped(amount)}"
    if amount >= 100_000_000:
        return _("%(n)s hundred million yuan") % {"n": grouped(amount, 100_000_000)}
    if amount >= 10_000:
        return _("%(n)s ten-thousand yuan") % {"n": grouped(amount, 10_000)}
    return _("%(n)s yuan") % {"n": grouped(amount)}


@register.simple_tag
def reward(challenge) -> str:
    """The reward of a demand: a range, an amount, "negotiable", or nothing."""
    low, high = challenge.reward_min, challenge.reward_max
    if low and high and low != high:
        text = f"{money(low)} – {money(high)}"
    elif high or low:
        text = money(high or low)
    else:
        text = ""
    if challenge.reward_negotiable:
        return _("%(reward)s (negotiable)") % {"reward": text} if text else _("Negotiable")
    return text


@register.filter
def can_review_postings(user) -> bool:
    """Whether the menu offers the review queue (reviewers and managers of an office)."""
    return rules.can_view_review_queue(user)


@register.filter
def can_decide_claim(user, claim) -> bool:
    return rules.can_decide_claim(user, claim)


@register.filter
def can_withdraw_claim(user, claim) -> bool:
    return rules.can_withdraw_claim(user, claim)


@register.filter
def can_see_claim_contacts(user, claim) -> bool:
    return rules.can_see_claim_contacts(user, claim)


@register.simple_tag(takes_context=True)
def qr_svg(context, path: str) -> str:
    """An inline SVG QR code for the absolute URL of ``path``."""
    return qr_markup(context["request"].build_absolute_uri(path))


@register.filter
def claim_contacts(claim) -> dict:
    return contacts_of_claim(claim)
