"""The talent map's rollup gives the live figures at every level, for the platform and for
each office, and says when it was counted."""

import pytest

from events.models import TalentCount
from events.services.talent_map import refresh_talent_counts
from events.statistics.gaps import gap_table
from events.statistics.talent_map import KINDS, MapScope, talent_map
from talentbridge.models import Region

pytestmark = pytest.mark.django_db

LEVELS = [None, "37", "3708", "370828"]


def _figures(kind, code, office=None):
    region = Region.objects.get(code=code) if code else None
    figures = talent_map(kind, MapScope(office), region)
    places = [
        (p.region.code if p.region else None, p.total.text, [c.text for c in p.cells])
        for p in figures.places
    ]
    return places, [f.slug for f in figures.fields], figures.total


def _gaps(code, office=None):
    region = Region.objects.get(code=code) if code else None
    rows = gap_table(MapScope(office), region).rows
    return [(g.region.code, g.field.slug, g.demands, g.firms, g.experts, g.band) for g in rows]


def test_rollup_gives_the_live_figures(world, settings):
    offices = [None, world["office_a"], world["office_b"]]
    settings.TALENT_MAP_ROLLUP = False
    live = {(k, c, o): _figures(k, c, o) for k in KINDS for c in LEVELS for o in offices}
    live_gaps = {(c, o): _gaps(c, o) for c in LEVELS for o in offices}
    assert refresh_talent_counts() == TalentCount.objects.count() > 0
    settings.TALENT_MAP_ROLLUP = True
    assert {(k, c, o): _figures(k, c, o) for k in KINDS for c in LEVELS for o in offices} == live
    assert {(c, o): _gaps(c, o) for c in LEVELS for o in offices} == live_gaps
    assert talent_map("experts", MapScope(), None).counted_at is not None


def test_rollup_is_rebuilt_whole_and_idempotent(world, settings):
    first = refresh_talent_counts()
    assert refresh_talent_counts() == first == TalentCount.objects.count()
    settings.TALENT_MAP_ROLLUP = True
    assert talent_map("experts", MapScope(world["office_a"]), None).counted_at is not None
    settings.TALENT_MAP_ROLLUP = False
    assert talent_map("experts", MapScope(world["office_a"]), None).counted_at is None
