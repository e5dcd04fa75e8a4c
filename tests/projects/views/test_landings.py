"""Recording a landing on its page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import Status
from projects.services.claims import accept_claim, claim_posting
from projects.services.landings import record_landing

pytestmark = pytest.mark.django_db


def test_landing_form_bad_date_rerenders(project, mentee_user, mentor_user, client_for):
    claim = claim_posting(
        project, actor=mentee_user, approach="a", timeline="b", expected_result="c"
    )
    accept_claim(claim, actor=mentor_user)
    path = reverse("projects:posting_landing", args=["projects", project.pk])
    response = client_for(mentor_user).post(path, {"province": "福建省", "landed_on": "yesterday"})
    assert response.status_code == 200
    assert "landed_on" in response.context["form"].errors
    response = client_for(mentor_user).post(
        path,
        {
            "province": "福建省",
            "city": "福州市",
            "county": "晋安区",
            "landed_on": "2026-12-17",
            "intended_investment": "30000000",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == Status.LANDED
    assert project.landing.intended_investment == 30_000_000


def test_landing_form_records_town_and_village(project, mentee_user, mentor_user, client_for):
    claim = claim_posting(
        project, actor=mentee_user, approach="a", timeline="b", expected_result="c"
    )
    accept_claim(claim, actor=mentor_user)
    client = client_for(mentor_user)
    path = reverse("projects:posting_landing", args=["projects", project.pk])
    form_page = client.get(path).content.decode()
    assert 'name="town"' in form_page
    assert 'name="village"' in form_page
    response = client.post(
        path,
        {
            "province": "福建省",
            "city": "福州市",
            "county": "晋安区",
            "town": "宦溪镇",
            "village": "降虎村",
            "landed_on": "2026-12-17",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.landing.town, project.landing.village) == ("宦溪镇", "降虎村")
    assert project.landing.region_label == "福建省福州市晋安区宦溪镇降虎村"
    assert (
        "福建省福州市晋安区宦溪镇降虎村" in client.get(project.get_absolute_url()).content.decode()
    )


def test_landing_form_town_and_village_are_optional_and_bounded(
    project, mentee_user, mentor_user, client_for
):
    claim = claim_posting(
        project, actor=mentee_user, approach="a", timeline="b", expected_result="c"
    )
    accept_claim(claim, actor=mentor_user)
    path = reverse("projects:posting_landing", args=["projects", project.pk])
    client = client_for(mentor_user)
    data = {"province": "福建省", "landed_on": "2026-12-17", "village": "村" * 41}
    response = client.post(path, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["village"]
    response = client.post(path, {"province": "福建省", "landed_on": "2026-12-17"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.landing.town, project.landing.village) == ("", "")


def test_landing_amounts_show_thousands_separators(project, mentee_user, mentor_user, client_for):
    claim = claim_posting(
        project, actor=mentee_user, approach="a", timeline="b", expected_result="c"
    )
    accept_claim(claim, actor=mentor_user)
    record_landing(
        project,
        actor=mentor_user,
        province="福建省",
        landed_on=timezone.localdate(),
        intended_investment=92_000_000,
        signed_investment=4_600_000,
    )
    body = client_for(mentor_user).get(project.get_absolute_url()).content.decode()
    assert "9,200万元" in body
    assert "460万元" in body
