"""The fields and honours lists organizers edit: permissions, add, edit, rename, delete."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from playwright.sync_api import expect

from mentors.models import Honour, IndustryChain, Mentor, Organization
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "mentor", "mentee", "enterprise", "organizer", "admin")
LOGIN = 302  # anonymous visitors are sent to the login page


def _client(role: str) -> Client:
    client = Client()
    if role != "anonymous":
        flags = {"admin": {"is_admin": True, "is_staff": True}}.get(role, {f"is_{role}": True})
        client.force_login(UserFactory(**flags))
    return client


def _in_english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _htmx(client: Client, path: str, data: dict | None = None):
    if data is None:
        return client.get(path, headers={"HX-Request": "true"})
    return client.post(path, data, headers={"HX-Request": "true"})


@pytest.mark.parametrize(
    ("role", "expected"),
    zip(ROLES, (LOGIN, 404, 404, 404, 200, 200), strict=True),
)
def test_taxonomy_urls_by_role(role, expected, taxonomy):
    client = _client(role)
    field = taxonomy["fields"]["biomedicine"]
    post_expected = expected if expected != 200 else None
    assert client.get(reverse("mentors:taxonomy")).status_code == expected
    edit = reverse("mentors:taxonomy_edit", args=["fields", field.pk])
    assert client.get(edit).status_code == expected
    add = reverse("mentors:taxonomy_add", args=["honours"])
    data = {"honours-slug": "new", "honours-name_zh": "新", "honours-name_en": "New"}
    response = client.post(add, {**data, "honours-level": 3, "honours-order": 1})
    assert response.status_code == (post_expected or 302)
    delete = reverse("mentors:taxonomy_delete", args=["fields", field.pk])
    assert client.post(delete).status_code == (post_expected or 302)
    assert IndustryChain.objects.filter(pk=field.pk).exists() == (expected != 200)
    assert Honour.objects.filter(slug="new").exists() == (expected == 200)


def test_taxonomy_unknown_list_is_404_for_organizers():
    client = _client("organizer")
    assert client.post(reverse("mentors:taxonomy_add", args=["colours"])).status_code == 404


def test_taxonomy_page_lists_both_lists_with_uses(taxonomy, make_mentor):
    make_mentor(fields=[taxonomy["fields"]["marine_economy"]])
    client = _client("organizer")
    page = client.get(reverse("mentors:taxonomy")).content.decode()
    assert "海洋经济" in page
    assert "领军人才" in page
    assert 'id="taxonomy-fields-add"' in page
    assert 'id="taxonomy-honours-add"' in page


def test_taxonomy_page_queries_do_not_grow_with_entries(
    taxonomy, django_assert_num_queries, client
):
    client.force_login(UserFactory(is_organizer=True))
    url = reverse("mentors:taxonomy")
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    tables = ('"mentors_industrychain"', '"mentors_honour"')
    lists = [q for q in captured.captured_queries if any(t in q["sql"] for t in tables)]
    assert len(lists) == 2  # one query per list, with the uses counted in it
    for n in range(20):
        IndustryChain.objects.create(slug=f"extra-{n}", name_zh=f"领域{n}", name_en=f"F{n}")
    with django_assert_num_queries(len(captured)):
        client.get(url)


def test_add_field_inline_returns_the_new_row_and_a_fresh_form():
    client = _client("organizer")
    data = {
        "fields-slug": "Low_Altitude",
        "fields-name_zh": " 低空经济 ",
        "fields-name_en": "Low-altitude economy",
        "fields-order": "5",
    }
    response = _htmx(client, reverse("mentors:taxonomy_add", args=["fields"]), data)
    assert response.status_code == 200
    field = IndustryChain.objects.get()
    assert (field.slug, field.name_zh, field.order) == ("low_altitude", "低空经济", 5)
    html = response.content.decode()
    assert f'id="taxonomy-fields-{field.pk}"' in html
    assert 'hx-swap-oob="beforeend:#taxonomy-fields-rows"' in html
    assert 'value="low_altitude"' not in html.split("<template>")[0]


def test_add_with_bad_slug_rerenders_the_form_with_the_translated_error():
    client = _client("organizer")
    data = {"fields-slug": "低空", "fields-name_zh": "低空经济", "fields-name_en": "Low altitude"}
    data["fields-order"] = "5"
    response = _htmx(client, reverse("mentors:taxonomy_add", args=["fields"]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [
        "只能使用小写字母、数字、“-”和“_”，并以字母或数字开头。"
    ]
    assert IndustryChain.objects.count() == 0


def test_edit_with_a_duplicate_slug_says_which_entry_uses_it(taxonomy):
    client = _client("organizer")
    field = taxonomy["fields"]["biomedicine"]
    path = reverse("mentors:taxonomy_edit", args=["fields", field.pk])
    prefix = f"fields-{field.pk}"
    data = {
        f"{prefix}-slug": "marine_economy",
        f"{prefix}-name_zh": "生物医药",
        f"{prefix}-name_en": "Biomedicine",
        f"{prefix}-order": "100",
    }
    response = _htmx(client, path, data)
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == ["代码“marine_economy”已被“海洋经济”使用。"]
    assert f'id="taxonomy-fields-{field.pk}"' in response.content.decode()
    response = _htmx(_in_english(client), path, data)
    assert "The code “marine_economy” is already used by “Marine economy”." in (
        response.content.decode()
    )
    field.refresh_from_db()
    assert field.slug == "biomedicine"


def test_edit_with_a_duplicate_name_is_refused(taxonomy):
    client = _client("organizer")
    honour = taxonomy["honours"]["leading-talent"]
    prefix = f"honours-{honour.pk}"
    data = {
        f"{prefix}-slug": "leading-talent",
        f"{prefix}-name_zh": "院士",
        f"{prefix}-name_en": "Leading talent",
        f"{prefix}-level": "4",
        f"{prefix}-order": "100",
    }
    response = _htmx(client, reverse("mentors:taxonomy_edit", args=["honours", honour.pk]), data)
    assert response.context["form"].errors["name_zh"] == ["已有名为“院士”的条目。"]


def test_rename_refreshes_search_so_the_directory_finds_the_new_name(
    taxonomy, make_mentor, make_mentee
):
    marine = taxonomy["fields"]["marine_economy"]
    expert = make_mentor(name="林海峰", fields=[marine])
    make_mentor(name="胡晓惠")
    mentee = make_mentee(name="陈小舟", fields=[marine])
    organization = Organization.objects.create(kind="enterprise", name="蓝海公司")
    organization.fields.add(marine)
    client = _client("organizer")
    prefix = f"fields-{marine.pk}"
    data = {
        f"{prefix}-slug": "blue_economy",
        f"{prefix}-name_zh": "蓝色经济",
        f"{prefix}-name_en": "Blue economy",
        f"{prefix}-order": "100",
    }
    path = reverse("mentors:taxonomy_edit", args=["fields", marine.pk])
    response = _htmx(client, path, data)
    assert response.status_code == 200
    assert "蓝色经济" in response.content.decode()
    found = client.get(reverse("mentors:mentor_list"), {"q": "蓝色经济"})
    assert [m.name for m in found.context["page"]] == ["林海峰"]
    assert not client.get(reverse("mentors:mentor_list"), {"q": "海洋经济"}).context["page"]
    mentee.refresh_from_db()
    organization.refresh_from_db()
    assert "蓝色经济" in mentee.search_text
    assert "blue economy" in organization.search_text
    assert "海洋经济" not in Mentor.objects.get(pk=expert.pk).search_text


def test_honour_level_change_refreshes_seniority(taxonomy, make_mentor):
    talent = taxonomy["honours"]["leading-talent"]
    expert = make_mentor(honours=[talent])
    assert expert.honour_level == 4
    prefix = f"honours-{talent.pk}"
    data = {
        f"{prefix}-slug": "leading-talent",
        f"{prefix}-name_zh": "领军人才",
        f"{prefix}-name_en": "Leading talent",
        f"{prefix}-level": "2",
        f"{prefix}-order": "100",
    }
    response = _client("organizer").post(
        reverse("mentors:taxonomy_edit", args=["honours", talent.pk]), data
    )
    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.honour_level == 2


def test_delete_of_a_field_in_use_is_refused_with_the_counts(taxonomy, make_mentor):
    marine = taxonomy["fields"]["marine_economy"]
    make_mentor(fields=[marine])
    make_mentor(fields=[marine])
    ProjectFactory().fields.add(marine)
    client = _client("organizer")
    path = reverse("mentors:taxonomy_delete", args=["fields", marine.pk])
    response = _htmx(client, path, {})
    assert response.status_code == 200
    assert response.context["error"] == "“海洋经济”正在使用中（专家 2、项目 1），不能删除。"
    response = _htmx(_in_english(client), path, {})
    assert response.context["error"] == (
        "“Marine economy” is in use (experts: 2, projects: 1) and cannot be deleted."
    )
    assert IndustryChain.objects.filter(pk=marine.pk).exists()


def test_delete_of_an_unused_entry_removes_the_row(taxonomy):
    honour = taxonomy["honours"]["academician"]
    client = _client("admin")
    response = _htmx(client, reverse("mentors:taxonomy_delete", args=["honours", honour.pk]), {})
    assert response.status_code == 200
    assert response.content == b""
    assert not Honour.objects.filter(pk=honour.pk).exists()


def test_nav_links_the_page_for_organizers_only(client):
    organizer = UserFactory(is_organizer=True)
    mentor = UserFactory(is_mentor=True)
    url = reverse("mentors:taxonomy")
    client.force_login(mentor)
    assert url not in client.get(reverse("mentors:mentor_list")).content.decode()
    client.force_login(organizer)
    assert f'href="{url}"' in client.get(reverse("mentors:mentor_list")).content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_organizer_adds_a_field_and_fixes_a_duplicate_code(login_page, live_server):
    IndustryChain.objects.create(
        slug="marine_economy", name_zh="海洋经济", name_en="Marine economy"
    )
    page = login_page(UserFactory(is_organizer=True, language="zh-hans"))
    page.goto(live_server.url + reverse("mentors:taxonomy"))
    form = page.locator("#taxonomy-fields-add")
    form.locator("input[name=fields-slug]").fill("marine_economy")
    form.locator("input[name=fields-name_zh]").fill("低空经济")
    form.locator("input[name=fields-name_en]").fill("Low-altitude economy")
    form.locator("button[type=submit]").click()
    error = page.locator("#taxonomy-fields-add .errorlist")
    error.wait_for()
    assert error.inner_text() == "代码“marine_economy”已被“海洋经济”使用。"
    page.locator("#taxonomy-fields-add input[name=fields-slug]").fill("low_altitude")
    page.locator("#taxonomy-fields-add button[type=submit]").click()
    rows = page.locator("#taxonomy-fields-rows tr")
    expect(rows).to_have_count(2)
    assert "低空经济" in rows.nth(1).inner_text()
    assert page.locator("#taxonomy-fields-add input[name=fields-slug]").input_value() == ""
    assert IndustryChain.objects.filter(slug="low_altitude", name_zh="低空经济").exists()
