"""The signings page of an event: record a signing, feed a landing, refuse others."""

import pytest
from django.urls import reverse

from events.models import EventPosting, Signing
from projects.models import Status
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_organizer_records_a_signing_and_its_landing(event, organizer, client_for):
    project = ProjectFactory(status=Status.CLAIMED, office=event.office, title="再生医学中心的建立")
    EventPosting.objects.create(event=event, project=project, submitted_by=organizer)
    client = client_for(organizer)
    path = reverse("events:signings", args=[event.pk])
    bad = client.post(path, {"title": "", "parties": "x", "signed_on": "2024-12-17"})
    assert bad.status_code == 200 and "title" in bad.context["form"].errors
    response = client.post(
        path,
        {
            "title": "再生医学中心",
            "parties": "齐忠权教授 / 福建省妇幼保健院",
            "project": project.pk,
            "amount": "20000000",
            "signed_on": "2024-12-17",
            "on_stage": "1",
        },
    )
    assert response.status_code == 302
    signing = Signing.objects.get()
    land = reverse("events:signing_land", args=[event.pk, signing.pk])
    client.post(land, {"province": "福建省", "county": "晋安区", "landed_on": "2024-12-20"})
    signing.refresh_from_db()
    assert signing.landing.intended_investment == 20_000_000
    page = client.get(path).content.decode()
    assert "再生医学中心" in page and "福建省晋安区" in page


def test_others_cannot_see_or_add_signings(event, other_organizer, client_for):
    client = client_for(other_organizer)
    path = reverse("events:signings", args=[event.pk])
    assert client.get(path).status_code == 404
    assert client.post(path, {"title": "x"}).status_code == 404
    assert not Signing.objects.exists()
