""" "For you" and the organizers' feedback report, as pages."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import SuggestionFeedback
from projects.services.suggestions import record_posting_feedback
from talentbridge.models import OfficeRole
from tests.factories import IndustryChainFactory, MentorFactory, UserFactory, member_of
from tests.projects.world import demand

pytestmark = pytest.mark.django_db


def test_mentor_sees_the_label_and_reasons_but_no_percentage(experts, water, client_for):
    challenge = demand(water)
    html = client_for(experts[0].user).get(reverse("projects:for_you")).content.decode()
    assert challenge.title in html
    assert "较好匹配" in html and "共同领域" in html
    assert "%" not in html.split("<main", 1)[-1] and "<meter" not in html


def test_for_you_is_english_in_english(experts, water, client_for):
    demand(water)
    client = client_for(experts[0].user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("projects:for_you")).content.decode()
    assert "Good match" in html and "Shared fields" in html and "Water conservancy" in html


def test_not_relevant_from_for_you_removes_the_posting(experts, water, client_for):
    challenge = demand(water)
    client = client_for(experts[0].user)
    url = reverse("projects:for_you_feedback", args=["challenges", challenge.pk])
    response = client.post(url, {"relevant": "no"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "feedback-thanks" in response.content.decode()
    verdict = SuggestionFeedback.objects.get()
    assert (verdict.mentor, verdict.challenge, verdict.relevant) == (experts[0], challenge, False)
    assert challenge.title not in client.get(reverse("projects:for_you")).content.decode()


def test_for_you_feedback_needs_a_choice_and_the_right_profile(
    experts, water, apprentice, client_for
):
    challenge = demand(water)
    url = reverse("projects:for_you_feedback", args=["challenges", challenge.pk])
    response = client_for(experts[0].user).post(url, {"relevant": "x"}, HTTP_HX_REQUEST="true")
    assert "请选择" in response.content.decode()
    assert client_for(apprentice.user).post(url, {"relevant": "yes"}).status_code == 404
    assert SuggestionFeedback.objects.count() == 0


@pytest.fixture
def verdicts(experts, water, home_office):
    """On the home office's demand: two relevant, one not; one elsewhere."""
    challenge = demand(water, office=home_office)
    for mentor, relevant in zip(experts, (True, True, False), strict=True):
        record_posting_feedback(mentor, challenge, actor=mentor.user, relevant=relevant, score=0.3)
    elsewhere = demand(IndustryChainFactory(name_zh="新能源", name_en="New energy"))
    record_posting_feedback(experts[0], elsewhere, actor=experts[0].user, relevant=False, score=0.3)
    return challenge


def test_feedback_report_counts_verdicts_by_field_for_the_office(verdicts, organizer, client_for):
    html = client_for(organizer).get(reverse("projects:suggestion_feedback_report")).content
    html = html.decode()
    assert '<th scope="row">水利</th><td class="num">2</td><td class="num">1</td>' in html
    assert "新能源" not in html


def test_feedback_report_shows_admins_every_field(verdicts, client_for):
    admin = UserFactory(is_admin=True)
    html = client_for(admin).get(reverse("projects:suggestion_feedback_report")).content.decode()
    assert '<th scope="row">新能源</th><td class="num">0</td><td class="num">1</td>' in html


def test_feedback_report_runs_a_constant_number_of_queries(
    verdicts, organizer, home_office, client_for
):
    client = client_for(organizer)
    url = reverse("projects:suggestion_feedback_report")
    client.get(url)  # warm the session and the translation catalogs
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for index in range(20):
        mentor = MentorFactory()
        challenge = demand(IndustryChainFactory(), office=home_office)
        record_posting_feedback(
            mentor, challenge, actor=mentor.user, relevant=index % 2 == 0, score=0.2
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert html.count('<th scope="row">') == 21
    assert len(many.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("mentor", 403), ("organizer", 200), ("other", 200)]
)
def test_feedback_report_is_for_organizers(who, status, organizer, other_office, mentor_user):
    users = {
        "mentor": mentor_user,
        "organizer": organizer,
        "other": member_of(other_office, OfficeRole.MANAGER),
    }
    client = Client()
    if who in users:
        client.force_login(users[who])
    assert client.get(reverse("projects:suggestion_feedback_report")).status_code == status


def test_for_you_runs_a_constant_number_of_queries(experts, water, client_for):
    client = client_for(experts[0].user)
    url = reverse("projects:for_you")
    demand(water)
    client.get(url)  # warm the session, the catalogs and the engine
    with CaptureQueriesContext(connection) as one:
        html = client.get(url).content.decode()
    assert html.count('class="card suggestion"') == 1
    for _ in range(19):
        demand(water)
    client.get(url)  # the demands' new organisations refit the engine, once
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert html.count('class="card suggestion"') == 20
    assert len(many.captured_queries) == len(one.captured_queries)
