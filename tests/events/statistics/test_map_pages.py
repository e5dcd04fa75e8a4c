"""The talent map, gap and targeted-list pages: who sees whose figures, small cells, bad
input, drill-down links."""

from django.urls import reverse

MAP = reverse("events:talent_map")
GAPS = reverse("events:talent_gaps")


def _client(client, user):
    client.force_login(user)
    return client


def test_an_office_manager_sees_the_office_figures(client, world):
    page = _client(client, world["manager_a"]).get(MAP, {"region": "3708"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "金乡县" in html and "鱼台县" in html
    assert "&lt; 5" in html  # 鱼台's one expert
    assert page.context["map"].scope.office == world["office_a"]
    assert [p.total.text for p in page.context["map"].places] == ["6", "< 5"]


def test_another_office_cannot_be_chosen_nor_the_platform_unless_public(client, world, settings):
    settings.TALENT_MAP_PUBLIC_AGGREGATES = False
    browser = _client(client, world["manager_b"])
    page = browser.get(MAP, {"office": world["office_a"].pk})
    assert page.context["map"].scope.office == world["office_b"]
    assert page.context["form"].errors["office"]
    assert browser.get(MAP, {"office": "all"}).context["map"].scope.office == world["office_b"]
    settings.TALENT_MAP_PUBLIC_AGGREGATES = True
    settings.TALENT_MAP_ROLLUP = False
    public = browser.get(MAP, {"office": "all"}).context["map"]
    assert public.scope.is_platform
    assert [p.total.text for p in public.places] == ["10", "< 5", "< 5"]


def test_the_admin_sees_the_platform_and_any_office(client, admin_user, world):
    browser = _client(client, admin_user)
    assert browser.get(MAP).context["map"].scope.is_platform
    page = browser.get(MAP, {"office": world["office_b"].pk, "kind": "experts"})
    assert page.context["map"].scope.office == world["office_b"]


def test_bad_input_gets_a_message_and_the_default_view(client, world):
    page = _client(client, world["manager_a"]).get(
        MAP, {"region": "99999999", "kind": "secret", "office": "x"}
    )
    assert page.status_code == 200
    assert page.context["form"].errors["region"]
    assert "地图上没有这个地区。" in page.content.decode()
    assert page.context["map"].region is None
    assert page.context["map"].kind.key == "experts"


def test_an_htmx_drill_down_renders_the_map_only(client, world):
    page = _client(client, world["manager_a"]).get(
        MAP, {"region": "37", "kind": "demands"}, headers={"HX-Request": "true"}
    )
    html = page.content.decode()
    assert html.startswith('<div id="talent-map"') and "<html" not in html
    assert 'data-region="3708"' in html


def test_the_gap_table_links_to_the_targeted_lists(client, world):
    page = _client(client, world["manager_a"]).get(GAPS, {"region": "3708"})
    html = page.content.decode()
    directory = reverse("mentors:mentor_list")
    assert f"{directory}?field=ai&amp;hometown=" in html
    assert reverse("events:gap_experts", args=["370828", "ai"]) in html
    listing = client.get(reverse("events:gap_experts", args=["370828", "ai"]))
    assert listing.status_code == 200
    assert len(listing.context["page"].object_list) == 10


def test_people_without_an_office_see_no_map(client, world, django_user_model):
    outsider = django_user_model.objects.create_user(email="x@example.cn", password="x")
    browser = _client(client, outsider)
    assert browser.get(MAP).status_code == 404
    assert browser.get(GAPS).status_code == 404
    assert browser.get(reverse("events:gap_experts", args=["370828", "ai"])).status_code == 404
