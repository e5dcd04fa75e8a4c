"""Helpers of the page tests: clients per role, the pages by name, form data, query counts."""

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

ROLES = ["anonymous", "organizer", "mentor", "mentee", "owner", "other_enterprise"]


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def url(name: str, postings) -> str:
    c = "challenges"
    match name:
        case "demand_board":
            return reverse("projects:board", args=[c])
        case "project_board":
            return reverse("projects:board", args=["projects"])
        case "published":
            return reverse("projects:posting", args=[c, postings["published"].pk])
        case "draft":
            return reverse("projects:posting", args=[c, postings["draft"].pk])
        case "edit_published":
            return reverse("projects:posting_edit", args=[c, postings["published"].pk])
        case "edit_draft":
            return reverse("projects:posting_edit", args=[c, postings["draft"].pk])
        case "new_demand":
            return reverse("projects:posting_create", args=[c])
        case "new_project":
            return reverse("projects:posting_create", args=["projects"])
        case "claim_form":
            return reverse("projects:claim_create", args=[c, postings["published"].pk])
        case "landing_form":
            return reverse("projects:posting_landing", args=[c, postings["published"].pk])
        case "my_postings":
            return reverse("projects:my_postings")
        case "my_claims":
            return reverse("projects:my_claims")
        case "review":
            return reverse("projects:review_queue")
        case "onsite":
            return reverse("projects:onsite")
    raise AssertionError(name)


# Expected status per role, in the order of ROLES:
# anonymous, organizer, mentor (the claimant), mentee, owner, other enterprise.


def post_url(action: str, postings) -> str:
    if action == "publish":
        return reverse(
            "projects:posting_action", args=["challenges", postings["submitted"].pk, "publish"]
        )
    if action == "withdraw":
        return reverse(
            "projects:posting_action", args=["challenges", postings["published"].pk, "withdraw"]
        )
    claim_action = "withdraw" if action == "withdraw_claim" else action
    return reverse("projects:claim_action", args=[postings["claim"].pk, claim_action])


def demand_data(**overrides):
    data = {
        "title": "闸泵站健康状态分析",
        "summary": "泵站故障频发",
        "details": "",
        "province": "福建省",
        "city": "福州市",
        "county": "",
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "slots": "1",
        "problem_kind": "bottleneck",
        "required_expertise": "故障诊断",
        "reward_min": "300000",
        "reward_max": "500000",
        "post_as": "",
        "organization_name": "四创科技有限公司",
    }
    data.update(overrides)
    return data


def board_titles(query: str, kind: str = "challenges") -> list[str]:
    response = Client().get(reverse("projects:board", args=[kind]) + query)
    return [posting.title for posting in response.context["page"]]


def count_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)
