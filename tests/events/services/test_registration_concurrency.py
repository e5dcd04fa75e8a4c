"""Capacity under a registration rush, on PostgreSQL: the category row lock is what keeps
200 simultaneous registrations for 50 seats at exactly 50 confirmed."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import translation

from events.models import AttendeeCategory, Registration
from events.services import EventError, registration
from tests.events.conftest import make_users
from tests.factories import AttendeeCategoryFactory

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 200
SEATS = 50


def rush(event, category, users) -> list[Exception]:
    """Register every user at once, one thread (and one connection) each."""
    barrier = threading.Barrier(len(users))
    errors: list[Exception] = []

    def attempt(user):
        try:
            barrier.wait()
            registration.register_for_event(event, user=user, category=category)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def counts(category) -> dict[str, int]:
    rows = Registration.objects.filter(category=category)
    return {
        "confirmed": rows.filter(status=Registration.Status.CONFIRMED).count(),
        "waitlisted": rows.filter(status=Registration.Status.WAITLISTED).count(),
    }


def test_rush_with_lock_confirms_exactly_capacity(event):
    category = AttendeeCategoryFactory(event=event, capacity=SEATS)
    errors = rush(event, category, make_users(ATTEMPTS))
    assert errors == []
    assert counts(category) == {"confirmed": SEATS, "waitlisted": ATTEMPTS - SEATS}


def test_rush_without_lock_overbooks(event, monkeypatch):
    category = AttendeeCategoryFactory(event=event, capacity=SEATS)
    real_seats_taken = registration._seats_taken

    def unlocked(category):
        return AttendeeCategory.objects.get(pk=category.pk)

    def slow_seats_taken(category):
        taken = real_seats_taken(category)
        time.sleep(0.05)  # the gap between counting and inserting that the lock closes
        return taken

    monkeypatch.setattr(registration, "_lock_category", unlocked)
    monkeypatch.setattr(registration, "_seats_taken", slow_seats_taken)
    errors = rush(event, category, make_users(ATTEMPTS))
    assert errors == []
    result = counts(category)
    assert result["confirmed"] > SEATS
    assert result["confirmed"] + result["waitlisted"] == ATTEMPTS


def test_same_person_twice_at_once_is_registered_once(event, monkeypatch):
    """Both attempts pass the duplicate check before either locks; the unique constraint
    refuses the second, and the caller's own transaction stays usable after the refusal."""
    first = AttendeeCategoryFactory(event=event, name="嘉宾", capacity=SEATS)
    second = AttendeeCategoryFactory(event=event, name="媒体", capacity=SEATS)
    user = make_users(1)[0]
    checked = threading.Barrier(2)
    real_lock = registration._lock_category

    def lock_after_both_checked(category):
        checked.wait(timeout=10)
        return real_lock(category)

    monkeypatch.setattr(registration, "_lock_category", lock_after_both_checked)
    refusals: list[str] = []
    counted_after_refusal: list[int] = []

    def attempt(category):
        try:
            with translation.override("en"), transaction.atomic():
                try:
                    registration.register_for_event(event, user=user, category=category)
                except EventError as error:
                    refusals.append(str(error))
                    counted_after_refusal.append(Registration.objects.filter(user=user).count())
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(c,)) for c in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert refusals == ["You are already registered for this event."]
    assert counted_after_refusal == [1]
    assert Registration.objects.filter(user=user).count() == 1
