"""The gap table and the experts for a gap against the hand-counted world of ``conftest.py``."""

from events.statistics.gaps import experts_for_gap, gap_table
from events.statistics.talent_map import MapScope
from talentbridge.models import Region


def test_gaps_in_a_city(world):
    table = gap_table(MapScope(world["office_a"]), Region.objects.get(code="3708"))
    rows = [
        (g.region.code, g.field.slug, g.demands, g.firms, g.experts, g.band) for g in table.rows
    ]
    # 金乡: 9 demands + 3 firms − 6 experts = 6; 鱼台: 2 − 1 = 1.
    assert rows == [
        ("370828", "ai", "9", "< 5", "6", "medium"),
        ("370827", "ai", "< 5", "0", "< 5", "low"),
    ]
    assert table.more == 0


def test_gaps_in_a_province_and_a_county(world):
    scope = MapScope(world["office_a"])
    [row] = gap_table(scope, Region.objects.get(code="37")).rows
    assert (row.region.code, row.demands, row.firms, row.experts, row.band) == (
        "3708",
        "11",
        "< 5",
        "7",
        "medium",
    )
    assert row.drillable
    [county] = gap_table(scope, Region.objects.get(code="370828")).rows
    assert (county.region.code, county.drillable) == ("370828", False)


def test_an_office_without_demand_has_no_gaps(world):
    assert gap_table(MapScope(world["office_b"]), None).rows == []


def test_experts_for_a_gap_put_the_region_own_first(world):
    jinxiang = Region.objects.get(code="370828")
    experts = list(experts_for_gap(jinxiang, world["ai"]))
    assert len(experts) == 10
    assert [expert.from_there for expert in experts] == [1] * 7 + [0] * 3
    # The expert from 福州 works in 济宁市: not “from elsewhere” for 济宁市.
    assert experts_for_gap(Region.objects.get(code="3708"), world["ai"]).count() == 9
