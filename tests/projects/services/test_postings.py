"""Transitions of postings: create, edit, submit, publish, send back, withdraw, start."""

import pytest

from projects.models import Challenge, PostingEvent, Status
from projects.services.common import BoardError
from projects.services.postings import (
    publish_posting,
    save_posting,
    send_back_posting,
    start_posting,
    submit_posting,
    withdraw_posting,
)
from talentbridge.models import Notification
from tests.factories import ChallengeFactory, IndustryChainFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]


def test_save_posting_creates_draft_with_search_text_and_history(enterprise_user, company):
    field = IndustryChainFactory(slug="digital", name_zh="数字经济", name_en="Digital economy")
    posting = Challenge(title="Pump FAULT diagnosis 闸泵站", summary="需要 AI 诊断")
    posting = save_posting(posting, actor=enterprise_user, poster=company, fields=[field])
    assert posting.status == Status.DRAFT
    assert posting.owner == enterprise_user
    assert posting.poster_organization == company
    assert "pump fault diagnosis 闸泵站" in posting.search_text
    assert "数字经济 digital economy" in posting.search_text
    assert "四创科技有限公司" in posting.search_text
    assert list(posting.history.values_list("action", "to_status")) == [("created", "draft")]


def test_save_posting_with_new_organisation_name_makes_poster_its_member(enterprise_user):
    posting = save_posting(
        Challenge(title="新需求", summary="摘要"), actor=enterprise_user, poster="德艺文化创意集团"
    )
    assert posting.poster_organization.name == "德艺文化创意集团"
    assert list(posting.poster_organization.members.all()) == [enterprise_user]


def test_submit_publish_notifies_and_records_history(enterprise_user, organizer, company):
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, status="draft")
    submit_posting(posting, actor=enterprise_user)
    posting = publish_posting(posting, actor=organizer)
    assert posting.status == Status.PUBLISHED
    assert posting.published_at is not None
    assert list(posting.history.values_list("action", "from_status", "to_status", "actor")) == [
        ("submitted", "draft", "submitted", enterprise_user.pk),
        ("published", "submitted", "published", organizer.pk),
    ]
    note = Notification.objects.get(user=enterprise_user)
    assert posting.title in note.title
    assert note.url == posting.get_absolute_url()


def test_send_back_returns_draft_with_comment(enterprise_user, organizer, company):
    posting = ChallengeFactory(
        owner=enterprise_user, poster_organization=company, status="submitted"
    )
    posting = send_back_posting(posting, actor=organizer, comment="请补充预算")
    assert posting.status == Status.DRAFT
    event = posting.history.get(action=PostingEvent.Action.SENT_BACK)
    assert event.comment == "请补充预算"
    assert "请补充预算" in Notification.objects.get(user=enterprise_user).body


def test_publish_of_draft_is_refused(enterprise_user, organizer, company):
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, status="draft")
    with pytest.raises(BoardError):
        publish_posting(posting, actor=organizer)
    posting.refresh_from_db()
    assert posting.status == Status.DRAFT


def test_withdraw_from_any_open_status_but_not_twice(challenge, enterprise_user):
    withdraw_posting(challenge, actor=enterprise_user)
    challenge.refresh_from_db()
    assert challenge.status == Status.WITHDRAWN
    with pytest.raises(BoardError):
        withdraw_posting(challenge, actor=enterprise_user)


def test_start_before_claimed_is_refused(project, mentor_user):
    with pytest.raises(BoardError):
        start_posting(project, actor=mentor_user)
