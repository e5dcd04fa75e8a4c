"""Profile pages: languages by name, the pending proposal, the history, hostile form input."""

import pytest
from django.conf import settings
from django.urls import reverse

from mentors.models import Holding, Mentee, Mentor, Organization, Pairing
from mentors.services import hold_person
from talentbridge.models import AuditEntry, OfficeRole
from tests.factories import OrganizationFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999"


@pytest.fixture
def parties(make_mentor, make_mentee):
    mentor = make_mentor(user=UserFactory(is_mentor=True), name="左明健", languages="zh en th")
    mentee = make_mentee(user=UserFactory(is_mentee=True), name="陈晓青")
    return mentor, mentee


@pytest.mark.parametrize(
    ("language", "expected"), [("zh-hans", "中文、英语、泰语"), ("en", "Chinese, English, Thai")]
)
def test_expert_page_names_languages_in_the_ui_language(client, parties, language, expected):
    mentor, _mentee = parties
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("mentors:mentor_detail", args=[mentor.pk])).content.decode()
    assert f"<dd>{expected}</dd>" in html
    assert "zh en th" not in html


def test_mentee_sees_the_pending_proposal_instead_of_the_button_after_proposing(client, parties):
    mentor, mentee = parties
    url = reverse("mentors:mentor_detail", args=[mentor.pk])
    client.force_login(mentee.user)
    assert "发起结对" in client.get(url).content.decode()

    data = {"mentor": mentor.pk, "mentee": mentee.pk, "note": "请多指教", "next": url}
    response = client.post(reverse("mentors:pairing_propose"), data, follow=True)

    assert response.redirect_chain == [(url, 302)]
    html = response.content.decode()
    assert "已发出结对提议。" in html
    assert "发起结对" not in html
    assert "结对提议正在等待对方答复。" in html
    assert Pairing.objects.get().status == Pairing.Status.PROPOSED


def test_expert_sees_the_open_pairing_on_the_mentee_page(client, parties):
    mentor, mentee = parties
    Pairing.objects.create(
        mentor=mentor, mentee=mentee, status=Pairing.Status.ACCEPTED, proposed_by=mentee.user
    )
    client.force_login(mentor.user)
    html = client.get(reverse("mentors:mentee_detail", args=[mentee.pk])).content.decode()
    assert "已结对" in html
    assert "发起结对" not in html


def test_ended_pairing_offers_the_button_again(client, parties):
    mentor, mentee = parties
    Pairing.objects.create(mentor=mentor, mentee=mentee, status=Pairing.Status.DISSOLVED)
    client.force_login(mentee.user)
    html = client.get(reverse("mentors:mentor_detail", args=[mentor.pk])).content.decode()
    assert "发起结对" in html


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("organizer", True),
        ("admin", True),
        ("owner", False),
        ("mentor", False),
        ("organizer_flag_only", False),
        ("other_office_manager", False),
        ("reviewer_of_the_office", False),
    ],
)
def test_profile_history_is_shown_to_the_holding_office_managers_only(
    client, parties, role, shown, organizer, home_office, other_office
):
    mentor, mentee = parties
    organization = OrganizationFactory()
    hold_person(home_office, organization, source=Holding.Source.CREATED, actor=None)
    users = {
        "organizer": organizer,
        "admin": UserFactory(is_admin=True),
        "owner": mentor.user,
        "mentor": UserFactory(is_mentor=True),
        "organizer_flag_only": UserFactory(is_organizer=True),
        "other_office_manager": member_of(other_office, OfficeRole.MANAGER),
        "reviewer_of_the_office": member_of(home_office, OfficeRole.REVIEWER),
    }
    client.force_login(users[role])
    pages = [
        reverse("mentors:mentor_detail", args=[mentor.pk]),
        reverse("mentors:mentee_detail", args=[mentee.pk]),
        reverse("mentors:organization_detail", args=[organization.pk]),
    ]
    for page in pages:
        assert ('id="audit-history-title"' in client.get(page).content.decode()) is shown


