"""Dispatching commissioners by hand, from the matching engine's suggestions and at a firm's
request; ending a dispatch."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentors.models import Organization
from projects.commissioners.models import CommissionerRequest, Dispatch
from projects.commissioners.services import CommissionerError
from projects.commissioners.services.dispatches import (
    accept_request,
    decline_request,
    dispatch_commissioner,
    end_dispatch,
    request_commissioner,
)
from projects.commissioners.suggestions import suggest_commissioners
from talentbridge.models import AuditEntry, Notification
from tests.factories import IndustryChainFactory, OrganizationFactory, UserFactory

from .conftest import make_commissioner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]

TODAY = timezone.localdate


def test_a_dispatch_tells_both_sides_and_is_audited(dispatch, commissioner, firm_rep, manager):
    assert dispatch.status == Dispatch.Status.ACTIVE
    assert Notification.objects.filter(user=commissioner, key__endswith=".commissioner").exists()
    assert Notification.objects.filter(user=firm_rep, key__endswith=".firm").exists()
    entry = AuditEntry.objects.get(action="projects.dispatch.create")
    assert entry.actor == manager
    assert entry.changes["firm"] == dispatch.organization.name


def test_only_managers_dispatch_and_only_commissioners_are_dispatched(
    office, commissioner, firm, manager, other_office_manager
):
    for someone in (commissioner, other_office_manager):
        with pytest.raises(CommissionerError, match="managers"):
            dispatch_commissioner(office, commissioner, firm, actor=someone, starts_on=TODAY())
    stranger = UserFactory(is_mentor=True)
    with pytest.raises(CommissionerError, match="not a commissioner"):
        dispatch_commissioner(office, stranger, firm, actor=manager, starts_on=TODAY())
    assert not Dispatch.objects.exists()


def test_one_active_dispatch_per_commissioner_and_firm(dispatch, office, manager):
    with pytest.raises(CommissionerError, match="already serves"):
        dispatch_commissioner(
            office, dispatch.commissioner, dispatch.organization, actor=manager, starts_on=TODAY()
        )
    end_dispatch(dispatch, actor=manager)
    dispatch.refresh_from_db()
    assert (dispatch.status, dispatch.ends_on) == (Dispatch.Status.ENDED, TODAY())
    with pytest.raises(CommissionerError, match="already ended"):
        end_dispatch(dispatch, actor=manager)
    again = dispatch_commissioner(
        office, dispatch.commissioner, dispatch.organization, actor=manager, starts_on=TODAY()
    )
    assert again.status == Dispatch.Status.ACTIVE


def test_a_period_cannot_end_before_it_starts(office, commissioner, firm, manager):
    with pytest.raises(CommissionerError, match="before its start"):
        dispatch_commissioner(
            office,
            commissioner,
            firm,
            actor=manager,
            starts_on=TODAY(),
            ends_on=TODAY() - timedelta(days=1),
        )


def test_a_firm_requests_a_commissioner_and_the_office_dispatches_them(
    office, commissioner, firm, firm_rep, manager
):
    asked = request_commissioner(office, firm, commissioner, actor=firm_rep, message="噪声问题")
    assert Notification.objects.filter(user=manager, key__startswith="projects.commissionerrequest")
    with pytest.raises(CommissionerError, match="already asked"):
        request_commissioner(office, firm, commissioner, actor=firm_rep, message="再问一次")
    dispatch = accept_request(asked, actor=manager, starts_on=TODAY())
    asked.refresh_from_db()
    assert asked.status == CommissionerRequest.Status.ACCEPTED and asked.dispatch == dispatch
    assert (dispatch.source, dispatch.commissioner) == (Dispatch.Source.REQUESTED, commissioner)
    with pytest.raises(CommissionerError, match="already been answered"):
        decline_request(asked, actor=manager, message="")


def test_a_declined_request_tells_the_firm_why(office, commissioner, firm, firm_rep, manager):
    asked = request_commissioner(office, firm, commissioner, actor=firm_rep, message="需要专员")
    decline_request(asked, actor=manager, message="该专员本季度已满负荷")
    assert Notification.objects.filter(user=firm_rep, key__endswith=".declined").count() == 1
    assert not Dispatch.objects.exists()


def test_only_a_firms_representative_requests_for_it(
    office, commissioner, firm, firm_rep, other_firm_rep, manager
):
    with pytest.raises(CommissionerError, match="representatives"):
        request_commissioner(office, firm, commissioner, actor=other_firm_rep, message="冒名")
    with pytest.raises(CommissionerError, match="not a commissioner"):
        request_commissioner(office, firm, manager, actor=firm_rep, message="要管理员当专员")
    assert not CommissionerRequest.objects.exists()


def test_suggestions_rank_by_field_and_needs_and_skip_conflicts(
    office, commissioner, firm, firm_rep, manager, appliances
):
    marine = IndustryChainFactory(slug="marine_economy", name_zh="海洋经济", name_en="Marine")
    oceanographer = make_commissioner(
        office, "谢东", "自然资源部第一海洋研究所", "海洋环境监测与预报", [marine]
    )
    insider = make_commissioner(
        office, "程亮", "海晟研究院", "家电变频压缩机噪声振动控制", [appliances]
    )
    insider.mentor_profile.affiliation = firm
    insider.mentor_profile.save()
    ranked = suggest_commissioners(office, firm)
    names = [candidate.commissioner.name for candidate in ranked]
    assert names[0] == commissioner.name
    assert insider.name not in names
    assert oceanographer.name not in names[:1]
    assert ranked[0].explained
    assert 0 < ranked[0].score <= 1


def test_a_commissioner_already_serving_is_not_suggested_again(dispatch, office, firm):
    assert dispatch.commissioner not in [
        c.commissioner for c in suggest_commissioners(office, firm)
    ]


def test_a_firm_with_nothing_to_match_gets_no_suggestion(office, commissioner):
    bare = OrganizationFactory(name="空白企业", kind=Organization.Kind.ENTERPRISE, province="")
    assert suggest_commissioners(office, bare) == []
