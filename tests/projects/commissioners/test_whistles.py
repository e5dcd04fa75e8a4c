"""Whistle and report (项目吹哨、专员报到): deadlines on a fake clock, the first responder,
escalation to the office's managers once per missed deadline, and who may do what."""

from datetime import timedelta

import pytest

from projects.commissioners import rules
from projects.commissioners.models import WhistleRequest
from projects.commissioners.services import CommissionerError
from projects.commissioners.services.dispatches import dispatch_commissioner
from projects.commissioners.services.whistles import (
    acknowledge_whistle,
    assign_whistle,
    close_whistle,
    escalate_overdue_whistles,
    raise_whistle,
    set_whistle_policy,
)
from projects.commissioners.tasks import task_escalate_whistles
from talentbridge.celery import app as celery_app
from talentbridge.models import AuditEntry, Membership, Notification, OfficeRole
from tests.factories import OrganizationFactory, UserFactory

from .conftest import make_commissioner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]


@pytest.fixture
def second_manager(office):
    person = UserFactory(name="王主任")
    Membership.objects.create(office=office, user=person, role=OfficeRole.MANAGER)
    return person


@pytest.fixture
def whistle(clock, dispatch, firm_rep, office, firm):
    return raise_whistle(
        office, firm, actor=firm_rep, title="压缩机噪声导致出口认证受阻", urgency="urgent"
    )


def escalations(user) -> list[str]:
    return list(
        Notification.objects.filter(user=user, key__contains=".overdue.").values_list(
            "key", flat=True
        )
    )


def test_raising_fixes_the_deadlines_and_assigns_the_first_responder(whistle, clock, commissioner):
    assert whistle.commissioner == commissioner
    assert whistle.raised_at == clock.current
    assert whistle.acknowledge_by == clock.current + timedelta(hours=24)
    assert whistle.close_by == clock.current + timedelta(hours=120)
    notice = Notification.objects.get(user=commissioner, key__contains="whistle")
    assert "2026-06-02 09:00" in notice.title


def test_the_office_sets_its_own_deadlines(clock, dispatch, office, firm, firm_rep, manager):
    set_whistle_policy(office, acknowledge_hours=4, close_hours=48, actor=manager)
    whistle = raise_whistle(office, firm, actor=firm_rep, title="产线停机需要诊断")
    assert whistle.acknowledge_by - whistle.raised_at == timedelta(hours=4)
    assert whistle.close_by - whistle.raised_at == timedelta(hours=48)
    assert AuditEntry.objects.get(action="projects.whistlepolicy.set").changes == {
        "acknowledge_hours": [None, 4],
        "close_hours": [None, 48],
    }


@pytest.mark.parametrize(("ack", "close"), [(0, 10), (200, 300), (24, 12), (24, 5000)])
def test_deadlines_out_of_range_are_refused(office, manager, ack, close):
    with pytest.raises(CommissionerError):
        set_whistle_policy(office, acknowledge_hours=ack, close_hours=close, actor=manager)


def test_acknowledged_and_closed_in_time_escalates_nothing(whistle, clock, commissioner, manager):
    clock.advance(hours=5)
    acknowledge_whistle(whistle, actor=commissioner)
    clock.advance(hours=30)
    close_whistle(whistle, actor=commissioner, resolution="现场给出减振方案")
    clock.advance(days=30)
    assert escalate_overdue_whistles(clock.current) == 0
    whistle.refresh_from_db()
    assert not whistle.acknowledged_late and not whistle.closed_late
    assert whistle.acknowledged_at - whistle.raised_at == timedelta(hours=5)
    assert escalations(manager) == []


def test_a_late_acknowledgement_is_escalated_once_not_twice(
    whistle, clock, commissioner, manager, second_manager
):
    clock.advance(hours=23, minutes=59)
    assert escalate_overdue_whistles(clock.current) == 0
    clock.advance(minutes=2)
    assert escalate_overdue_whistles(clock.current) == 1
    assert escalate_overdue_whistles(clock.current) == 0
    clock.advance(hours=1)
    assert task_escalate_whistles() == 0
    for person in (manager, second_manager):
        assert escalations(person) == [f"projects.whistle.{whistle.pk}.overdue.acknowledge"]
    assert escalations(commissioner) == []
    acknowledge_whistle(whistle, actor=commissioner)
    whistle.refresh_from_db()
    assert whistle.acknowledged_late
    assert AuditEntry.objects.filter(action="projects.whistle.escalate").count() == 1
    assert AuditEntry.objects.get(action="projects.whistle.acknowledge").changes["on_time"] is False


