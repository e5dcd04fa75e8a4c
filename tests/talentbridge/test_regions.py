"""The region tree: the shipped code list, finding a region by what people write, subtrees,
the form field and its suggestions."""

import pytest
from django.urls import reverse

from talentbridge.forms import PortalForm
from talentbridge.models import Region
from talentbridge.regions import (
    RegionField,
    load_regions,
    match_region,
    region_and_descendants,
    region_lineage,
    resolve_region,
    search_regions,
    within_region,
)
from talentbridge.regions.gazetteer import gazetteer, short_name

JINXIANG, JINING, SHANDONG = "370828", "3708", "37"


def names(codes):
    return [gazetteer().full_name(code) for code in codes]


# --- the code list and matching, without the database -----------------------------------------


def test_code_list_holds_every_level_with_official_codes():
    g = gazetteer()
    by_level = {}
    for division in g.by_code.values():
        by_level[division.level] = by_level.get(division.level, 0) + 1
    assert by_level[1] == 31
    assert 330 <= by_level[2] <= 345
    assert 2900 <= by_level[3] <= 3000
    assert by_level[4] > 40_000
    assert g.full_name(JINXIANG) == "山东省 济宁市 金乡县"
    assert g.by_code["370828101"].name == "羊山镇"


def test_grouping_rows_of_the_code_list_are_not_regions():
    g = gazetteer()
    assert "1101" not in g.by_code  # 北京市 "市辖区"
    assert g.full_name("110105") == "北京市 朝阳区"
    assert "441900" not in g.by_code  # 东莞市 as its own only county
    assert g.by_code["441900003"].parent == "4419"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("金乡县", "金乡"),
        ("山东省", "山东"),
        ("济宁市", "济宁"),
        ("广西壮族自治区", "广西"),
        ("新疆维吾尔自治区", "新疆"),
        ("延边朝鲜族自治州", "延边"),
        ("积石山保安族东乡族撒拉族自治县", "积石山"),
        ("神农架林区", "神农架"),
        ("浦东新区", "浦东"),
        ("羊山镇", "羊山"),
        ("赵县", ""),
        ("北京经济技术开发区", ""),
    ],
)
def test_short_names_drop_the_suffix(name, short):
    assert short_name(name) == short


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("金乡", ["山东省 济宁市 金乡县"]),
        ("金乡县", ["山东省 济宁市 金乡县"]),
        ("山东", ["山东省"]),
        ("济宁", ["山东省 济宁市"]),
        ("370828", ["山东省 济宁市 金乡县"]),
        ("山东省济宁市金乡县", ["山东省 济宁市 金乡县"]),
        ("山东 金乡", ["山东省 济宁市 金乡县"]),
        ("山东金乡羊山镇", ["山东省 济宁市 金乡县 羊山镇"]),
        ("河南省嵩县城关镇", ["河南省 洛阳市 嵩县 城关镇"]),
        ("河南省 … 嵩县 … 城关镇", ["河南省 洛阳市 嵩县 城关镇"]),
        ("嵩县，城关镇", ["河南省 洛阳市 嵩县 城关镇"]),
        ("金乡镇", ["浙江省 温州市 苍南县 金乡镇"]),
        ("北京 朝阳", ["北京市 朝阳区"]),
        ("内蒙古", ["内蒙古自治区"]),
        ("ＳＨ山东", []),
    ],
)
def test_a_name_at_any_level_and_in_part_finds_its_region(text, expected):
    assert names(gazetteer().match(text)) == expected


def test_an_ambiguous_name_finds_all_its_regions_until_a_parent_is_named():
    g = gazetteer()
    assert len(g.match("城关镇")) == 88
    assert len(g.match("河南省 城关镇")) == 23
    assert names(g.match("城关镇", within="410325")) == ["河南省 洛阳市 嵩县 城关镇"]
    assert names(g.match("羊山镇")) == [
        "辽宁省 朝阳市 朝阳县 羊山镇",
        "山东省 济宁市 金乡县 羊山镇",
    ]
    assert names(g.match("羊山镇", within=SHANDONG)) == ["山东省 济宁市 金乡县 羊山镇"]


def test_the_largest_division_of_a_name_wins():
    # 金乡 is the county, not 金乡街道 inside it nor the town 金乡镇 in Zhejiang.
    assert gazetteer().match("金乡") == [JINXIANG]
    assert gazetteer().match("吉林") == ["22"]
    assert gazetteer().match("吉林市") == ["2202"]


def test_a_prefix_is_a_suggestion_not_an_answer():
    g = gazetteer()
    assert g.match("济") == []
    assert g.match("香港") == []
    assert names(g.search("济")[:2]) == ["山东省 济南市", "山东省 济宁市"]
    assert names(g.search("山东省济")[:2]) == ["山东省 济南市", "山东省 济宁市"]
    assert g.search("金乡")[0] == JINXIANG


@pytest.mark.parametrize(
    "text", ["", " ", "\x00", "😀", "长" * 25_000, "北京" * 40, "99999999999999999999", "<b>"]
)
def test_hostile_text_matches_nothing_quickly(text):
    assert gazetteer().match(text) == []
    assert len(gazetteer().search(text)) <= 20


# --- the Region table ---------------------------------------------------------------------------


@pytest.fixture
def regions(db):
    """The data migration loaded the tree; transactional tests elsewhere may have emptied it."""
    load_regions()
    return Region.objects


