"""The call that collects: submissions inside the window, refusals outside it, reopening."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from events.models import EventPosting
from events.services import EventError
from events.services.call import reopen_call, submit_to_call
from projects.models import Status
from talentbridge.models import AuditEntry
from tests.factories import ChallengeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_a_poster_submits_a_draft_and_a_published_posting(open_call):
    draft = ProjectFactory(status=Status.DRAFT)
    demand = ChallengeFactory()
    submit_to_call(open_call, draft, actor=draft.owner)
    submit_to_call(open_call, demand, actor=demand.owner)
    links = EventPosting.objects.filter(event=open_call)
    assert {(link.posting, link.submitted_by) for link in links} == {
        (draft, draft.owner),
        (demand, demand.owner),
    }
    entries = AuditEntry.objects.filter(action="events.call.submit")
    assert sorted(e.changes.get("project", e.changes.get("challenge")) for e in entries) == sorted(
        [draft.title, demand.title]
    )


def test_a_submission_after_the_call_closed_is_refused_with_the_date(open_call):
    open_call.call_closes_at = timezone.now() - timedelta(hours=1)
    open_call.save()
    project = ProjectFactory()
    with pytest.raises(EventError, match=r"The call closed on .*: submissions are no longer"):
        submit_to_call(open_call, project, actor=project.owner)
    assert not EventPosting.objects.exists()


def test_a_call_not_yet_open_or_without_dates_refuses(event):
    project = ProjectFactory()
    with pytest.raises(EventError, match="no call open"):
        submit_to_call(event, project, actor=project.owner)
    event.call_opens_at = timezone.now() + timedelta(days=1)
    event.call_closes_at = timezone.now() + timedelta(days=9)
    event.save()
    with pytest.raises(EventError, match="The call opens on"):
        submit_to_call(event, project, actor=project.owner)


@pytest.mark.parametrize("status", [Status.CLOSED, Status.WITHDRAWN])
def test_an_ended_posting_cannot_be_submitted(open_call, status):
    project = ProjectFactory(status=status)
    with pytest.raises(EventError, match="cannot be submitted"):
        submit_to_call(open_call, project, actor=project.owner)


def test_submitting_twice_is_refused(open_call):
    project = ProjectFactory()
    submit_to_call(open_call, project, actor=project.owner)
    with pytest.raises(EventError, match="already in this call"):
        submit_to_call(open_call, project, actor=project.owner)
    assert EventPosting.objects.count() == 1


def test_reopening_lets_submissions_in_again_and_is_recorded(open_call, organizer):
    open_call.call_closes_at = timezone.now() - timedelta(hours=1)
    open_call.save()
    until = timezone.now() + timedelta(days=3)
    reopen_call(open_call, closes_at=until, actor=organizer)
    open_call.refresh_from_db()
    assert open_call.call_is_open and open_call.call_closes_at == until
    project = ProjectFactory()
    submit_to_call(open_call, project, actor=project.owner)
    assert AuditEntry.objects.get(action="events.call.reopen").actor == organizer
    with pytest.raises(EventError, match="future"):
        reopen_call(open_call, closes_at=timezone.now() - timedelta(days=1), actor=organizer)
