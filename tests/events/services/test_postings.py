"""The call's postings: linking, scheduling and unlinking, each in the event's history."""

import pytest
from django.utils import translation

from events.models import EventPosting, Session
from events.services import EventError
from events.services.postings import link_posting, schedule_event_posting, unlink_posting
from projects.models import Status
from talentbridge.models import AuditEntry
from tests.factories import ChallengeFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_link_schedule_and_unlink_are_recorded(event, organizer):
    project = ProjectFactory(title="闸泵站诊断")
    session = Session.objects.create(
        event=event, kind="project_sharing", title="项目分享会", starts_at=event.starts_at,
        ends_at=event.ends_at,
    )  # fmt: skip
    link = link_posting(event, project, actor=organizer)
    assert link_posting(event, project, actor=organizer) == link
    schedule_event_posting(
        link, actor=organizer, posted_on_site=True, session=session, slot_order=2
    )
    unlink_posting(link, actor=organizer)
    assert not EventPosting.objects.exists()
    entries = AuditEntry.objects.filter(object_id=str(event.pk)).order_by("id")
    assert [(e.action, e.changes) for e in entries] == [
        ("events.posting.link", {"project": "闸泵站诊断"}),
        (
            "events.posting.schedule",
            {
                "posting": "闸泵站诊断",
                "posted_on_site": True,
                "session": "项目分享会",
                "slot_order": 2,
            },
        ),
        ("events.posting.unlink", {"posting": "闸泵站诊断"}),
    ]


def test_a_draft_posting_cannot_be_linked(event, organizer):
    draft = ChallengeFactory(status=Status.DRAFT, published_at=None)
    with translation.override("en"), pytest.raises(EventError, match="Only published"):
        link_posting(event, draft, actor=organizer)
    assert not EventPosting.objects.exists()
    assert not AuditEntry.objects.exists()
