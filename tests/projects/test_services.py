"""State transitions of postings and claims."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mentors.models import Pairing
from projects import services
from projects.models import Attachment, Challenge, Claim, PostingEvent, Status
from talentbridge.models import Notification
from tests.factories import ChallengeFactory, IndustryChainFactory, MentorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _run_on_commit_at_once(monkeypatch):
    """Queue notifications at once: these tests run inside a transaction that never commits."""
    monkeypatch.setattr("talentbridge.celery.transaction.on_commit", lambda func, **kw: func())


PROPOSAL = {
    "approach": "基于振动信号的深度学习诊断模型",
    "timeline": "3个月原型，12个月上线",
    "expected_result": "故障识别准确率95%以上",
}


def claim(posting, user, **extra):
    return services.claim_posting(posting, actor=user, **PROPOSAL, **extra)


def test_save_posting_creates_draft_with_search_text_and_history(enterprise_user, company):
    field = IndustryChainFactory(slug="digital", name_zh="数字经济", name_en="Digital economy")
    posting = Challenge(title="Pump FAULT diagnosis 闸泵站", summary="需要 AI 诊断")
    posting = services.save_posting(posting, actor=enterprise_user, poster=company, fields=[field])
    assert posting.status == Status.DRAFT
    assert posting.owner == enterprise_user
    assert posting.poster_organization == company
    assert "pump fault diagnosis 闸泵站" in posting.search_text
    assert "数字经济 digital economy" in posting.search_text
    assert "四创科技有限公司" in posting.search_text
    assert list(posting.history.values_list("action", "to_status")) == [("created", "draft")]


def test_save_posting_with_new_organisation_name_makes_poster_its_member(enterprise_user):
    posting = services.save_posting(
        Challenge(title="新需求", summary="摘要"), actor=enterprise_user, poster="德艺文化创意集团"
    )
    assert posting.poster_organization.name == "德艺文化创意集团"
    assert list(posting.poster_organization.members.all()) == [enterprise_user]


def test_submit_publish_notifies_and_records_history(enterprise_user, organizer, company):
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, status="draft")
    services.submit_posting(posting, actor=enterprise_user)
    posting = services.publish_posting(posting, actor=organizer)
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
    posting = services.send_back_posting(posting, actor=organizer, comment="请补充预算")
    assert posting.status == Status.DRAFT
    event = posting.history.get(action=PostingEvent.Action.SENT_BACK)
    assert event.comment == "请补充预算"
    assert "请补充预算" in Notification.objects.get(user=enterprise_user).body


def test_publish_of_draft_is_refused(enterprise_user, organizer, company):
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, status="draft")
    with pytest.raises(services.BoardError):
        services.publish_posting(posting, actor=organizer)
    posting.refresh_from_db()
    assert posting.status == Status.DRAFT


def test_withdraw_from_any_open_status_but_not_twice(challenge, enterprise_user):
    services.withdraw_posting(challenge, actor=enterprise_user)
    challenge.refresh_from_db()
    assert challenge.status == Status.WITHDRAWN
    with pytest.raises(services.BoardError):
        services.withdraw_posting(challenge, actor=enterprise_user)


def test_claim_notifies_poster_and_stores_attachment(
    challenge, mentor_user, expert, enterprise_user
):
    upload = SimpleUploadedFile("方案.pdf", b"%PDF-1.7 proposal", content_type="application/pdf")
    made = claim(challenge, mentor_user, files=[upload])
    assert made.status == Claim.Status.SUBMITTED
    assert made.mentor == expert
    assert Attachment.objects.get(claim=made).name == "方案.pdf"
    assert (
        Notification.objects.filter(
            user=enterprise_user, key=f"projects.claim_received.{made.pk}"
        ).count()
        == 1
    )


def test_second_open_claim_by_same_person_is_refused(challenge, mentor_user):
    claim(challenge, mentor_user)
    with pytest.raises(services.BoardError):
        claim(challenge, mentor_user)
    assert Claim.objects.filter(challenge=challenge).count() == 1


def test_claim_again_after_withdrawing(challenge, mentor_user):
    first = claim(challenge, mentor_user)
    services.withdraw_claim(first, actor=mentor_user)
    second = claim(challenge, mentor_user)
    assert second.status == Claim.Status.SUBMITTED
    assert Claim.objects.filter(challenge=challenge).count() == 2


def test_claim_of_own_posting_is_refused(challenge, enterprise_user):
    enterprise_user.is_mentor = True
    with pytest.raises(services.BoardError):
        claim(challenge, enterprise_user)


def test_mentee_cannot_claim_a_demand(challenge, mentee_user):
    with pytest.raises(services.BoardError):
        claim(challenge, mentee_user)


def test_claim_after_deadline_is_refused(challenge, mentor_user):
    challenge.deadline = timezone.localdate() - timedelta(days=1)
    challenge.save()
    with pytest.raises(services.BoardError):
        claim(challenge, mentor_user)


def test_claim_of_draft_is_refused(mentor_user, enterprise_user, company):
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, status="draft")
    with pytest.raises(services.BoardError):
        claim(posting, mentor_user)


def test_accept_claim_marks_posting_claimed_and_notifies(
    challenge, mentor_user, enterprise_user, expert
):
    made = claim(challenge, mentor_user)
    accepted = services.accept_claim(made, actor=enterprise_user, message="欢迎合作")
    challenge.refresh_from_db()
    assert accepted.status == Claim.Status.ACCEPTED
    assert accepted.decision_message == "欢迎合作"
    assert challenge.status == Status.CLAIMED
    note = Notification.objects.get(user=mentor_user, key=f"projects.claim_accepted.{made.pk}")
    assert "欢迎合作" in note.body
    # An organisation's demand joins no mentee: no pairing is proposed.
    assert accepted.pairing is None


def test_accept_beyond_slots_is_refused(challenge, enterprise_user):
    experts = [MentorFactory().user for _ in range(2)]
    first, second = (claim(challenge, user) for user in experts)
    services.accept_claim(first, actor=enterprise_user)
    with pytest.raises(services.BoardError):
        services.accept_claim(second, actor=enterprise_user)
    assert Claim.objects.filter(challenge=challenge, status="accepted").count() == 1


def test_accept_project_claim_by_mentee_proposes_pairing(
    project, mentee_user, apprentice, mentor_user, expert
):
    made = claim(project, mentee_user, organization_name="阿拉丁进出口")
    accepted = services.accept_claim(made, actor=mentor_user)
    pairing = Pairing.objects.get()
    assert accepted.pairing == pairing
    assert (pairing.mentor, pairing.mentee, pairing.status) == (expert, apprentice, "proposed")


def test_accept_demand_of_mentee_by_expert_proposes_pairing(
    mentee_user, apprentice, mentor_user, expert
):
    posting = ChallengeFactory(
        owner=mentee_user, poster_organization=None, poster_mentee=apprentice
    )
    made = claim(posting, mentor_user)
    services.accept_claim(made, actor=mentee_user)
    assert Pairing.objects.filter(mentor=expert, mentee=apprentice, status="proposed").count() == 1


def test_decline_claim_notifies_claimant(challenge, mentor_user, enterprise_user):
    made = claim(challenge, mentor_user)
    services.decline_claim(made, actor=enterprise_user, message="方向不符")
    made.refresh_from_db()
    assert made.status == Claim.Status.DECLINED
    assert "方向不符" in Notification.objects.get(user=mentor_user).body
    with pytest.raises(services.BoardError):
        services.accept_claim(made, actor=enterprise_user)


def test_lifecycle_to_landing_and_close(project, mentee_user, mentor_user):
    services.accept_claim(claim(project, mentee_user), actor=mentor_user)
    services.start_posting(project, actor=mentor_user)
    services.solve_posting(project, actor=mentor_user)
    landing = services.record_landing(
        project,
        actor=mentor_user,
        province="福建省",
        city="福州市",
        county="晋安区",
        landed_on=timezone.localdate(),
        intended_investment=50_000_000,
        signed_investment=20_000_000,
    )
    services.close_posting(project, actor=mentor_user)
    project.refresh_from_db()
    assert project.status == Status.CLOSED
    assert landing.region_label == "福建省福州市晋安区"
    assert list(project.history.values_list("action", flat=True)) == [
        "claimed",
        "claim_accepted",
        "started",
        "solved",
        "landed",
        "closed",
    ]


def test_start_before_claimed_is_refused(project, mentor_user):
    with pytest.raises(services.BoardError):
        services.start_posting(project, actor=mentor_user)


def test_remind_deadlines_notifies_once(challenge, enterprise_user, mentor_user):
    today = timezone.localdate()
    challenge.deadline = today + timedelta(days=3)
    challenge.save()
    claim(challenge, mentor_user)
    other = ChallengeFactory(deadline=today + timedelta(days=4))
    assert services.remind_deadlines(today) == 2
    assert services.remind_deadlines(today) == 2
    keys = set(
        Notification.objects.filter(key__startswith="projects.deadline").values_list(
            "user", flat=True
        )
    )
    assert keys == {enterprise_user.pk, mentor_user.pk}
    assert not Notification.objects.filter(user=other.owner).exists()


def test_task_remind_deadlines_runs_the_service(challenge):
    from projects.tasks import task_remind_deadlines

    challenge.deadline = timezone.localdate() + timedelta(days=3)
    challenge.save()
    assert task_remind_deadlines.apply().get() == 1
    assert (
        Notification.objects.filter(
            user=challenge.owner, key__startswith="projects.deadline"
        ).count()
        == 1
    )


def test_beat_schedule_has_the_deadline_reminder(settings):
    assert (
        settings.CELERY_BEAT_SCHEDULE["projects.remind_deadlines"]["task"]
        == "projects.remind_deadlines"
    )
