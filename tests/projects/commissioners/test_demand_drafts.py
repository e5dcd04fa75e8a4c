"""Needs distilled into demands: record → draft → the firm submits it in one step → review,
publication and 揭榜挂帅 like any demand, the record linking to the demand and its outcome."""

import pytest

from projects.commissioners import rules
from projects.commissioners.models import DemandDraft
from projects.commissioners.services import CommissionerError
from projects.commissioners.services.demands import (
    decline_demand_draft,
    draft_demand,
    submit_demand_draft,
)
from projects.models import Challenge, Claim, Status
from projects.services.claims import accept_claim, claim_posting
from projects.services.postings import publish_posting
from talentbridge.models import AuditEntry, Notification

from .conftest import make_commissioner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]

NEED = {
    "title": "变频压缩机低噪声设计",
    "summary": "整机噪声超标，出口认证受阻，需要声学与振动控制专家。",
    "details": "已有噪声频谱测试数据。",
    "problem_kind": Challenge.ProblemKind.BOTTLENECK,
    "required_expertise": "声学仿真、振动控制",
}


@pytest.fixture
def draft(record, commissioner, appliances):
    return draft_demand(record, actor=commissioner, fields=[appliances], **NEED)


def _review_data(**changes):
    return {
        "title": NEED["title"],
        "summary": NEED["summary"],
        "details": NEED["details"],
        "problem_kind": NEED["problem_kind"],
        "required_expertise": NEED["required_expertise"],
        "slots": "1",
        "reward_min": "200000",
        "reward_max": "500000",
        **changes,
    }


def test_a_draft_asks_the_firm_to_review(draft, firm_rep, record):
    assert draft.status == DemandDraft.Status.DRAFT and draft.record == record
    assert Notification.objects.filter(user=firm_rep, key__endswith=".ready").count() == 1
    assert AuditEntry.objects.filter(action="projects.demanddraft.create").count() == 1


def test_only_the_author_drafts(record, office, firm_rep, manager):
    colleague = make_commissioner(office, "王秀兰", "中国海洋大学", "海洋药物")
    for someone in (colleague, firm_rep, manager):
        assert not rules.can_draft_demand(someone, record)
        with pytest.raises(CommissionerError):
            draft_demand(record, actor=someone, **NEED)


def test_record_to_draft_to_published_to_claimed(
    draft, record, firm, firm_rep, manager, mentor_user, client_for, appliances
):
    # The firm reviews the draft in the demand form and submits it in one step.
    page = client_for(firm_rep).get(draft.get_absolute_url())
    assert page.status_code == 200
    assert NEED["title"] in page.content.decode()
    response = client_for(firm_rep).post(
        draft.get_absolute_url(), _review_data(fields=[appliances.pk])
    )
    challenge = Challenge.objects.get()
    assert response.status_code == 302 and response["Location"] == challenge.get_absolute_url()
    assert challenge.status == Status.SUBMITTED
    assert (challenge.owner, challenge.poster_organization) == (firm_rep, firm)
    assert challenge.office_id == record.office_id
    assert challenge.reward_max == 500_000
    assert list(challenge.fields.all()) == [appliances]
    draft.refresh_from_db()
    assert (draft.status, draft.challenge) == (DemandDraft.Status.SUBMITTED, challenge)
    assert Notification.objects.filter(user=record.commissioner, key__endswith=".submitted")

    # It is reviewed, published and claimed like any demand.
    publish_posting(challenge, actor=manager)
    claim = claim_posting(
        challenge, actor=mentor_user, approach="声学仿真", timeline="3个月", expected_result="降噪"
    )
    accept_claim(claim, actor=firm_rep)
    challenge.refresh_from_db()
    assert challenge.status == Status.CLAIMED

    # The record and the draft show the demand and its outcome.
    record_page = client_for(record.commissioner).get(record.get_absolute_url()).content.decode()
    assert challenge.get_absolute_url() in record_page
    assert str(challenge.get_status_display()) in record_page
    draft_page = client_for(manager).get(draft.get_absolute_url())
    assert draft_page.context["accepted_claims"] == 1
    assert Claim.objects.get().status == Claim.Status.ACCEPTED


def test_the_firm_cannot_post_the_draft_as_someone_else(
    draft, firm, firm_rep, other_firm_rep, client_for
):
    other = other_firm_rep.organizations.get()
    other.members.add(firm_rep)
    client_for(firm_rep).post(
        draft.get_absolute_url(),
        _review_data(post_as=f"org:{other.pk}", organization_name="中国科学院", office="999"),
    )
    challenge = Challenge.objects.get()
    assert challenge.poster_organization == firm
    assert challenge.office_id == draft.record.office_id


def test_the_review_form_reports_bad_input(draft, firm_rep, client_for):
    response = client_for(firm_rep).post(
        draft.get_absolute_url(), _review_data(title="短", reward_min="9", reward_max="1")
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"title", "reward_max"}
    assert not Challenge.objects.exists()


def test_only_the_firm_submits_or_declines(draft, commissioner, other_firm_rep, manager):
    for someone in (commissioner, other_firm_rep, manager):
        assert not rules.can_review_draft(someone, draft)
        with pytest.raises(CommissionerError, match="representatives"):
            submit_demand_draft(draft, Challenge(title="x", summary="y"), actor=someone)
        with pytest.raises(CommissionerError, match="representatives"):
            decline_demand_draft(draft, actor=someone, reason="不需要")


def test_a_declined_draft_is_final(draft, firm_rep, commissioner):
    with pytest.raises(CommissionerError, match="why"):
        decline_demand_draft(draft, actor=firm_rep, reason="")
    decline_demand_draft(draft, actor=firm_rep, reason="企业已自行解决")
    draft.refresh_from_db()
    assert draft.status == DemandDraft.Status.DECLINED
    assert Notification.objects.filter(user=commissioner, key__endswith=".declined").count() == 1
    with pytest.raises(CommissionerError, match="already decided"):
        draft_demand(draft.record, actor=commissioner, **NEED)
    with pytest.raises(CommissionerError, match="already decided"):
        submit_demand_draft(draft, Challenge(title="x", summary="y"), actor=firm_rep)


def test_the_author_rewrites_a_draft_until_the_firm_decides(draft, commissioner):
    draft_demand(draft.record, actor=commissioner, **{**NEED, "title": "压缩机降噪与减振"})
    draft.refresh_from_db()
    assert draft.title == "压缩机降噪与减振"
    entry = AuditEntry.objects.get(action="projects.demanddraft.edit")
    assert entry.changes["title"] == [NEED["title"], "压缩机降噪与减振"]
    assert entry.changes["fields"] == [["smart_home_appliance"], []]