def test_a_missed_closing_deadline_escalates_once_more(whistle, clock, commissioner, manager):
    clock.advance(hours=2)
    acknowledge_whistle(whistle, actor=commissioner)
    clock.advance(hours=119)
    assert escalate_overdue_whistles(clock.current) == 1
    assert escalate_overdue_whistles(clock.current) == 0
    assert escalations(manager) == [f"projects.whistle.{whistle.pk}.overdue.close"]
    close_whistle(whistle, actor=commissioner, resolution="协调供应商更换部件")
    whistle.refresh_from_db()
    assert whistle.closed_late and not whistle.acknowledged_late


def test_an_untouched_request_escalates_each_deadline_once(whistle, clock, manager):
    clock.advance(days=10)
    assert escalate_overdue_whistles(clock.current) == 2
    assert escalate_overdue_whistles(clock.current) == 0
    assert sorted(escalations(manager)) == [
        f"projects.whistle.{whistle.pk}.overdue.acknowledge",
        f"projects.whistle.{whistle.pk}.overdue.close",
    ]


def test_the_deadline_check_is_registered_under_its_beat_name():
    assert task_escalate_whistles.name == "projects.commissioners.escalate_whistles"
    assert task_escalate_whistles.name in celery_app.tasks


def test_closing_acknowledges_at_the_same_moment(whistle, clock, commissioner, firm_rep):
    clock.advance(hours=3)
    with pytest.raises(CommissionerError, match="done"):
        close_whistle(whistle, actor=commissioner, resolution=" ")
    close_whistle(whistle, actor=commissioner, resolution="电话指导解决")
    whistle.refresh_from_db()
    assert whistle.acknowledged_at == whistle.closed_at == clock.current
    assert Notification.objects.filter(user=firm_rep, key__endswith=".closed").count() == 1
    with pytest.raises(CommissionerError, match="closed"):
        close_whistle(whistle, actor=commissioner, resolution="再次")


def test_only_the_assigned_commissioner_reports(whistle, office, manager, firm_rep):
    colleague = make_commissioner(office, "王秀兰", "中国海洋大学", "海洋药物")
    for someone in (colleague, manager, firm_rep):
        assert not rules.can_acknowledge_whistle(someone, whistle)
        with pytest.raises(CommissionerError, match="assigned"):
            acknowledge_whistle(whistle, actor=someone)


def test_a_request_nobody_serves_goes_to_the_managers_to_assign(
    clock, office, manager, commissioner
):
    unserved = OrganizationFactory(name="青岛启明食品有限公司")
    whistle = raise_whistle(office, unserved, actor=manager, title="啤酒风味批次波动")
    assert whistle.commissioner is None
    assert Notification.objects.filter(user=manager, key__endswith=".unassigned").count() == 1
    with pytest.raises(CommissionerError, match="not a commissioner"):
        assign_whistle(whistle, manager, actor=manager)
    assign_whistle(whistle, commissioner, actor=manager)
    whistle.refresh_from_db()
    assert whistle.commissioner == commissioner
    acknowledge_whistle(whistle, actor=commissioner)


def test_a_firm_raises_only_where_an_office_serves_it(
    clock, office, firm, other_firm_rep, firm_rep, other_office_manager
):
    with pytest.raises(CommissionerError):
        raise_whistle(office, firm, actor=firm_rep, title="没有专员的企业")
    other_firm = other_firm_rep.organizations.get()
    with pytest.raises(CommissionerError):
        raise_whistle(office, other_firm, actor=other_firm_rep, title="别家的企业")
    with pytest.raises(CommissionerError):
        raise_whistle(office, firm, actor=other_office_manager, title="别的工作机构")
    assert not WhistleRequest.objects.exists()


def test_a_key_project_goes_to_its_own_commissioner(
    clock, dispatch, office, firm, firm_rep, manager
):
    specialist = make_commissioner(office, "唐宁", "哈尔滨工程大学青岛创新发展基地", "船舶动力")
    dispatch_commissioner(
        office,
        specialist,
        firm,
        actor=manager,
        starts_on=dispatch.starts_on,
        key_project="智能家电产值倍增计划",
    )
    whistle = raise_whistle(
        office, firm, actor=firm_rep, title="倍增计划产线调试", key_project="智能家电产值倍增计划"
    )
    assert whistle.commissioner == specialist
