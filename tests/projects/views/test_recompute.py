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


def test_a_failed_run_offers_a_retry_that_finishes_it(
    experts, water, organizer, client_for, django_capture_on_commit_callbacks
):
    demand(water)
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("projects:recompute"))
    run = RecomputeRun.objects.get()
    # The worker died after planning: no chunk done, the stale sweep failed the run.
    run.chunks.update(done_at=None)
    Job.objects.filter(pk=run.job_id).update(status=Job.Status.FAILED, done=0, error="stopped")
    retry_url = reverse("projects:recompute_retry", args=[run.pk])
    page = client.get(f"{reverse('projects:recompute')}?run={run.pk}")
    assert retry_url.encode() in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry_url)
    assert response.status_code == 302
    job = Job.objects.get(pk=run.job_id)
    assert (job.status, job.done, job.error) == (Job.Status.DONE, job.total, "")
    assert retry_url.encode() not in client.get(response.url).content
    # A run that has not failed is left as it is.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(retry_url)
    assert RecomputeRun.objects.get().job.finished_at == job.finished_at
