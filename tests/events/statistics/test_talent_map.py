"""The talent map's figures against the hand-counted world of ``conftest.py``."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.statistics.talent_map import (
    MapScope,
    counts_by_region,
    counts_by_region_and_field,
    shade,
    shown,
    talent_map,
)
from talentbridge.models import Region
from tests.factories import MentorFactory


def _region(code):
    return Region.objects.get(code=code)


def test_experts_of_an_office_at_each_level(world):
    scope = MapScope(world["office_a"])
    assert counts_by_region("experts", scope, None) == {"37": 9, "": 1}
    assert counts_by_region("experts", scope, _region("37")) == {"3708": 7, "3701": 2}
    assert counts_by_region("experts", scope, _region("3708")) == {"370828": 6, "370827": 1}
    assert counts_by_region("experts", scope, _region("370828")) == {"370828": 6}


def test_other_kinds_of_an_office(world):
    scope = MapScope(world["office_a"])
    # The closed demand and the landed one are not open; the landing counts where it landed.
    assert counts_by_region("demands", scope, _region("3708")) == {"370828": 9, "370827": 2}
    assert counts_by_region("organizations", scope, None) == {"37": 3}
    assert counts_by_region("landings", scope, _region("37")) == {"3708": 1}
    assert counts_by_region("mentees", scope, None) == {}


def test_office_sees_only_what_it_holds_and_the_platform_sees_all(world):
    assert counts_by_region("experts", MapScope(world["office_b"]), None) == {"35": 1}
    assert counts_by_region("demands", MapScope(world["office_b"]), None) == {}
    assert counts_by_region("experts", MapScope(), None) == {"37": 10, "35": 1, "": 1}


def test_counts_by_region_and_field(world):
    ai, marine = world["ai"].pk, world["marine"].pk
    scope = MapScope(world["office_a"])
    assert counts_by_region_and_field("experts", scope, _region("37")) == {
        ("3708", ai): 7,
        ("3701", marine): 2,
    }
    assert counts_by_region_and_field("landings", scope, None) == {("37", ai): 1}


def test_small_cells_are_shown_as_under_five():
    assert [shown(n) for n in (0, 1, 4, 5, 123)] == ["0", "< 5", "< 5", "5", "123"]
    assert shade(3, 1000) == 1
    assert shade(1000, 1000) == 5
    assert shade(0, 10) == 0


def test_map_rows_by_count_with_small_cells_hidden(world):
    figures = talent_map("experts", MapScope(world["office_a"]), _region("3708"))
    assert [place.region.code for place in figures.places] == ["370828", "370827"]
    assert [place.total.text for place in figures.places] == ["6", "< 5"]
    assert [place.drillable for place in figures.places] == [True, True]
    assert [field.slug for field in figures.fields] == ["ai"]
    assert figures.total == "7"
    assert [region.code for region in figures.lineage] == ["37", "3708"]


def test_a_county_shows_itself_and_stops(world):
    figures = talent_map("experts", MapScope(world["office_a"]), _region("370828"))
    [place] = figures.places
    assert (place.within, place.drillable, place.total.text) == (True, False, "6")


def test_unlinked_rows_are_counted_apart_at_the_top(world):
    figures = talent_map("experts", MapScope(world["office_a"]), None)
    assert [(p.region.code if p.region else None, p.total.text) for p in figures.places] == [
        ("37", "9"),
        (None, "< 5"),
    ]


@pytest.mark.parametrize("code", [None, "37", "3708", "370828"])
def test_map_costs_the_same_queries_whatever_the_rows(world, code):
    region = _region(code) if code else None
    scope = MapScope(world["office_a"])
    with CaptureQueriesContext(connection) as few:
        talent_map("experts", scope, region)
    for _ in range(5):
        MentorFactory(
            user=None, name="专家", email="", province="山东省", city="济宁市", county="金乡县"
        ).fields.add(world["marine"])
    with CaptureQueriesContext(connection) as many:
        talent_map("experts", MapScope(), region)
    assert len(many.captured_queries) == len(few.captured_queries) <= 5
