"""The demo summit tells one consistent story: a summit that happened, with registrations
over the weeks before, check-ins on the day, a report in the past tense, badges that agree
with the profiles, and the privileged categories by invitation only."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events import demo, reports, statistics
from events.models import AttendeeCategory, Ceremony, Event, Registration
from events.queries import badges_for_category
from events.services.ceremony import ceremony_state
from mentors.models import Mentor, Pairing
from talentbridge import demo as accounts_demo

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
