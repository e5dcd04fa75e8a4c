"""Recording a follow-up on a landing's page, and who sees what of it."""

from datetime import date

import pytest
from django.urls import reverse

from projects.models import FollowUp, Landing, Status
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def landed(project):
    project.status = Status.LANDED
    project.save()
    return Landing.objects.create(
        project=project, province="福建省", county="晋安区", landed_on=date(2024, 3, 10)
    )


def _path(project):
    return reverse("projects:landing_followup", args=["projects", project.pk])


def test_office_manager_records_a_followup(landed, project, organizer, client_for):
    client = client_for(organizer)
    response = client.post(_path(project), {"checked_on": "2024-01-01", "status": "operating"})
    assert response.status_code == 200
    assert "checked_on" in response.context["form"].errors
    response = client.post(
        _path(project),
        {
            "checked_on": "2025-03-12",
            "status": "expanding",
            "actual_investment": "18000000",
            "revenue_band": "under_10m",
            "jobs_created": "42",
            "talents_brought": "6",
            "notes": "二期厂房动工",
        },
    )
    assert response.status_code == 302
    followup = FollowUp.objects.get()
    assert (followup.status, followup.jobs_created, followup.recorded_by) == (
        "expanding",
        42,
        organizer,
    )
    page = client.get(project.get_absolute_url()).content.decode()
    assert "二期厂房动工" in page


def test_the_public_sees_the_status_but_not_the_figures(landed, project, client_for, client):
    FollowUp.objects.create(
        landing=landed, checked_on=date(2025, 3, 12), status="operating", notes="内部备注"
    )
    page = client.get(project.get_absolute_url()).content.decode()
    assert "2025-03-12" in page and "内部备注" not in page
    stranger = client_for(UserFactory())
    assert stranger.get(_path(project)).status_code == 404
    assert stranger.post(_path(project), {"checked_on": "2025-03-12"}).status_code == 404
    assert FollowUp.objects.count() == 1


def test_no_followup_page_without_a_landing(project, organizer, client_for):
    assert client_for(organizer).get(_path(project)).status_code == 404
