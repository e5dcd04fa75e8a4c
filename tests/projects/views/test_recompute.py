"""The organizers' recompute page and its job progress partial."""

import pytest
from django.urls import reverse

from projects.models import RecomputeRun
from talentbridge.models import Job
from tests.projects.world import demand

pytestmark = pytest.mark.django_db


def test_recompute_button_starts_a_run_and_progress_redirects_when_done(
    experts, water, organizer, client_for, django_capture_on_commit_callbacks
):
    demand(water)
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:recompute"))
    run = RecomputeRun.objects.get()
    assert response.status_code == 302
    assert run.job.status == Job.Status.DONE  # in-process tasks finish at once
    progress = client.get(
        reverse("projects:recompute_progress", args=[run.pk]), HTTP_HX_REQUEST="true"
    )
    assert progress["HX-Redirect"] == f"{reverse('projects:recompute')}?run={run.pk}"
