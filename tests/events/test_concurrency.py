"""Capacity under a registration rush, on PostgreSQL: the category row lock is what keeps
200 simultaneous registrations for 50 seats at exactly 50 confirmed."""

import threading
import time

import pytest
from django.db import connection

from events import services
from events.models import AttendeeCategory, Registration
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
            services.register_for_event(event, user=user, category=category)
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
    real_seats_taken = services._seats_taken

    def unlocked(category):
        return AttendeeCategory.objects.get(pk=category.pk)

    def slow_seats_taken(category):
        taken = real_seats_taken(category)
        time.sleep(0.05)  # the gap between counting and inserting that the lock closes
        return taken

    monkeypatch.setattr(services, "_lock_category", unlocked)
    monkeypatch.setattr(services, "_seats_taken", slow_seats_taken)
    errors = rush(event, category, make_users(ATTEMPTS))
    assert errors == []
    result = counts(category)
    assert result["confirmed"] > SEATS
    assert result["confirmed"] + result["waitlisted"] == ATTEMPTS