def test_the_data_migration_loads_the_whole_tree(regions):
    assert regions.count() == len(gazetteer().by_code)
    jinxiang = regions.get(code=JINXIANG)
    assert (jinxiang.name, jinxiang.level, jinxiang.full_name) == (
        "金乡县",
        Region.Level.COUNTY,
        "山东省 济宁市 金乡县",
    )
    assert jinxiang.parent.code == JINING
    assert jinxiang.parent.parent.code == SHANDONG
    assert regions.get(code="110105").parent.code == "11"
    assert load_regions() == 0


def test_loading_again_fills_only_what_is_missing(regions):
    regions.filter(code__startswith=JINXIANG, level=Region.Level.TOWN).delete()
    assert load_regions() == 13
    assert regions.get(code="370828101").parent.code == JINXIANG


def test_resolve_region_returns_rows(regions):
    assert resolve_region("金乡").code == JINXIANG
    assert resolve_region("山东").code == SHANDONG
    assert resolve_region("济宁").code == JINING
    assert resolve_region("城关镇") is None
    henan_songxian = regions.get(code="410325")
    assert resolve_region("城关镇", parent=henan_songxian).full_name == "河南省 洛阳市 嵩县 城关镇"
    assert resolve_region("没有这个地方") is None


def test_match_region_says_how_many_an_ambiguous_name_could_be(regions):
    found = match_region("城关镇")
    assert found.region is None
    assert found.is_ambiguous
    assert found.count == 88
    assert len(found.candidates) == 5
    assert all(region.name == "城关镇" for region in found.candidates)
    unknown = match_region("霍格沃茨")
    assert (unknown.region, unknown.count, unknown.is_ambiguous) == (None, 0, False)


def test_search_regions_suggests_rows_in_order(regions):
    assert [r.full_name for r in search_regions("济", limit=2)] == [
        "山东省 济南市",
        "山东省 济宁市",
    ]
    shandong = regions.get(code=SHANDONG)
    assert all(r.code.startswith(SHANDONG) for r in search_regions("城关", parent=shandong))


def test_a_subtree_is_one_indexed_query(regions, django_assert_num_queries):
    jinxiang = regions.get(code=JINXIANG)
    with django_assert_num_queries(1):
        assert region_and_descendants(jinxiang).count() == 14  # the county and its 13 towns
    shandong = regions.get(code=SHANDONG)
    with django_assert_num_queries(1):
        # A filter on a foreign key to Region: everything whose parent lies in Shandong.
        inside = Region.objects.filter(within_region("parent", shandong)).count()
    assert inside == region_and_descendants(shandong).count() - 1  # all but Shandong itself


def test_lineage_runs_from_the_province_down(regions, django_assert_num_queries):
    town = regions.get(code="370828101")
    with django_assert_num_queries(1):
        assert [r.name for r in region_lineage(town)] == ["山东省", "济宁市", "金乡县", "羊山镇"]


# --- the form field and its suggestions -------------------------------------------------------


class HometownForm(PortalForm):
    hometown = RegionField(required=False)


def test_region_field_resolves_partial_names(regions):
    form = HometownForm({"hometown": "金乡"})
    assert form.is_valid()
    assert form.cleaned_data["hometown"].code == JINXIANG
    empty = HometownForm({"hometown": ""})
    assert empty.is_valid()
    assert empty.cleaned_data["hometown"] is None


def test_region_field_says_when_a_name_is_ambiguous(regions):
    form = HometownForm({"hometown": "城关镇"})
    assert not form.is_valid()
    message = form.errors["hometown"][0]
    assert "88" in message
    assert "城关镇" in message
    assert HometownForm({"hometown": "河南省 嵩县 城关镇"}).is_valid()


def test_region_field_says_when_a_name_is_unknown(regions):
    form = HometownForm({"hometown": "霍格沃茨"})
    assert not form.is_valid()
    assert "霍格沃茨" in form.errors["hometown"][0]
    assert form.errors.as_data()["hometown"][0].code == "unknown"


def test_region_field_inside_a_parent(regions):
    class TownForm(PortalForm):
        town = RegionField(within=regions.get(code="410325"))

    form = TownForm({"town": "城关镇"})
    assert form.is_valid()
    assert form.cleaned_data["town"].code.startswith("410325")


def test_region_field_shows_a_region_by_its_full_name(regions):
    jinxiang = regions.get(code=JINXIANG)
    form = HometownForm(initial={"hometown": jinxiang.pk})
    html = str(form["hometown"])
    assert 'value="山东省 济宁市 金乡县"' in html
    assert 'list="id_hometown-regions"' in html
    assert reverse("region_suggest") in html
    assert not HometownForm(
        {"hometown": "山东省 济宁市 金乡县"}, initial={"hometown": jinxiang.pk}
    ).has_changed()


def test_suggestions_list_matching_regions(client, regions):
    response = client.get(reverse("region_suggest"), {"field": "hometown", "hometown": "金乡"})
    assert response.status_code == 200
    assert '<option value="山东省 济宁市 金乡县">' in response.content.decode()
    inside = client.get(
        reverse("region_suggest"), {"field": "town", "town": "城关", "within": SHANDONG}
    )
    assert "河南" not in inside.content.decode()
    hostile = {"field": "x", "x": "\x01", "within": "\x01"}
    assert client.get(reverse("region_suggest"), hostile).status_code == 200
    nul = {"field": "x", "x": "\x00", "within": "\x00"}
    assert client.get(reverse("region_suggest"), nul).status_code == 400
