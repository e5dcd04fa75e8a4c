"""``RegionField``: a region typed as text, with suggestions, cleaned to a ``Region``."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ..models import Region
from .resolve import match_region

EXAMPLES = 3


class RegionInput(forms.TextInput):
    """A text input whose ``<datalist>`` HTMX fills with matching regions as the person types;
    without JavaScript it is a plain text input."""

    def __init__(self, attrs=None, within: Region | None = None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.within = within

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        list_id = f"{attrs.get('id') or f'id_{name}'}-regions"
        query = {"field": name, **({"within": self.within.code} if self.within else {})}
        attrs.update(
            {
                "list": list_id,
                "hx-get": f"{reverse('region_suggest')}?{urlencode(query)}",
                "hx-trigger": "input changed delay:300ms",
                "hx-target": f"#{list_id}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
            }
        )
        html = super().render(name, value, attrs, renderer)
        return format_html('{}<datalist id="{}"></datalist>', html, list_id)


class RegionField(forms.CharField):
    """A region at any level, written as people write it: "金乡", "山东", "济宁市",
    "河南省 嵩县 城关镇" or an official code. Cleans to a ``Region`` (None when left empty)
    and says which regions an ambiguous name could be, or that a name is unknown."""

    widget = RegionInput
    default_error_messages = {
        "unknown": _(
            "No region is called “%(text)s”. Write a province, city, county or town, "
            "such as 山东省, 济宁市 or 金乡县."
        ),
        "ambiguous": _(
            "“%(text)s” could be %(count)d regions, such as %(examples)s. "
            "Add the province or county, such as “%(example)s”."
        ),
    }

    def __init__(self, *, within: Region | None = None, max_length: int = 100, **kwargs):
        self.within = within
        kwargs.setdefault("help_text", _("Any level, e.g. 山东省, 济宁市, 金乡县 or a town."))
        super().__init__(max_length=max_length, **kwargs)
        self.widget.within = within

    def prepare_value(self, value):
        if isinstance(value, Region):
            return value.full_name
        if isinstance(value, int):
            region = Region.objects.filter(pk=value).first()
            return region.full_name if region else ""
        return value

    def has_changed(self, initial, data) -> bool:
        return str(self.prepare_value(initial) or "") != str(data or "").strip()

    def clean(self, value):
        text = super().clean(value)
        if text in self.empty_values:
            return None
        found = match_region(text, self.within)
        if found.region is not None:
            return found.region
        if found.is_ambiguous:
            raise forms.ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={
                    "text": text,
                    "count": found.count,
                    "examples": "、".join(r.full_name for r in found.candidates[:EXAMPLES]),
                    "example": found.candidates[0].full_name,
                },
            )
        raise forms.ValidationError(
            self.error_messages["unknown"], code="unknown", params={"text": text}
        )
