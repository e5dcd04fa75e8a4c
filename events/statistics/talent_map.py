"""The talent map (人才地图): experts, mentees, organisations, open demands and landings counted
by region of the division tree (China → province → city → county) and by field.

Every figure is a GROUP BY on the first characters of the linked region's code: a province's
code has 2 characters, a city's 4, a county's 6, so one query counts every child of the region
the reader looks at, whatever the depth. A page costs the same few queries at every level.

Where a thing is counted: an expert at their hometown (籍贯, what the hometown programmes and
the directory's hometown filter use), a mentee or an organisation where it works, a demand
where it should land, a landing where it landed. Rows whose written place names no division
are counted as “place not linked” at the top level only.

Scope: an office counts what it holds — the people and organisations in its holdings, the
postings it reviews and their landings; the platform (administrators, or everyone when the
platform marks its aggregates public) counts everything. Counts from 1 to 4 are shown as
“< 5” (:func:`shown`) so that a small cell never points to a person.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import gettext_lazy as _

from mentors.models import Holding, IndustryChain, Mentee, Mentor, Organization
from projects.models import Challenge, Landing
from projects.models.postings import CLAIMABLE_STATUSES
from talentbridge.models import Office, Region
from talentbridge.regions import region_lineage

from ..models import TalentCount

# Characters of a region code at each level: 37 Shandong, 3708 Jining, 370828 Jinxiang.
CODE_LENGTH = {0: 0, Region.Level.PROVINCE: 2, Region.Level.CITY: 4, Region.Level.COUNTY: 6}
DEEPEST = Region.Level.COUNTY
SMALL_CELL = 5
SHADES = 5


@dataclass(frozen=True)
class Kind:
    """One thing the map counts: its key in URLs, its label, and how to read its rows."""

    key: str
    label: str
    # The path from the counted row to its region and the paths to its fields (a landing's
    # are its posting's: the project's or the demand's).
    region: str
    fields: tuple[str, ...]


KINDS = {
    kind.key: kind
    for kind in (
        Kind("experts", _("Experts"), "region", ("fields",)),
        Kind("mentees", _("Mentees"), "region", ("fields",)),
        Kind("organizations", _("Organisations"), "region", ("fields",)),
        Kind("demands", _("Open demands"), "region", ("fields",)),
        Kind("landings", _("Landings"), "region", ("challenge__fields", "project__fields")),
    )
}
DEFAULT_KIND = "experts"


@dataclass(frozen=True)
class MapScope:
    """Whose rows the map counts: one office's (``office``) or the whole platform's."""

    office: Office | None = None

    @property
    def is_platform(self) -> bool:
        return self.office is None


def rows_of(kind: str, scope: MapScope) -> QuerySet:
    """The rows of ``kind`` the scope counts (one row per person, organisation, demand or
    landing)."""
    office = scope.office
    if kind == "landings":
        rows = Landing.objects.all()
        if office:
            rows = rows.filter(Q(project__office=office) | Q(challenge__office=office))
        return rows
    if kind == "demands":
        rows = Challenge.objects.filter(status__in=CLAIMABLE_STATUSES)
        return rows.filter(office=office) if office else rows
    model = {"experts": Mentor, "mentees": Mentee, "organizations": Organization}[kind]
    rows = model.objects.all()
    if office:
        # From the office's holdings (indexed by office), never a scan of every profile.
        held = Holding.objects.filter(office=office).values(f"{model._meta.model_name}_id")
        rows = rows.filter(pk__in=held)
    return rows


def child_level(region: Region | None) -> int:
    """The level the map shows inside ``region`` (provinces inside China)."""
    return Region.Level.PROVINCE if region is None else min(region.level + 1, DEEPEST)


# Who holds a row of each kind: people and organisations the offices of their holdings (one
# row per holding), a demand the office that reviews it, a landing its posting's office.
OFFICE_COLUMNS = {
    "experts": ("holdings__office",),
    "mentees": ("holdings__office",),
    "organizations": ("holdings__office",),
    "demands": ("office",),
    "landings": ("project__office", "challenge__office"),
}


def _office_column(kind_key: str):
    columns = [F(path) for path in OFFICE_COLUMNS[kind_key]]
    return columns[0] if len(columns) == 1 else Coalesce(*columns)


def _live(
    kind_key: str,
    scope: MapScope,
    region: Region | None,
    length: int,
    by_field: bool,
    by_office: bool = False,
) -> dict:
    """Count the rows themselves, grouped by the first ``length`` characters of their
    region's code (and by field, and by the office holding them)."""
    kind = KINDS[kind_key]
    rows = rows_of(kind_key, scope)
    if region is not None:
        rows = rows.filter(**{f"{kind.region}__code__startswith": region.code})
    rows = rows.annotate(place=Substr(f"{kind.region}__code", 1, length))
    keys = ["place"]
    if by_office:
        rows = rows.annotate(holder=_office_column(kind_key)).filter(holder__isnull=False)
        keys.insert(0, "holder")
    if by_field:
        rows = rows.annotate(field=_field_column(kind)).filter(field__isnull=False)
        keys.append("field")
    return _keyed(rows.values(*keys).annotate(n=Count("pk", distinct=True)).order_by(), keys)


def _rolled_up(
    kind_key: str, scope: MapScope, region: Region | None, length: int, by_field: bool
) -> dict:
    """Add up the scope's rollup rows (per county and field) the same way."""
    rows = TalentCount.objects.filter(
        kind=kind_key, office=scope.office, field__isnull=not by_field
    )
    if region is not None:
        rows = rows.filter(region_code__startswith=region.code)
    rows = rows.annotate(place=Substr("region_code", 1, length))
    keys = ["place", "field"] if by_field else ["place"]
    return _keyed(rows.values(*keys).annotate(n=Sum("count")).order_by(), keys)


