"""``{{ value|grouped }}``: whole numbers with thousands separators (92,000,000)."""

from django import template

from ..reports import grouped as grouped_number

register = template.Library()


@register.filter
def grouped(value):
    """A whole number with thousands separators; anything else as it is."""
    return grouped_number(value)