def test_owner_edit_through_the_form_is_in_the_profile_history(
    client, parties, taxonomy, organizer
):
    mentor, _mentee = parties
    client.force_login(mentor.user)
    data = {
        "name": "左明健",
        "title": "教授",
        "fields": [taxonomy["fields"]["marine_economy"].pk],
        "languages": "zh en",
        "country": "中国",
        "capacity": "3",
        "available": "on",
        "phone": mentor.phone,
        "email": mentor.email,
    }
    response = client.post(reverse("mentors:mentor_edit", args=[mentor.pk]), data)
    assert response.status_code == 302

    entry = AuditEntry.objects.get(action="mentors.mentor.edit")
    assert entry.actor == mentor.user
    assert entry.changes == {
        "title": ["", "教授"],
        "languages": ["zh en th", "zh en"],
        "fields": ["", "海洋经济"],
    }
    client.force_login(organizer)
    html = client.get(reverse("mentors:mentor_detail", args=[mentor.pk])).content.decode()
    assert "<code>mentors.mentor.edit</code>" in html
    assert "<dd>— → 海洋经济</dd>" in html


@pytest.mark.parametrize(
    ("url_name", "model", "field"),
    [
        ("mentors:mentor_create", Mentor, "fields"),
        ("mentors:mentor_create", Mentor, "honours"),
        ("mentors:mentee_create", Mentee, "fields"),
    ],
)
@pytest.mark.parametrize("value", [HUGE, "-1", "0", "abc", "1\x00", "١٢"])
def test_profile_forms_refuse_ids_beyond_64_bits_with_a_form_error(
    client, organizer, url_name, model, field, value
):
    client.force_login(organizer)
    data = {"name": "王浩", "kind": "founder", "capacity": "3", "country": "中国", field: value}

    response = client.post(reverse(url_name), data)

    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert model.objects.count() == 0


def test_organisation_form_refuses_ids_beyond_64_bits(client, organizer, home_office):
    organization = OrganizationFactory()
    hold_person(home_office, organization, source=Holding.Source.CREATED, actor=None)
    client.force_login(organizer)
    data = {"name": "四创科技", "kind": "enterprise", "country": "中国", "fields": [HUGE]}

    response = client.post(reverse("mentors:organization_edit", args=[organization.pk]), data)

    assert response.status_code == 400
    assert response.context["form"].errors["fields"]
    assert Organization.objects.get().name != "四创科技"


@pytest.mark.parametrize(
    "url_name",
    ["mentor_detail", "mentor_edit", "mentee_detail", "mentee_edit", "organization_detail"],
)
def test_ids_beyond_64_bits_in_the_path_are_not_found(client, organizer, url_name):
    client.force_login(organizer)
    response = client.get(reverse(f"mentors:{url_name}", args=[int(HUGE)]))
    assert response.status_code == 404


def test_a_profile_on_file_is_created_for_one_of_the_manager_s_offices(
    client, organizer, home_office, other_office
):
    client.force_login(organizer)
    form = client.get(reverse("mentors:mentor_create")).context["form"]
    assert list(form.fields["office"].queryset) == [home_office]

    data = {"name": "林海峰", "capacity": "3", "country": "中国", "office": other_office.pk}
    refused = client.post(reverse("mentors:mentor_create"), data)
    assert refused.status_code == 400
    assert refused.context["form"].errors["office"]

    created = client.post(reverse("mentors:mentor_create"), {**data, "office": home_office.pk})
    mentor = Mentor.objects.get()
    assert created["Location"] == mentor.get_absolute_url()
    assert [(h.office, h.source, h.created_by) for h in mentor.holdings.all()] == [
        (home_office, Holding.Source.CREATED, organizer)
    ]


def test_a_mentee_on_file_is_held_by_the_office_chosen(client, organizer, home_office):
    client.force_login(organizer)
    data = {"name": "陈晓青", "kind": "founder", "office": home_office.pk}
    client.post(reverse("mentors:mentee_create"), data)
    assert Mentee.objects.get().holdings.get().office == home_office


def test_an_expert_s_own_profile_asks_for_no_office(client, home_office):
    client.force_login(UserFactory(is_mentor=True, name="林海峰"))
    form = client.get(reverse("mentors:mentor_create")).context["form"]
    assert "office" not in form.fields
    assert "honours" not in form.fields
