"""A posting's pages: the form with good and bad input, review, confidential details."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.forms.uploads import MAX_ATTACHMENT_SIZE
from projects.models import Challenge, Project, Status
from projects.services.claims import accept_claim, claim_posting
from tests.factories import ChallengeFactory, IndustryChainFactory, UserFactory
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
