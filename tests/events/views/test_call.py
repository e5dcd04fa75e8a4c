"""The call's pages: posters submit their own postings; the queue is the team's."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import EventPosting, EventRole
from events.services.call import submit_to_call
from events.services.team import add_team_member
from tests.factories import ProjectFactory, UserFactory

from .pages import client_as

pytestmark = pytest.mark.django_db


def _submit(user, event, posting):
    return client_as(user).post(
        reverse("events:call_submit", args=[event.pk]),
        {"kind": posting.kind, "posting": posting.pk},
    )


def test_the_poster_submits_from_the_call_page(open_call):
    project = ProjectFactory()
    page = client_as(project.owner).get(reverse("events:call_submit", args=[open_call.pk]))
    assert page.context["postings"] == [project]
    assert _submit(project.owner, open_call, project).status_code == 302
    assert EventPosting.objects.get(event=open_call).submitted_by == project.owner


def test_someone_elses_posting_cannot_be_submitted(open_call):
    project = ProjectFactory()
    assert _submit(UserFactory(), open_call, project).status_code == 404
    assert not EventPosting.objects.exists()


def test_a_submission_after_the_call_closed_shows_a_clear_message(open_call):
    open_call.call_closes_at = timezone.now() - timedelta(minutes=1)
    open_call.save()
    project = ProjectFactory()
    response = client_as(project.owner).post(
        reverse("events:call_submit", args=[open_call.pk]),
        {"kind": project.kind, "posting": project.pk},
        follow=True,
    )
    assert "征集已于" in response.content.decode()
    assert not EventPosting.objects.exists()


@pytest.mark.parametrize("posting", ["", "abc", "99999999999999999999", "-1"])
def test_bad_posting_ids_are_refused_without_error(open_call, posting):
    response = client_as(UserFactory()).post(
        reverse("events:call_submit", args=[open_call.pk]), {"kind": "projects", "posting": posting}
    )
    assert response.status_code == 302
    assert not EventPosting.objects.exists()


def test_the_queue_is_for_managers_and_reviewers(open_call, organizer, other_organizer):
    project = ProjectFactory()
    submit_to_call(open_call, project, actor=project.owner)
    reviewer, staff = UserFactory(), UserFactory()
    add_team_member(open_call, reviewer, EventRole.REVIEWER, actor=organizer)
    add_team_member(open_call, staff, EventRole.CHECKIN, actor=organizer)
    url = reverse("events:call_queue", args=[open_call.pk])
    queue = client_as(reviewer).get(url)
    assert [link.posting for link in queue.context["page"].object_list] == [project]
    assert queue.context["reopen_form"] is None
    assert client_as(organizer).get(url).context["reopen_form"] is not None
    assert client_as(staff).get(url).status_code == 404
    assert client_as(other_organizer).get(url).status_code == 404


def test_managers_reopen_the_call(open_call, organizer):
    open_call.call_closes_at = timezone.now() - timedelta(days=1)
    open_call.save()
    until = (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    url = reverse("events:call_reopen", args=[open_call.pk])
    assert client_as(organizer).post(url, {"closes_at": until}).status_code == 302
    open_call.refresh_from_db()
    assert open_call.call_is_open
