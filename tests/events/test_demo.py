"""The demo summit tells one consistent story: a summit that happened, with registrations
over the weeks before, check-ins on the day, a report in the past tense, badges that agree
with the profiles, and the privileged categories by invitation only."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from events import demo, reports, rules, statistics
from events.models import (
    AttendeeCategory,
    Ceremony,
    Event,
    EventMember,
    EventPosting,
    ExpertInvitation,
    Registration,
)
from events.queries import badges_for_category
from events.services.ceremony import ceremony_state
from mentors.models import Mentor, Pairing
from talentbridge import demo as accounts_demo
from talentbridge.models import MANAGING_ROLES, AuditEntry, Membership, User

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_summit_is_a_past_event_told_consistently():
    call_command("seed_demo", stdout=io.StringIO())
    summit = Event.objects.get(title=demo.TITLE)
    assert summit.status == Event.Status.HELD
    assert summit.is_past
    day = timezone.localtime(summit.starts_at).date()
    assert day == demo.SUMMIT_DAY

    registrations = Registration.objects.filter(event=summit)
    registered_on = {timezone.localtime(r.created_at).date() for r in registrations}
    assert len(registered_on) > 20
    assert max(registered_on) < day
    checked = registrations.filter(status=Registration.Status.CHECKED_IN)
    assert {timezone.localtime(r.checked_in_at).date() for r in checked} == {day}

    figures = statistics.figures(statistics.Scope(event=summit))
    assert len(figures["registrations_over_time"]) == len(registered_on)
    zh, en = reports.bilingual_paragraphs(summit, figures)
    assert "隆重举行" in zh["text"] and "签到出席" in zh["text"] and "将于" not in zh["text"]
    assert "was held" in en["text"] and "takes place" not in en["text"]

    invitation = AttendeeCategory.objects.filter(event=summit, access="invitation")
    assert set(invitation.values_list("name", flat=True)) == {"领导嘉宾", "工作人员", "媒体"}

    expert = Mentor.objects.get(user__email=accounts_demo.DEMO_ACCOUNTS["mentor"][0])
    experts = AttendeeCategory.objects.get(event=summit, name="师傅（专家）")
    badge = next(r for r in badges_for_category(experts) if r.user_id == expert.user_id)
    assert badge.organization_name == expert.affiliation.name

    state = ceremony_state(Ceremony.objects.get(event=summit))
    assert state.phase == "finished"
    assert state.done_count == state.total == demo.CEREMONY_PAIRS
    on_stage = [pair.pairing_id for pair in state.pairs]
    celebrated = Pairing.objects.filter(pk__in=on_stage, status=Pairing.Status.CELEBRATED)
    assert celebrated.count() == demo.CEREMONY_PAIRS

    # Seeding again changes none of it.
    call_command("seed_demo", stdout=io.StringIO())
    assert Registration.objects.filter(event=summit).count() == registrations.count()
    assert ceremony_state(Ceremony.objects.get(event=summit)).done_count == demo.CEREMONY_PAIRS
    assert celebrated.count() == demo.CEREMONY_PAIRS


def test_the_demo_summit_has_its_cast():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    summit = Event.objects.get(title=demo.TITLE)
    assert summit.office.name == "福建省引进人才服务中心"
    assert [o.name for o in summit.co_host_offices.all()] == ["晋安区人民政府"]
    managers = Membership.objects.filter(office=summit.office, role__in=MANAGING_ROLES)
    assert {m.user.email for m in managers} == {
        "organizer@demo.talentbridge.cn",
        "manager@demo.talentbridge.cn",
    }
    team = {(m.user.email, m.role) for m in EventMember.objects.filter(event=summit)}
    assert team == {
        ("checkin1@demo.talentbridge.cn", "checkin"),
        ("checkin2@demo.talentbridge.cn", "checkin"),
        ("checkin3@demo.talentbridge.cn", "checkin"),
        ("ceremony@demo.talentbridge.cn", "ceremony"),
    }
    volunteer = User.objects.get(email="checkin1@demo.talentbridge.cn")
    assert volunteer.check_password(accounts_demo.DEMO_PASSWORD)
    assert rules.can_check_in(volunteer, summit)
    assert not rules.can_run_ceremony(volunteer, summit)
    assert not rules.can_view_event_statistics(volunteer, summit)
    desk = set(
        Registration.objects.filter(event=summit, status="checked_in").values_list(
            "checked_in_by__email", flat=True
        )
    )
    assert desk == {f"checkin{n}@demo.talentbridge.cn" for n in (1, 2, 3)}
    for email in ("checkin1@", "checkin3@", "ceremony@", "jinan@", "manager@"):
        assert email in out.getvalue()

    call_command("seed_demo", stdout=io.StringIO())
    assert EventMember.objects.filter(event=summit).count() == 4
    # The summit's four, and the table staff of its afternoon 对接会.
    assert AuditEntry.objects.filter(action__startswith="events.team").count() == 4 + 1


def test_the_demo_summit_invited_its_forty_experts_with_a_mix_of_replies():
    call_command("seed_demo", stdout=io.StringIO())
    summit = Event.objects.get(title=demo.TITLE)
    replies = dict(
        ExpertInvitation.objects.filter(event=summit)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    assert replies == {"accepted": 31, "declined": 3, "invited": 6}
    assert summit.invited_mentors.count() == 40
    collected = EventPosting.objects.filter(event=summit)
    assert collected.count() == collected.filter(submitted_by__isnull=False).count() == 53
    assert all(summit.call_opens_at < link.added_at < summit.call_closes_at for link in collected)
    call_command("seed_demo", stdout=io.StringIO())
    assert ExpertInvitation.objects.filter(event=summit).count() == 40
