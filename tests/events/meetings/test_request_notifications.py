"""A request reaches the other side in the portal and by e-mail; its answer reaches the
requester; each once, in the receiver's language, linking to their matchmaking page."""

import pytest
from django.core import mail
from django.urls import reverse

from events.meetings.services.requests import (
    accept_request,
    cancel_request,
    decline_request,
    request_meeting,
)
from talentbridge.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Notifications leave after the commit: run what is sent inside ``with sent():``."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _only(user) -> Notification:
    (notification,) = Notification.objects.filter(user=user)
    return notification


def _speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])


def test_the_recipient_hears_of_a_request(day, alice, bob, sent):
    _speaks(bob, "en")
    with sent():
        request = request_meeting(day, alice, bob, message="想了解水下传感器")
    notification = _only(bob)
    assert notification.key == f"events.meetingrequest.{request.pk}.received"
    assert notification.url == reverse("events:meetings:home", args=[day.pk])
    assert f"{alice.name} asks you for a meeting at {day.title}" == notification.title
    assert "“想了解水下传感器”" in notification.body
    assert not Notification.objects.filter(user=alice).exists()
    assert [m.to for m in mail.outbox] == [[bob.email]]


def test_the_requester_hears_of_the_acceptance_in_english(day, alice, bob, sent):
    _speaks(alice, "en")
    request = request_meeting(day, alice, bob, message="合作")
    with sent():
        accept_request(request, actor=bob)
    notification = _only(alice)
    assert notification.key == f"events.meetingrequest.{request.pk}.accepted"
    assert notification.title == f"{bob.name} accepted your meeting request at {day.title}"
    assert "contact details are now shared" in notification.body


def test_the_requester_hears_of_a_decline_in_chinese(day, alice, bob, sent):
    _speaks(alice, "zh-hans")
    request = request_meeting(day, alice, bob, message="合作")
    with sent():
        decline_request(request, actor=bob)
    notification = _only(alice)
    assert notification.key == f"events.meetingrequest.{request.pk}.declined"
    assert notification.title == f"{bob.name} 婉拒了您在{day.title}的约见申请"


def test_each_request_notifies_once(day, alice, bob, sent):
    with sent():
        first = request_meeting(day, alice, bob, message="第一次")
        cancel_request(first, actor=alice)
        second = request_meeting(day, alice, bob, message="第二次")
    keys = list(Notification.objects.filter(user=bob).values_list("key", flat=True))
    assert sorted(keys) == sorted(
        [
            f"events.meetingrequest.{first.pk}.received",
            f"events.meetingrequest.{second.pk}.received",
        ]
    )
    assert not Notification.objects.filter(user=alice).exists()
