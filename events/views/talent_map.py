"""The talent map (人才地图), the gap table and the targeted list of experts for a gap: for
office managers (their office's data, and the platform's where it is public) and admins."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.vary import vary_on_headers

from mentors.models import IndustryChain
from talentbridge.http import paginate, query_string
from talentbridge.models import Region

from .. import rules
from ..statistics.gaps import experts_for_gap, gap_table
from ..statistics.map_filters import MapForm
from ..statistics.talent_map import KINDS, talent_map, uses_rollup
from .common import page_or_fragment


def _map_form(request) -> MapForm:
    user = request.user
    if not rules.can_view_talent_map(user):
        raise Http404
    return MapForm(
        request.GET,
        offices=rules.talent_map_offices(user),
        platform=rules.can_view_platform_map(user),
    )


def _params(form: MapForm, **changes) -> str:
    """The query string of the current view with ``changes`` (for drill-down and switches)."""
    params = {"office": form.office_key, "kind": form.chosen_kind}
    if form.chosen_region:
        params["region"] = form.chosen_region.code
    params.update(changes)
    return "&".join(f"{key}={value}" for key, value in params.items() if value)


@login_required
@vary_on_headers("HX-Request")
def talent_map_view(request):
    """The map: the children of a region shaded by count, and the regions × fields heat
    table, each with its numbers; a click on a region drills down."""
    form = _map_form(request)
    figures = talent_map(form.chosen_kind, form.scope, form.chosen_region)
    context = {
        "form": form,
        "map": figures,
        "rollup": uses_rollup(form.scope),
        "kinds": [(key, kind.label, _params(form, kind=key)) for key, kind in KINDS.items()],
        "base": _params(form, region=""),
        "up": _params(form, region=figures.lineage[-2].code if len(figures.lineage) > 1 else ""),
    }
    template = page_or_fragment(request, "events/stats/talent_map.html", "events/stats/_map.html")
    return render(request, template, context)


@login_required
def gap_view(request):
    """Gaps: demand against supply per child region and field, widest first; each row links
    to the directory filtered to it and to experts from elsewhere."""
    form = _map_form(request)
    context = {
        "form": form,
        "table": gap_table(form.scope, form.chosen_region),
        "base": _params(form, region="", kind=""),
    }
    return render(request, "events/stats/gaps.html", context)


@login_required
def gap_experts(request, code: str, field: str):
    """Experts in a field who can serve a region from elsewhere, the region's own first."""
    _map_form(request)
    region = get_object_or_404(Region, code=code)
    field = get_object_or_404(IndustryChain, slug=field)
    context = {
        "region": region,
        "field": field,
        "page": paginate(request, experts_for_gap(region, field)),
        "query_string": query_string(request),
    }
    return render(request, "events/stats/gap_experts.html", context)
