"""The studios pages of an office: managers open studios and record sessions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentors.models import Studio, TrainingSession
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_manager_opens_a_studio_and_records_a_session(
    home_office, organizer, make_mentor, client_for
):
    mentor = make_mentor(name="左明健")
    client = client_for(organizer)
    path = reverse("mentors:office_studios", args=[home_office.pk])
    response = client.post(
        path,
        {
            "name": "左明健专家工作站",
            "kind": "expert",
            "mentor": mentor.pk,
            "host_name": "四创科技",
            "province": "福建省",
            "opened_on": "2022-04-01",
        },
    )
    studio = Studio.objects.get()
    assert response.status_code == 302
    detail = reverse("mentors:studio", args=[studio.pk])
    bad = client.post(
        detail, {"title": "培训", "held_on": "2022-05-01", "trainees": "2", "backbone_trained": "5"}
    )
    assert bad.status_code == 200 and "backbone_trained" in bad.context["form"].errors
    client.post(
        detail,
        {"title": "培训", "held_on": "2022-05-01", "trainees": "40", "backbone_trained": "2"},
    )
    assert TrainingSession.objects.get().trainees == 40
    page = client.get(path).content.decode()
    assert "左明健专家工作站" in page and ">40<" in page


def test_studios_list_runs_constant_queries(
    home_office, organizer, make_mentor, client_for, django_assert_max_num_queries
):
    mentor = make_mentor()
    client = client_for(organizer)
    path = reverse("mentors:office_studios", args=[home_office.pk])
    Studio.objects.create(office=home_office, name="s0", mentor=mentor, opened_on="2021-01-01")
    client.get(path)
    with CaptureQueriesContext(connection) as one:
        client.get(path)
    for number in range(1, 20):
        Studio.objects.create(
            office=home_office, name=f"s{number}", mentor=mentor, opened_on="2021-01-01"
        )
    with django_assert_max_num_queries(len(one)):
        client.get(path)


def test_others_are_refused(home_office, make_mentor, client_for):
    studio = Studio.objects.create(
        office=home_office, name="s", mentor=make_mentor(), opened_on="2021-01-01"
    )
    stranger = client_for(UserFactory())
    assert stranger.get(reverse("mentors:office_studios", args=[home_office.pk])).status_code == 404
    assert stranger.get(reverse("mentors:studio", args=[studio.pk])).status_code == 404
    assert stranger.post(reverse("mentors:studio", args=[studio.pk]), {}).status_code == 404
