"""The suggestions panel, invitations and feedback pages, and who may reach them."""

import pytest
from django.test import Client
from django.urls import reverse

from projects.models import MatchSuggestion, SuggestionFeedback
from projects.queries import suggestions as queries
from projects.services import recompute
from talentbridge.models import Notification, OfficeRole
from tests.factories import MentorFactory, UserFactory, member_of
from tests.projects.world import demand

pytestmark = pytest.mark.django_db


def test_panel_shows_suggestions_with_reasons_to_the_poster(
    experts, water, organizer, home_office, client_for
):
    challenge = demand(water, office=home_office)
    recompute.recompute_target("challenges", challenge.pk)
    url = reverse("projects:suggestions", args=["challenges", challenge.pk])
    response = client_for(organizer).get(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.count('class="card suggestion"') == 2
    assert "共同关键词" in html


def test_poster_sees_labels_and_no_weak_match_organizers_see_percentages(
    experts, water, organizer, home_office, client_for
):
    challenge = demand(water, office=home_office)
    recompute.recompute_target("challenges", challenge.pk)
    url = reverse("projects:suggestions", args=["challenges", challenge.pk])
    poster = client_for(challenge.owner).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert poster.count('class="card suggestion"') == 1  # the sensor expert's match is weak
    assert "match-label match-good" in poster and "较好匹配" in poster
    assert "%" not in poster and "<meter" not in poster
    managers = client_for(organizer).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "匹配度 27%" in managers and "弱匹配" in managers


def test_panel_runs_a_constant_number_of_queries(
    water, organizer, home_office, client_for, django_assert_num_queries
):
    challenge = demand(water, office=home_office)
    client = client_for(organizer)
    url = reverse("projects:suggestions", args=["challenges", challenge.pk])

    def fill(count):
        MatchSuggestion.objects.all().delete()
        for rank in range(1, count + 1):
            MatchSuggestion.objects.create(
                challenge=challenge,
                mentor=MentorFactory(),
                rank=rank,
                score=1 / rank,
                reasons=["terms:泵站", "tags:水利"],
                engine_version="test",
            )

    fill(1)
    client.get(url)  # warm the session and the translation catalogs
    with django_assert_num_queries(9) as one:
        client.get(url)
    fill(20)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_invite_button_notifies_and_shows_invited(
    experts, water, client_for, django_capture_on_commit_callbacks
):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    row = queries.suggestions_for_posting(challenge).first()
    url = reverse("projects:suggestion_invite", args=[row.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(challenge.owner).post(url, HTTP_HX_REQUEST="true")
    assert "已邀请" in response.content.decode()
    assert Notification.objects.filter(user=experts[0].user).count() == 1


def test_feedback_with_no_choice_shows_an_error(experts, water, client_for):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    row = queries.suggestions_for_posting(challenge).first()
    url = reverse("projects:suggestion_feedback", args=[row.pk])
    response = client_for(challenge.owner).post(url, {"relevant": "maybe"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "请选择" in response.content.decode()
    assert SuggestionFeedback.objects.count() == 0


@pytest.fixture
def world(experts, water, organizer, home_office, other_office):
    """A demand with its list computed, and the people who may or may not see it: the
    organizer manages the office it was submitted to; another office's manager does not."""
    challenge = demand(water, office=home_office)
    recompute.recompute_target("challenges", challenge.pk)
    row = queries.suggestions_for_posting(challenge).first()
    return {
        "organizer": organizer,
        "other_office": member_of(other_office, OfficeRole.MANAGER, is_organizer=True),
        "poster": challenge.owner,
        "suggested": experts[0].user,
        "stranger": UserFactory(is_mentor=True),
        "challenge": challenge,
        "row": row,
        "run": recompute.start_run(actor=None),
    }


GET, POST = "get", "post"
# url name, args from the world, method, POST data, expected status per role
MATRIX = [
    ("suggestions", lambda w: ["challenges", w["challenge"].pk], GET, {},
     {"anonymous": 404, "stranger": 404, "suggested": 404, "poster": 200, "organizer": 200,
      "other_office": 404}),
    ("suggestion_invite", lambda w: [w["row"].pk], POST, {},
     {"anonymous": 302, "stranger": 404, "suggested": 404, "poster": 302, "organizer": 302,
      "other_office": 404}),
    ("suggestion_feedback", lambda w: [w["row"].pk], POST, {"relevant": "yes"},
     {"anonymous": 302, "stranger": 404, "suggested": 302, "poster": 302, "organizer": 302,
      "other_office": 404}),
    ("for_you", lambda w: [], GET, {},
     {"anonymous": 302, "stranger": 200, "suggested": 200, "poster": 200, "organizer": 200,
      "other_office": 200}),
    ("recompute", lambda w: [], GET, {},
     {"anonymous": 302, "stranger": 403, "suggested": 403, "poster": 403, "organizer": 200,
      "other_office": 200}),
    ("recompute_progress", lambda w: [w["run"].pk], GET, {},
     {"anonymous": 302, "stranger": 403, "suggested": 403, "poster": 403, "organizer": 200,
      "other_office": 200}),
]  # fmt: skip
ROLES = ["anonymous", "stranger", "suggested", "poster", "organizer", "other_office"]


@pytest.mark.parametrize(
    ("name", "args", "method", "data", "expected"), MATRIX, ids=[row[0] for row in MATRIX]
)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, name, args, method, data, expected, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world[role])
    response = getattr(client, method)(reverse(f"projects:{name}", args=args(world)), data)
    assert response.status_code == expected[role]
