"""A posting's pages: the form with good and bad input, review, confidential details."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.forms.uploads import MAX_ATTACHMENT_SIZE
from projects.models import Challenge, Project, Status
from projects.rules import NOT_A_MEMBER
from projects.services.claims import accept_claim, claim_posting
from projects.services.postings import publish_posting, withdraw_posting
from talentbridge.queries import audit_entries_for
from tests.factories import (
    ChallengeFactory,
    IndustryChainFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.projects.views.pages import (
    client_as,
    count_queries,
    demand_data,
    url,
)

pytestmark = pytest.mark.django_db


def test_create_demand_and_submit(enterprise_user, client_for):
    field = IndustryChainFactory()
    response = client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]),
        {**demand_data(), "fields": [field.pk], "submit": "1"},
    )
    posting = Challenge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == posting.get_absolute_url()
    assert posting.status == Status.SUBMITTED
    assert list(posting.fields.all()) == [field]
    assert posting.poster_organization.name == "四创科技有限公司"


def test_create_project_with_attachment(mentor_user, expert, client_for):
    pdf = SimpleUploadedFile("项目书.pdf", b"%PDF-1.7 plan", content_type="application/pdf")
    response = client_for(mentor_user).post(
        reverse("projects:posting_create", args=["projects"]),
        {
            "title": "铝合金绿色制备及数智技术",
            "summary": "轻合金",
            "slots": "1",
            "stage": "mature",
            "seeks_landing": "on",
            "intended_investment": "50000000",
            "post_as": f"mentor:{expert.pk}",
            "attachments": [pdf],
        },
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.poster_mentor == expert
    assert [a.name for a in project.attachments.all()] == ["项目书.pdf"]
    assert project.status == Status.DRAFT


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "ab"}, "title", "Give a title of at least 4 characters."),
        ({"deadline": "2020-01-01"}, "deadline", "The deadline cannot be in the past."),
        ({"deadline": "not-a-date"}, "deadline", "Enter a valid date."),
        ({"slots": "0"}, "slots", "Between 1 and 50 claims can be accepted."),
        (
            {"reward_min": "500000", "reward_max": "1000"},
            "reward_max",
            "The upper bound is below the lower bound.",
        ),
        ({"reward_min": "-5"}, "reward_min", "Ensure this value is greater than or equal to 0."),
        (
            {"organization_name": ""},
            "organization_name",
            "Choose who posts this, or name your organisation.",
        ),
    ],
)
def test_demand_form_bad_input(overrides, field, message, enterprise_user, client_for, settings):
    settings.LANGUAGE_CODE = "en"
    client = client_for(enterprise_user)
    client.cookies["tb_language"] = "en"
    response = client.post(
        reverse("projects:posting_create", args=["challenges"]), demand_data(**overrides)
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert Challenge.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("big.pdf", b"%PDF-" + b"0" * MAX_ATTACHMENT_SIZE, "too_large"),
        ("virus.exe", b"MZ\x90\x00", "wrong_type"),
        ("fake.pdf", b"<script>alert(1)</script>", "wrong_type"),
        ("photo.png", b"\xff\xd8\xff\xe0 jpeg named png", "wrong_type"),
    ],
)
def test_bad_upload_is_refused(name, content, code, enterprise_user, client_for):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    response = client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]),
        {**demand_data(), "attachments": [upload]},
    )
    assert response.status_code == 200
    codes = [e.code for e in response.context["form"].errors.as_data()["attachments"]]
    assert codes == [code]
    assert Challenge.objects.count() == 0


def test_script_in_title_is_shown_escaped(enterprise_user, company, client_for):
    hostile = '<script>alert("x")</script>泵站'
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, title=hostile)
    posting.search_text = hostile.casefold()
    posting.save()
    for path in (
        posting.get_absolute_url(),
        reverse("projects:board", args=["challenges"]),
        reverse("projects:onsite"),
    ):
        body = client_for(enterprise_user).get(path).content.decode()
        assert "<script>alert" not in body
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;泵站" in body


def test_send_back_without_comment_keeps_it_submitted(organizer, postings, client_for):
    posting = postings["submitted"]
    path = reverse("projects:posting_send_back", args=["challenges", posting.pk])
    response = client_for(organizer).post(path, {"comment": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    posting.refresh_from_db()
    assert posting.status == Status.SUBMITTED


def test_review_queue_publishes_in_one_click(organizer, postings, client_for):
    posting = postings["submitted"]
    path = reverse("projects:posting_action", args=["challenges", posting.pk, "publish"])
    response = client_for(organizer).post(path, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="review-challenges-{posting.pk}"' in response.content.decode()
    posting.refresh_from_db()
    assert posting.status == Status.PUBLISHED


def test_confidential_details_only_after_acceptance(users, postings):
    posting = postings["published"]
    posting.confidential = True
    posting.details = "机密：泵站编号 X-42"
    posting.save()
    detail = url("published", postings)
    assert "X-42" not in client_as(users["mentor"]).get(detail).content.decode()
    assert "X-42" not in client_as(None).get(detail).content.decode()
    assert "X-42" in client_as(users["owner"]).get(detail).content.decode()
    accept_claim(postings["claim"], actor=users["owner"])
    assert "X-42" in client_as(users["mentor"]).get(detail).content.decode()


def test_my_postings_query_count_is_constant(enterprise_user, company, client_for):
    client = client_for(enterprise_user)

    def add():
        posting = ChallengeFactory(owner=enterprise_user, poster_organization=company)
        for _ in range(2):
            claim_posting(
                posting,
                actor=UserFactory(is_mentor=True),
                approach="a",
                timeline="b",
                expected_result="c",
            )

    add()
    one = count_queries(client, reverse("projects:my_postings"))
    for _ in range(9):
        add()
    assert count_queries(client, reverse("projects:my_postings")) == one


# --- Posting in someone else's name, hostile ids, open redirects, the audit trail ----------


def test_posting_as_an_existing_organisation_of_others_is_refused(enterprise_user, client_for):
    OrganizationFactory(name="中国科学院")
    response = client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]),
        demand_data(post_as="", organization_name="中国科学院", submit="1"),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["organization_name"]
    assert errors == [str(NOT_A_MEMBER % {"name": "中国科学院"})]
    assert Challenge.objects.count() == 0
    assert not enterprise_user.organizations.filter(name="中国科学院").exists()
    # The refused organisation never appears among the user's posters.
    form_page = client_for(enterprise_user).get(
        reverse("projects:posting_create", args=["challenges"])
    )
    assert "中国科学院" not in form_page.content.decode()


def test_posting_as_a_member_of_an_existing_organisation(enterprise_user, company, client_for):
    response = client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]),
        demand_data(post_as="", organization_name=company.name),
    )
    assert response.status_code == 302
    assert Challenge.objects.get().poster_organization == company


def test_posting_with_a_new_organisation_name_makes_the_poster_its_member(
    enterprise_user, client_for
):
    client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]),
        demand_data(post_as="", organization_name="晋安新材料有限公司"),
    )
    organization = Challenge.objects.get().poster_organization
    assert organization.name == "晋安新材料有限公司"
    assert list(organization.members.all()) == [enterprise_user]


@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "abc", "1e5"])
def test_field_ids_beyond_64_bits_are_a_form_error(value, enterprise_user, client_for):
    response = client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]), {**demand_data(), "fields": value}
    )
    assert response.status_code == 200
    assert "fields" in response.context["form"].errors
    assert Challenge.objects.count() == 0


@pytest.mark.parametrize(
    "target", ["https://evil.example/phish", "//evil.example/", "/\\evil.example", "http:evil"]
)
def test_publish_never_follows_next_to_another_host(target, organizer, postings, client_for):
    posting = postings["submitted"]
    response = client_for(organizer).post(
        reverse("projects:posting_action", args=["challenges", posting.pk, "publish"]),
        {"next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == posting.get_absolute_url()


def test_publish_follows_next_on_this_site(organizer, postings, client_for):
    posting = postings["submitted"]
    response = client_for(organizer).post(
        reverse("projects:posting_action", args=["challenges", posting.pk, "publish"]),
        {"next": reverse("projects:review_queue")},
    )
    assert response["Location"] == reverse("projects:review_queue")


@pytest.mark.parametrize("path", ["/boards/challenges/99999999999999999999/", "/boards/x/1/"])
def test_ids_the_database_cannot_hold_are_404(path, organizer, client_for):
    assert client_for(organizer).get(path).status_code == 404


def test_posting_transitions_write_the_audit_trail(enterprise_user, organizer, postings):
    posting = postings["submitted"]
    publish_posting(posting, actor=organizer)
    withdraw_posting(posting, actor=enterprise_user)
    entries = audit_entries_for(posting).order_by("created_at", "id")
    assert [(e.action, e.actor, e.changes["status"]) for e in entries] == [
        ("projects.challenge.publish", organizer, ["submitted", "published"]),
        ("projects.challenge.withdraw", enterprise_user, ["published", "withdrawn"]),
    ]


def test_audit_history_is_shown_to_the_posting_managers_only(users, postings, organizer):
    posting = postings["submitted"]
    publish_posting(posting, actor=organizer)
    path = reverse("projects:posting", args=["challenges", posting.pk])
    for role, shown in [("owner", True), ("organizer", True), ("mentor", False)]:
        body = client_as(users[role]).get(path).content.decode()
        assert ("projects.challenge.publish" in body) is shown, role
