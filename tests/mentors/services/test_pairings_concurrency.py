"""A mentor's capacity under concurrent acceptance, on real PostgreSQL."""

import threading

import pytest
from django.db import connection

from mentors.models import Mentor, Pairing
from mentors.services import CapacityFull, accept_pairing, propose_pairing
from mentors.services import pairings as pairing_services
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 6
CAPACITY = 2


def _proposals(make_mentor, make_mentee):
    organizer = UserFactory(is_organizer=True)
    mentor = make_mentor(capacity=CAPACITY)
    pairings = [propose_pairing(mentor, make_mentee(), actor=organizer) for _ in range(THREADS)]
    return mentor, pairings, organizer


def _accept_all_at_once(pairings, organizer) -> list[str]:
    start = threading.Barrier(len(pairings))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(pairing):
        try:
            start.wait(timeout=10)
            accept_pairing(pairing, actor=organizer)
            outcome = "accepted"
        except CapacityFull:
            outcome = "full"
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(p,)) for p in pairings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_accept_pairing_without_lock_exceeds_capacity(make_mentor, make_mentee, monkeypatch):
    mentor, pairings, organizer = _proposals(make_mentor, make_mentee)
    counted = threading.Barrier(THREADS)
    real_count = pairing_services.occupied_places

    def count_then_wait(m):
        # Every transaction counts before any of them writes: the classic lost update.
        places = real_count(m)
        counted.wait(timeout=10)
        return places

    monkeypatch.setattr(pairing_services, "_locked_mentor", lambda pk: Mentor.objects.get(pk=pk))
    monkeypatch.setattr(pairing_services, "occupied_places", count_then_wait)

    outcomes = _accept_all_at_once(pairings, organizer)

    assert outcomes.count("accepted") == THREADS
    occupied = Pairing.objects.filter(mentor=mentor, status__in=Pairing.OCCUPYING).count()
    assert occupied == THREADS > CAPACITY


def test_accept_pairing_with_lock_never_exceeds_capacity(make_mentor, make_mentee):
    mentor, pairings, organizer = _proposals(make_mentor, make_mentee)

    outcomes = _accept_all_at_once(pairings, organizer)

    assert outcomes.count("accepted") == CAPACITY
    assert outcomes.count("full") == THREADS - CAPACITY
    occupied = Pairing.objects.filter(mentor=mentor, status__in=Pairing.OCCUPYING).count()
    assert occupied == CAPACITY
