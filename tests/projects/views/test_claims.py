"""Claims on the pages: the claim form, contacts after acceptance, "my claims"."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.models import Claim
from projects.services.claims import accept_claim, claim_posting
from talentbridge.queries import audit_entries_for
from tests.factories import ChallengeFactory
from tests.projects.views.pages import (
    client_as,
    count_queries,
    url,
)

pytestmark = pytest.mark.django_db


def test_mentor_already_claimed_sees_claim_form_refused(users, postings, client_for):
    # The claimant's open claim makes a second one impossible; the page says so.
    response = client_for(users["mentor"]).post(
        url("claim_form", postings),
        {"approach": "再来", "timeline": "1个月", "expected_result": "结果"},
    )
    assert response.status_code == 200
    assert "您已揭过此榜，且尚未结束。" in response.content.decode()
    assert Claim.objects.filter(claimant=users["mentor"]).count() == 1


def test_bad_upload_on_claim_is_refused(challenge, mentor_user, client_for):
    upload = SimpleUploadedFile("x.docx", b"not a zip", content_type="application/octet-stream")
    response = client_for(mentor_user).post(
        reverse("projects:claim_create", args=["challenges", challenge.pk]),
        {
            "approach": "方案",
            "timeline": "3个月",
            "expected_result": "结果",
            "attachments": [upload],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["attachments"][0].code == "wrong_type"
    assert Claim.objects.count() == 0


def test_empty_claim_form_shows_errors(challenge, mentor_user, client_for):
    response = client_for(mentor_user).post(
        reverse("projects:claim_create", args=["challenges", challenge.pk]), {}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"approach", "timeline", "expected_result"}


def test_htmx_claim_form_returns_partial_with_errors(challenge, mentor_user, client_for):
    response = client_for(mentor_user).post(
        reverse("projects:claim_create", args=["challenges", challenge.pk]),
        {},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert next(t.name for t in response.templates) == "projects/_claim_form.html"


def test_contacts_hidden_until_accepted_then_shown_to_both(users, postings, expert):
    claim = postings["claim"]
    detail = url("published", postings)
    owner, mentor = client_as(users["owner"]), client_as(users["mentor"])
    assert expert.phone not in owner.get(detail).content.decode()
    assert users["owner"].email not in mentor.get(detail).content.decode()
    accept_claim(claim, actor=users["owner"])
    assert expert.phone in owner.get(detail).content.decode()
    assert users["owner"].email in mentor.get(detail).content.decode()
    # A bystander still sees nobody's contacts.
    assert expert.phone not in client_as(users["other_enterprise"]).get(detail).content.decode()


def test_my_claims_query_count_is_constant(mentor_user, client_for):
    client = client_for(mentor_user)

    def add():
        claim_posting(
            ChallengeFactory(), actor=mentor_user, approach="a", timeline="b", expected_result="c"
        )

    add()
    one = count_queries(client, reverse("projects:my_claims"))
    for _ in range(19):
        add()
    assert count_queries(client, reverse("projects:my_claims")) == one


def test_duplicate_claim_error_shows_once_next_to_the_button(users, postings, client_for):
    response = client_for(users["mentor"]).post(
        url("claim_form", postings),
        {"approach": "再来", "timeline": "1个月", "expected_result": "结果"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert next(t.name for t in response.templates) == "projects/_claim_form.html"
    assert html.count("您已揭过此榜，且尚未结束。") == 1
    # Below the last field, where the user is when they press the button.
    assert (
        html.index('name="expected_result"')
        < html.index("您已揭过此榜")
        < html.index('type="submit"')
    )


@pytest.mark.parametrize("action", ["withdraw", "decline", "accept"])
@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x"])
def test_claim_actions_never_follow_next_to_another_host(action, target, users, postings):
    claim = postings["claim"]
    user = users["mentor"] if action == "withdraw" else users["owner"]
    response = client_as(user).post(
        reverse("projects:claim_action", args=[claim.pk, action]), {"next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == claim.posting.get_absolute_url()
    claim.refresh_from_db()
    assert claim.status != Claim.Status.SUBMITTED


def test_claim_transitions_write_the_audit_trail(users, postings):
    claim = postings["claim"]
    accept_claim(claim, actor=users["owner"], message="欢迎")
    entries = audit_entries_for(claim).order_by("created_at", "id")
    assert [(e.action, e.actor, e.changes["status"]) for e in entries] == [
        ("projects.claim.create", users["mentor"], ["", "submitted"]),
        ("projects.claim.accept", users["owner"], ["submitted", "accepted"]),
    ]
    assert entries.last().changes["posting_status"] == ["published", "claimed"]
