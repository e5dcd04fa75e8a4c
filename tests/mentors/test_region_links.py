"""Profiles point to the region tree; filters accept any level and partial names."""

import pytest

from mentors.models import Mentor
from mentors.queries import MentorFilters, mentor_directory
from mentors.regions import link_regions, place_code
from tests.factories import MentorFactory

pytestmark = pytest.mark.django_db


def test_place_code_reads_written_places():
    assert place_code("山东省", "济宁市", "金乡县") == "370828"
    assert place_code("北京市", "北京市", "海淀区") == "110108"
    assert place_code("", "", "金乡") == "370828"
    assert place_code("山东省", "济宁市", "没有这个县") == "3708"
    # An ambiguous county-level name falls back to what is certain: the province.
    assert place_code("河南省", "", "城关镇") == "41"
    assert place_code("", "", "城关镇") == ""
    assert place_code("河南省", "洛阳市", "嵩县", "城关镇").startswith("410325")
    assert place_code("", "", "") == ""
    # The province wins over a city of another province.
    assert place_code("山东省", "福州市", "") == "37"


def _expert(name, province, city, county, **extra):
    return MentorFactory(name=name, province=province, city=city, county=county, **extra)


@pytest.fixture
def hometowns():
    return {
        "jinxiang": _expert("金乡人", "山东省", "济宁市", "金乡县"),
        "county_only": _expert("只写县", "", "", "金乡县"),
        "yutai": _expert("鱼台人", "山东省", "济宁市", "鱼台县"),
        "jinan": _expert("济南人", "山东省", "济南市", "历下区"),
        "henan": _expert("河南人", "河南省", "洛阳市", "嵩县"),
        "unknown": _expert("亚特兰蒂斯人", "亚特兰蒂斯", "", ""),
    }


def _names(place):
    return sorted(m.name for m in mentor_directory(MentorFilters(hometown=place)))


def test_saving_links_the_region(hometowns):
    assert hometowns["jinxiang"].region.code == "370828"
    assert hometowns["county_only"].region.code == "370828"
    assert hometowns["unknown"].region is None


def test_hometown_filter_accepts_any_level_and_partial_names(hometowns):
    assert _names("金乡") == ["只写县", "金乡人"]
    assert _names("金乡县") == ["只写县", "金乡人"]
    # 济宁 finds the county written without its city, through the tree.
    assert _names("济宁") == ["只写县", "金乡人", "鱼台人"]
    assert _names("山东") == ["只写县", "济南人", "金乡人", "鱼台人"]
    assert _names("370828") == ["只写县", "金乡人"]
    # A place the tree does not know is matched by its text.
    assert _names("亚特兰蒂斯") == ["亚特兰蒂斯人"]
    # An ambiguous name with its parent is resolved; alone it matches by text only.
    assert _names("河南 嵩县") == ["河南人"]
    assert _names("城关镇") == []


def test_bulk_written_rows_are_linked(hometowns):
    Mentor.objects.filter(pk=hometowns["yutai"].pk).update(region=None)
    assert link_regions(Mentor, [hometowns["yutai"].pk]) == 1
    hometowns["yutai"].refresh_from_db()
    assert hometowns["yutai"].region.name == "鱼台县"


def test_hometown_filter_runs_one_query(hometowns, django_assert_num_queries):
    # One to resolve the place, one for the page.
    with django_assert_num_queries(2):
        assert (
            len(
                list(
                    Mentor.objects.filter(
                        pk__in=mentor_directory(MentorFilters(hometown="济宁")).values("pk")
                    )
                )
            )
            == 3
        )
