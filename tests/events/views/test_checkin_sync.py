"""The desk's offline queue, server side: scans replayed by id are applied once; the same
code from two desks checks in once and tells the second when and by whom."""

import json
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import CheckInScan, Registration
from events.services.checkin import check_in
from tests.factories import RegistrationFactory, UserFactory

from .pages import client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(event, organizer):
    return client_as(organizer), reverse("events:checkin_sync", kwargs={"pk": event.pk})


def post(desk, scans):
    client, url = desk
    return client.post(url, json.dumps({"scans": scans}), content_type="application/json")


def scan(code, **extra):
    return {"id": str(uuid.uuid4()), "code": code, **extra}


def test_offline_scans_apply_once_each(desk, event, guests, organizer):
    first, second = RegistrationFactory.create_batch(2, event=event, category=guests)
    earlier = timezone.now() - timedelta(minutes=20)
    scans = [
        scan(first.display_code, scanned_at=earlier.isoformat()),
        scan(second.code.lower()),
        scan("ZZZZ-ZZZZ-ZZZZ"),
    ]
    answer = post(desk, scans).json()["results"]
    assert [r["outcome"] for r in answer] == ["checked_in", "checked_in", "refused"]
    assert answer[0]["name"] == first.user.name
    first.refresh_from_db()
    assert first.status == Registration.Status.CHECKED_IN
    assert abs(first.checked_in_at - earlier) < timedelta(seconds=1)
    assert first.checked_in_by == organizer
    # The answer was lost; the desk sends the same scans again: nothing changes.
    again = post(desk, scans).json()["results"]
    assert again == answer
    assert CheckInScan.objects.count() == 3


def test_same_code_on_two_desks_is_one_check_in(desk, event, guests, organizer):
    registration = RegistrationFactory(event=event, category=guests)
    volunteer = UserFactory(name="志愿者小李")
    check_in(event, registration.code, actor=volunteer)
    (result,) = post(desk, [scan(registration.code)]).json()["results"]
    assert result["outcome"] == "already"
    assert "志愿者小李" in result["message"] and registration.user.name in result["message"]


def test_a_clock_far_off_is_not_believed(desk, event, guests):
    registration = RegistrationFactory(event=event, category=guests)
    future = (timezone.now() + timedelta(days=3)).isoformat()
    post(desk, [scan(registration.code, scanned_at=future)])
    registration.refresh_from_db()
    assert registration.checked_in_at <= timezone.now()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps({"scans": "x"}),
        json.dumps({"scans": [{"id": "nope", "code": "A"}]}),
        json.dumps({"scans": [{"id": "0b6c1c9e-3f0e-4d55-9a53-2a4c1e7f8d10", "code": 5}]}),
        json.dumps({"scans": [scan("A", scanned_at="2026-13-45T99:00:00+08:00")]}),
        json.dumps({"scans": [scan("A")] * 101}),
    ],
)
def test_bad_input_gets_a_clear_400(desk, body):
    client, url = desk
    response = client.post(url, body, content_type="application/json")
    if response.status_code == 200:  # an impossible date is ignored: the scan is dated now
        assert response.json()["results"][0]["outcome"] == "refused"
    else:
        assert response.status_code == 400
        assert response.json()["error"]


def test_only_the_desk_staff_may_sync(event, mentee_user):
    url = reverse("events:checkin_sync", kwargs={"pk": event.pk})
    response = client_as(mentee_user).post(url, "{}", content_type="application/json")
    assert response.status_code == 404