def _keyed(grouped, keys: list[str]) -> dict:
    """``{key: n}``: the place alone, or a tuple of the keys (a missing place as "")."""
    counts = {}
    for row in grouped:
        key = tuple("" if name == "place" and row[name] is None else row[name] for name in keys)
        counts[key[0] if len(key) == 1 else key] = row["n"]
    return counts


def uses_rollup(scope: MapScope) -> bool:
    """Whether the figures come from the rollup (``TALENT_MAP_ROLLUP``) or are counted live."""
    return settings.TALENT_MAP_ROLLUP


def _counts(kind_key: str, scope: MapScope, region: Region | None, by_field: bool) -> dict:
    length = CODE_LENGTH[child_level(region)]
    if uses_rollup(scope):
        return _rolled_up(kind_key, scope, region, length, by_field)
    return _live(kind_key, scope, region, length, by_field)


def counts_by_region(kind_key: str, scope: MapScope, region: Region | None) -> dict[str, int]:
    """``{child code: count}`` of the rows inside ``region`` (all of China when None), one
    query; the key ``""`` counts rows not linked to a division (top level only)."""
    return _counts(kind_key, scope, region, by_field=False)


def counts_by_region_and_field(
    kind_key: str, scope: MapScope, region: Region | None
) -> dict[tuple[str, int], int]:
    """``{(child code, field id): count}`` inside ``region``, one query. A row with several
    fields counts once in each."""
    return _counts(kind_key, scope, region, by_field=True)


def county_counts(kind_key: str, *, by_office: bool = False) -> tuple[dict, dict]:
    """The live counts per county (or coarser division) — in total and per field — from which
    the rollup is rebuilt: the platform's, or with ``by_office`` every office's (keys start
    with the office id)."""
    length = CODE_LENGTH[DEEPEST]
    platform = MapScope()
    return (
        _live(kind_key, platform, None, length, by_field=False, by_office=by_office),
        _live(kind_key, platform, None, length, by_field=True, by_office=by_office),
    )


def _field_column(kind: Kind):
    columns = [F(f"{path}__id") for path in kind.fields]
    return columns[0] if len(columns) == 1 else Coalesce(*columns)


def shown(count: int) -> str:
    """A count as the map prints it: none as 0, 1–4 as “< 5”, the rest as the number."""
    if count <= 0:
        return "0"
    if count < SMALL_CELL:
        return f"< {SMALL_CELL}"
    return str(count)


def shade(count: int, highest: int) -> int:
    """The shade (0 none … SHADES darkest) of a count against the highest on the view; a small
    cell gets the lightest shade whatever the scale, so the colour reveals no more than “< 5”."""
    if count <= 0 or highest <= 0:
        return 0
    if count < SMALL_CELL:
        return 1
    return max(1, min(SHADES, -(-count * SHADES // highest)))


@dataclass(frozen=True)
class Cell:
    count: int
    text: str
    shade: int


@dataclass(frozen=True)
class Place:
    """A row of the map: a child region; ``region`` is None for rows with no linked place,
    and ``within`` marks rows linked to the viewed region itself (no city or county given)."""

    region: Region | None
    total: Cell
    cells: list[Cell]
    drillable: bool
    within: bool = False


@dataclass(frozen=True)
class TalentMap:
    kind: Kind
    scope: MapScope
    region: Region | None
    lineage: list[Region]
    fields: list[IndustryChain]
    places: list[Place]
    total: str
    # When the rollup was counted (None: the figures are live).
    counted_at: datetime | None = None


def _cell(count: int, highest: int) -> Cell:
    return Cell(count, shown(count), shade(count, highest))


def talent_map(kind_key: str, scope: MapScope, region: Region | None) -> TalentMap:
    """The map of ``kind_key`` inside ``region``: one row per child region that has rows (and
    the unlinked rows at the top), by total, with one cell per field that has rows. Five
    queries at every level."""
    kind = KINDS[kind_key]
    totals = counts_by_region(kind_key, scope, region)
    by_field = counts_by_region_and_field(kind_key, scope, region)
    field_ids = sorted({field for _place, field in by_field})
    fields = list(IndustryChain.objects.filter(pk__in=field_ids).order_by("order", "slug"))
    regions = Region.objects.in_bulk([code for code in totals if code], field_name="code")
    lineage = _lineage(region)
    highest = max(totals.values(), default=0)
    highest_cell = max(by_field.values(), default=0)
    places = []
    for code, count in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        division = regions.get(code)
        if code and division is None:
            continue
        cells = [_cell(by_field.get((code, field.pk), 0), highest_cell) for field in fields]
        within = region is not None and code == region.code
        drillable = division is not None and not within
        places.append(Place(division, _cell(count, highest), cells, drillable, within))
    counted_at = counted_when(kind_key) if uses_rollup(scope) else None
    return TalentMap(
        kind, scope, region, lineage, fields, places, shown(sum(totals.values())), counted_at
    )


def counted_when(kind_key: str) -> datetime | None:
    """When the rollup of ``kind_key`` was last counted (None: never)."""
    row = TalentCount.objects.filter(kind=kind_key).values_list("counted_at", flat=True)
    return row.first()


def _lineage(region: Region | None) -> list[Region]:
    return region_lineage(region) if region else []
