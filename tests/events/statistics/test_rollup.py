"""The talent map's platform rollup gives the live figures at every level, and says when it
was counted."""

import pytest

from events.models import TalentCount
from events.services.talent_map import refresh_talent_counts
from events.statistics.gaps import gap_table
from events.statistics.talent_map import KINDS, MapScope, talent_map
from talentbridge.models import Region

pytestmark = pytest.mark.django_db

LEVELS = [None, "37", "3708", "370828"]


def _figures(kind, code):
    region = Region.objects.get(code=code) if code else None
    figures = talent_map(kind, MapScope(), region)
    places = [
        (p.region.code if p.region else None, p.total.text, [c.text for c in p.cells])
        for p in figures.places
    ]
    return places, [f.slug for f in figures.fields], figures.total


def _gaps(code):
    region = Region.objects.get(code=code) if code else None
    rows = gap_table(MapScope(), region).rows
    return [(g.region.code, g.field.slug, g.demands, g.firms, g.experts, g.band) for g in rows]


def test_rollup_gives_the_live_figures(world, settings):
    settings.TALENT_MAP_ROLLUP = False
    live = {(k, c): _figures(k, c) for k in KINDS for c in LEVELS}
    live_gaps = {c: _gaps(c) for c in LEVELS}
    assert refresh_talent_counts() == TalentCount.objects.count() > 0
    settings.TALENT_MAP_ROLLUP = True
    assert {(k, c): _figures(k, c) for k in KINDS for c in LEVELS} == live
    assert {c: _gaps(c) for c in LEVELS} == live_gaps
    assert talent_map("experts", MapScope(), None).counted_at is not None


def test_rollup_is_rebuilt_whole_and_idempotent(world, settings):
    first = refresh_talent_counts()
    assert refresh_talent_counts() == first == TalentCount.objects.count()
    settings.TALENT_MAP_ROLLUP = True
    assert talent_map("experts", MapScope(world["office_a"]), None).counted_at is None
