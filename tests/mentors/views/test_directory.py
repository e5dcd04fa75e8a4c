"""The expert directory: Chinese and English search, filters, HTMX partials, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from mentors import urls
from mentors.models import Pairing
from mentors.views.directory import CappedPaginator
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
URL = reverse("mentors:mentor_list")


@pytest.fixture
def experts(make_mentor, taxonomy):
    fields, honours = taxonomy["fields"], taxonomy["honours"]
    return {
        "marine": make_mentor(
            name="林海峰",
            fields=[fields["marine_economy"]],
            honours=[honours["academician"]],
            province="福建省",
            city="福州市",
            county="连江县",
            languages="zh en",
        ),
        "ai": make_mentor(
            name="王浩",
            research_fields="AI 机器学习模型的应用",
            fields=[fields["artificial_intelligence"]],
            honours=[honours["leading-talent"]],
            province="福建省",
            city="福州市",
            county="晋安区",
            current_city="清迈",
            country="泰国",
            languages="zh en th",
        ),
        "jinxiang": make_mentor(
            name="胡晓惠",
            bio="先进制造业分布式科技服务",
            province="山东省",
            city="济宁市",
            county="金乡县",
            languages="zh",
            capacity=1,
        ),
    }


def names(response) -> list[str]:
    return [mentor.name for mentor in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("海洋", ["林海峰"]),
        ("人工智能", ["王浩"]),
        ("Marine", ["林海峰"]),
        ("artificial intelligence", ["王浩"]),
        ("机器学习", ["王浩"]),
        ("金乡", ["胡晓惠"]),
        ("院士", ["林海峰"]),
        ("海洋 人工智能", []),
        ("不存在的词", []),
    ],
)
def test_directory_search_in_chinese_and_english(client, experts, query, expected):
    assert names(client.get(URL, {"q": query})) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"field": "marine_economy"}, ["林海峰"]),
        ({"honour": "academician"}, ["林海峰"]),
        ({"region": "overseas"}, ["王浩"]),
        ({"region": "domestic"}, ["林海峰", "胡晓惠"]),
        ({"hometown": "金乡县"}, ["胡晓惠"]),
        ({"hometown": "金乡"}, ["胡晓惠"]),
        ({"hometown": "山东"}, ["胡晓惠"]),
        ({"hometown": "福州市"}, ["林海峰", "王浩"]),
        ({"hometown": "福州"}, ["林海峰", "王浩"]),
        ({"hometown": "福建"}, ["林海峰", "王浩"]),
        ({"hometown": "济南"}, []),
        ({"language": "th"}, ["王浩"]),
        ({"language": "en"}, ["林海峰", "王浩"]),
        ({"sort": "seniority"}, ["林海峰", "王浩", "胡晓惠"]),
    ],
)
def test_directory_filters(client, experts, params, expected):
    assert names(client.get(URL, params)) == expected


def test_directory_has_capacity_filter_counts_accepted_pairings(client, experts, make_mentee):
    Pairing.objects.create(
        mentor=experts["jinxiang"], mentee=make_mentee(), status=Pairing.Status.ACTIVE
    )
    assert names(client.get(URL, {"has_capacity": "on"})) == ["林海峰", "王浩"]


def test_directory_bad_filter_values_are_ignored_with_a_message(client, experts):
    response = client.get(URL, {"field": "nonsense", "sort": "bogus", "page": "x"})
    assert response.status_code == 200
    assert names(response) == ["林海峰", "王浩", "胡晓惠"]
    assert response.context["form"].errors.keys() == {"field", "sort"}


def test_directory_htmx_request_renders_only_the_results(client, experts):
    response = client.get(URL, {"q": "海洋"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "林海峰" in html
    assert response.templates[0].name == "mentors/_mentor_results.html"


def test_directory_full_page_keeps_filters_in_form_and_links(client, experts):
    html = client.get(URL, {"q": "海洋", "hometown": "连江县"}).content.decode()
    assert 'value="海洋"' in html
    assert 'hx-push-url="true"' in html


def test_directory_shows_hostile_names_escaped(client, make_mentor):
    make_mentor(name='<script>alert("x")</script>')
    html = client.get(URL).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize("url_name", ["mentor_list", "mentee_list", "organization_list"])
def test_directory_query_count_is_constant(
    client, organizer, make_mentor, make_mentee, taxonomy, url_name, django_assert_num_queries
):
    client.force_login(organizer)
    url = reverse(f"mentors:{url_name}")
    field = taxonomy["fields"]["marine_economy"]
    honour = taxonomy["honours"]["academician"]

    def add(n):
        for _ in range(n):
            organization = OrganizationFactory()
            organization.fields.add(field)
            make_mentor(affiliation=organization, fields=[field], honours=[honour])
            make_mentee(organization=organization, fields=[field])

    add(1)
    with CaptureQueriesContext(connection) as captured:
        assert len(client.get(url).context["page"].object_list) == 1
    with_one = len(captured)
    add(19)
    with django_assert_num_queries(with_one):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 20


def test_directory_count_stops_at_the_cap(client, experts, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 2)
    response = client.get(URL, {"page": "9"})

    assert response.context["page"].paginator.capped is True
    assert response.context["page"].number == 1
    assert "超过 2 位专家符合条件" in response.content.decode()


def test_hometown_view_matches_part_of_a_place_name(client, experts):
    url = reverse("mentors:hometown_list")

    groups = client.get(url, {"place": "金乡"}).context["groups"]
    assert [(g["province"], g["county"], g["experts"]) for g in groups] == [("山东省", "金乡县", 1)]
    assert {g["county"] for g in client.get(url, {"place": "福建"}).context["groups"]} == {
        "晋安区",
        "连江县",
    }
    assert len(client.get(url).context["groups"]) == 3


def test_mentee_and_organisation_directories_match_part_of_a_place(client, organizer, make_mentee):
    make_mentee(name="陈晓青", province="山东省", city="济宁市", county="金乡县")
    make_mentee(name="林晓", province="福建省", city="福州市")
    OrganizationFactory(name="金乡蒜业", province="山东省", county="金乡县")
    client.force_login(organizer)

    mentees = client.get(reverse("mentors:mentee_list"), {"place": "金乡"})
    organizations = client.get(reverse("mentors:organization_list"), {"place": "山东"})

    assert [m.name for m in mentees.context["page"]] == ["陈晓青"]
    assert [o.name for o in organizations.context["page"]] == ["金乡蒜业"]


@pytest.mark.parametrize(
    ("url_name", "dataset"),
    [
        ("mentor_list", "mentors"),
        ("mentee_list", "mentees"),
        ("organization_list", "organizations"),
    ],
)
def test_directory_export_buttons_lead_to_the_one_export_pipeline(
    client, organizer, mentor_user, url_name, dataset
):
    url = reverse(f"mentors:{url_name}")
    client.force_login(organizer)
    html = client.get(url, {"q": "海洋", "page": "2"}).content.decode()
    for fmt in ("xlsx", "csv"):
        export = reverse("events:platform_export", kwargs={"dataset": dataset, "fmt": fmt})
        assert f'href="{export}?q=%E6%B5%B7%E6%B4%8B"' in html

    client.force_login(mentor_user)
    html = client.get(url).content.decode()
    assert reverse("events:platform_export", kwargs={"dataset": dataset, "fmt": "csv"}) not in html


def test_the_people_export_of_the_directory_is_gone():
    assert not [p for p in urls.urlpatterns if "export" in str(p.pattern)]
    with pytest.raises(NoReverseMatch):
        reverse("mentors:export", args=["mentors", "csv"])


def test_directory_pages_link_to_the_next_page_of_the_results(client, organizer, make_mentor):
    for n in range(21):
        make_mentor(name=f"专家{n:02d}")
    html = client.get(URL, {"q": "专家"}).content.decode()
    assert 'hx-select="#mentor-results"' in html
    assert "?q=%E4%B8%93%E5%AE%B6&amp;page=2" in html
    page = client.get(URL, {"q": "专家", "page": "2"}, headers={"HX-Request": "true"})
    assert [m.name for m in page.context["page"]] == ["专家20"]
