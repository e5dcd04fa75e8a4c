"""Follow-ups on landings: recording a check-in and the yearly reminders (fixed clock)."""

from datetime import date

import pytest

from projects import tasks
from projects.models import FollowUp, Landing
from projects.services.common import BoardError
from projects.services.followups import due_date, record_followup, remind_followups
from talentbridge.models import AuditEntry, Notification

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]


@pytest.fixture
def landing(project):
    return Landing.objects.create(
        project=project, province="福建省", county="晋安区", landed_on=date(2024, 3, 10)
    )


def _reminded():
    return sorted(
        Notification.objects.filter(key__startswith="projects.followup").values_list(
            "user_id", "key"
        )
    )


def test_record_followup_writes_the_audit_trail(landing, mentor_user):
    followup = record_followup(
        landing,
        actor=mentor_user,
        checked_on=date(2025, 3, 12),
        status=FollowUp.OperatingStatus.OPERATING,
        actual_investment=12_000_000,
        jobs_created=35,
        talents_brought=4,
    )
    assert list(landing.followups.all()) == [followup]
    assert AuditEntry.objects.filter(action="projects.followup.record").count() == 1


def test_record_followup_refuses_a_date_before_the_landing(landing, mentor_user):
    with pytest.raises(BoardError):
        record_followup(landing, actor=mentor_user, checked_on=date(2024, 3, 9), status="operating")
    assert not FollowUp.objects.exists()


def test_due_date_follows_the_anniversary(landing):
    assert due_date(landing, date(2024, 12, 31)) is None
    assert due_date(landing, date(2025, 3, 9)) is None
    assert due_date(landing, date(2025, 3, 10)) == date(2025, 3, 10)
    assert due_date(landing, date(2026, 7, 1)) == date(2026, 3, 10)


def test_remind_followups_once_per_landing_and_year(landing, organizer, mentor_user):
    assert remind_followups(date(2025, 3, 9)) == 0
    assert _reminded() == []
    assert remind_followups(date(2025, 3, 10)) == 1
    assert remind_followups(date(2025, 3, 11)) == 1
    key = f"projects.followup.{landing.pk}.2025"
    assert _reminded() == sorted([(organizer.pk, key), (mentor_user.pk, key)])


def test_a_recorded_followup_stops_the_reminder(landing, organizer, mentor_user):
    record_followup(landing, actor=organizer, checked_on=date(2025, 3, 1), status="operating")
    assert remind_followups(date(2025, 3, 10)) == 1
    record_followup(landing, actor=organizer, checked_on=date(2025, 3, 10), status="operating")
    assert remind_followups(date(2025, 3, 11)) == 0
    assert len(_reminded()) == 2
    assert remind_followups(date(2026, 3, 10)) == 1
    assert len(_reminded()) == 4


def test_the_daily_task_reminds_through_the_beat_schedule(project, settings, monkeypatch):
    Landing.objects.create(project=project, province="福建省", landed_on=date(2024, 3, 10))
    monkeypatch.setattr(tasks.timezone, "localdate", lambda: date(2025, 3, 10))
    assert settings.CELERY_BEAT_SCHEDULE["projects.remind_followups"]["task"] == (
        tasks.task_remind_followups.name
    )
    assert tasks.task_remind_followups.apply().get() == 1
    assert Notification.objects.filter(user=project.owner, key__startswith="projects.followup")
