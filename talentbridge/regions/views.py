"""Suggestions for a region typed into a ``RegionField``."""

import re

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..models import Region
from .resolve import search_regions

SUGGESTIONS = 15
_CODE = re.compile(r"[0-9]{2,9}")


@require_GET
def region_suggest(request):
    """``<option>``s of the regions that fit what is typed in the field named by ``field``."""
    text = request.GET.get(request.GET.get("field", "")[:50] or "q", "")[:100]
    code = request.GET.get("within", "")
    within = Region.objects.filter(code=code).first() if _CODE.fullmatch(code) else None
    regions = search_regions(text, within, limit=SUGGESTIONS) if text.strip() else []
    return render(request, "talentbridge/regions/_suggestions.html", {"regions": regions})
