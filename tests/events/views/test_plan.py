"""The pairing plan's pages: the gain over greedy, decisions by HTMX, permissions."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import PlanConstraint
from tests.factories import (
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_plan_page_shows_the_gain_over_greedy(event, crossed, organizer, client_for):
    url = reverse("events:plan", args=[event.pk]) + "?of=challenges&per_mentor=1"
    html = client_for(organizer).get(url).content.decode()
    assert "+50.0%" in html
    assert "1.50" in html and "1.00" in html


def test_decision_by_htmx_returns_the_re_solved_plan(event, crossed, organizer, client_for):
    people = crossed
    response = client_for(organizer).post(
        reverse("events:plan_decide", args=[event.pk]),
        {
            "of": "challenges",
            "per_mentor": 1,
            "mentor": people["a"].pk,
            "target": people["x"].pk,
            "decision": "locked",
        },
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('\n<div id="plan"') or '<div id="plan"' in html[:200]
    assert "<html" not in html
    assert PlanConstraint.objects.get().kind == PlanConstraint.Kind.LOCKED


def test_decision_with_an_unknown_kind_is_refused(event, crossed, organizer, client_for):
    people = crossed
    response = client_for(organizer).post(
        reverse("events:plan_decide", args=[event.pk]),
        {"mentor": people["a"].pk, "target": people["x"].pk, "decision": "maybe"},
    )
    assert response.status_code == 302
    assert PlanConstraint.objects.count() == 0


def test_decision_on_a_missing_person_is_404(event, crossed, organizer, client_for):
    response = client_for(organizer).post(
        reverse("events:plan_decide", args=[event.pk]),
        {"mentor": "x", "target": crossed["x"].pk, "decision": "locked"},
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "method", "expected"),
    [
        ("plan", "get", {"anonymous": 302, "mentor": 404, "other": 404, "organizer": 200}),
        ("plan_decide", "post", {"anonymous": 302, "mentor": 404, "other": 404, "organizer": 302}),
        ("plan_accept", "post", {"anonymous": 302, "mentor": 404, "other": 404, "organizer": 302}),
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "mentor", "other", "organizer"])
def test_permission_matrix(event, crossed, organizer, name, method, expected, role):
    users = {
        "mentor": crossed["a"].user,
        "other": UserFactory(is_organizer=True),
        "organizer": organizer,
    }
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    data = {"mentor": crossed["a"].pk, "target": crossed["x"].pk, "decision": ""}
    response = getattr(client, method)(reverse(f"events:{name}", args=[event.pk]), data)
    assert response.status_code == expected[role]
