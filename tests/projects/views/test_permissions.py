"""Who reaches which page and action: every URL × every role → the expected status."""

import pytest
from django.urls import reverse

from tests.projects.views.pages import (
    ROLES,
    client_as,
    post_url,
    url,
)

pytestmark = pytest.mark.django_db


GET_MATRIX = {
    "demand_board": (200, 200, 200, 200, 200, 200),
    "project_board": (200, 200, 200, 200, 200, 200),
    "published": (200, 200, 200, 200, 200, 200),
    "draft": (404, 200, 404, 404, 200, 404),
    "edit_published": (302, 200, 404, 404, 404, 404),
    "edit_draft": (302, 200, 404, 404, 200, 404),
    "new_demand": (302, 200, 403, 200, 200, 200),
    "new_project": (302, 200, 200, 403, 403, 403),
    "claim_form": (302, 403, 200, 403, 403, 403),
    "landing_form": (302, 404, 404, 404, 404, 404),
    "my_postings": (302, 200, 200, 200, 200, 200),
    "my_claims": (302, 200, 200, 200, 200, 200),
    "review": (302, 200, 403, 403, 403, 403),
    "onsite": (200, 200, 200, 200, 200, 200),
}


@pytest.mark.parametrize("name", GET_MATRIX)
def test_get_permission_matrix(name, users, postings):
    got = tuple(client_as(users[role]).get(url(name, postings)).status_code for role in ROLES)
    assert got == GET_MATRIX[name]


POST_MATRIX = {
    "publish": (302, 302, 404, 404, 404, 404),
    "withdraw": (302, 302, 404, 404, 302, 404),
    "accept": (302, 302, 404, 404, 302, 404),
    "decline": (302, 302, 404, 404, 302, 404),
    "withdraw_claim": (302, 404, 302, 404, 404, 404),
}


@pytest.mark.parametrize("action", POST_MATRIX)
@pytest.mark.parametrize("index", range(len(ROLES)))
def test_post_permission_matrix(action, index, users, postings):
    role = ROLES[index]
    response = client_as(users[role]).post(post_url(action, postings))
    assert response.status_code == POST_MATRIX[action][index]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def test_get_on_action_url_is_refused(users, postings):
    assert client_as(users["owner"]).get(post_url("withdraw", postings)).status_code == 405


def test_unknown_action_is_404(users, postings):
    path = f"/boards/challenges/{postings['published'].pk}/explode/"
    assert client_as(users["organizer"]).post(path).status_code == 404
