"""Gaps (缺口): per region and industry chain, demand (open demands and firms) against supply
(experts from there in that field) — where to recruit (靶向引才).

Three grouped queries (those of the talent map) make the whole table at any level. The gap of
a cell is ``demands + firms − experts``; it only orders the table and picks its band, and is
never printed as a number: with the counts shown as “< 5”, an exact difference would give the
small count away.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain, Mentor
from talentbridge.models import Region
from talentbridge.regions import within_region

from .talent_map import (
    DEEPEST,
    MapScope,
    counts_by_region_and_field,
    region_lineage,
    shown,
)

GAP_ROWS = 60
BANDS = ((20, "high", _("Large")), (5, "medium", _("Medium")), (1, "low", _("Small")))


@dataclass(frozen=True)
class Gap:
    region: Region
    field: IndustryChain
    demands: str
    firms: str
    experts: str
    band: str
    band_label: str
    drillable: bool


@dataclass(frozen=True)
class GapTable:
    region: Region | None
    lineage: list[Region]
    rows: list[Gap]
    more: int


def _band(gap: int) -> tuple[str, str]:
    for threshold, key, label in BANDS:
        if gap >= threshold:
            return key, label
    return "none", _("None")


def gap_table(scope: MapScope, region: Region | None) -> GapTable:
    """The cells inside ``region`` (its children × fields) that have demand, the widest gap
    first (at most ``GAP_ROWS``; ``more`` says how many were left out). Five queries."""
    demands = counts_by_region_and_field("demands", scope, region)
    firms = counts_by_region_and_field("organizations", scope, region)
    experts = counts_by_region_and_field("experts", scope, region)
    cells = [key for key in {*demands, *firms} if key[0]]
    gaps = {key: demands.get(key, 0) + firms.get(key, 0) - experts.get(key, 0) for key in cells}
    ranked = sorted(cells, key=lambda key: (-gaps[key], key))
    shown_cells = ranked[:GAP_ROWS]
    regions = Region.objects.in_bulk({code for code, _field in shown_cells}, field_name="code")
    fields = IndustryChain.objects.in_bulk({field for _code, field in shown_cells})
    rows = []
    for key in shown_cells:
        code, field = key
        if code not in regions or field not in fields:
            continue
        band, label = _band(gaps[key])
        rows.append(
            Gap(
                region=regions[code],
                field=fields[field],
                demands=shown(demands.get(key, 0)),
                firms=shown(firms.get(key, 0)),
                experts=shown(experts.get(key, 0)),
                band=band,
                band_label=label,
                drillable=regions[code].level < DEEPEST,
            )
        )
    lineage = region_lineage(region) if region else []
    return GapTable(region, lineage, rows, max(0, len(ranked) - GAP_ROWS))


def experts_for_gap(region: Region, field: IndustryChain) -> QuerySet[Mentor]:
    """Experts in ``field`` who can serve ``region`` from elsewhere: those who do not work
    there, the ones from there (老乡, the hometown bonus) first, then by honours and name."""
    from_there = within_region("region", region)
    works_there = within_region("current_region", region)
    return (
        Mentor.objects.filter(fields=field)
        .exclude(works_there)
        .select_related("affiliation", "region", "current_region")
        .prefetch_related("honours")
        .annotate(
            from_there=Case(
                When(from_there, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("-from_there", "name", "pk")
    )
