"""Deadline reminders to posters and open claimants."""

from datetime import timedelta

import pytest
from django.utils import timezone

from projects.services.deadlines import remind_deadlines
from talentbridge.models import Notification
from tests.factories import ChallengeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]


def test_remind_deadlines_notifies_once(challenge, enterprise_user, mentor_user, claim):
    today = timezone.localdate()
    challenge.deadline = today + timedelta(days=3)
    challenge.save()
    claim(challenge, mentor_user)
    other = ChallengeFactory(deadline=today + timedelta(days=4))
    assert remind_deadlines(today) == 2
    assert remind_deadlines(today) == 2
    keys = set(
        Notification.objects.filter(key__startswith="projects.deadline").values_list(
            "user", flat=True
        )
    )
    assert keys == {enterprise_user.pk, mentor_user.pk}
    assert not Notification.objects.filter(user=other.owner).exists()
