"""Concurrent accepts on PostgreSQL: the race without the row lock, exact winners with it."""

import threading
import time

import pytest
from django.db import connection

from projects.models import Claim
from projects.services import claims as services
from projects.services.common import BoardError
from tests.factories import ChallengeFactory, MentorFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CLAIMANTS = 6


def _claims(slots: int):
    posting = ChallengeFactory(slots=slots)
    claims = [
        services.claim_posting(
            posting,
            actor=MentorFactory().user,
            approach="方案",
            timeline="3个月",
            expected_result="结果",
        )
        for _ in range(CLAIMANTS)
    ]
    return posting, claims


def _accept_all(posting, claims) -> tuple[int, int]:
    """Accept every claim at once, one thread each; return (accepted, refused)."""
    results = []
    start = threading.Barrier(len(claims))

    def accept(claim):
        try:
            start.wait()
            services.accept_claim(claim, actor=posting.owner)
            results.append(True)
        except BoardError:
            results.append(False)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(claim,)) for claim in claims]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results.count(True), results.count(False)


def test_accepts_without_the_lock_overfill_the_slots(monkeypatch):
    posting, claims = _claims(slots=2)
    counted = threading.Barrier(CLAIMANTS, timeout=10)
    real_count = services.accepted_count

    def count_then_wait(p):
        # Every transaction counts before any of them writes: the lost update the lock prevents.
        n = real_count(p)
        counted.wait()
        return n

    monkeypatch.setattr(services, "locked_posting", lambda p: type(p).objects.get(pk=p.pk))
    monkeypatch.setattr(services, "accepted_count", count_then_wait)
    accepted, refused = _accept_all(posting, claims)
    assert (accepted, refused) == (CLAIMANTS, 0)
    assert Claim.objects.filter(challenge=posting, status="accepted").count() == CLAIMANTS


def test_accepts_with_the_lock_fill_exactly_the_slots(monkeypatch):
    posting, claims = _claims(slots=2)
    real_count = services.accepted_count

    def slow_count(p):
        # Widen the window between counting and writing; the row lock must still hold.
        n = real_count(p)
        time.sleep(0.05)
        return n

    monkeypatch.setattr(services, "accepted_count", slow_count)
    accepted, refused = _accept_all(posting, claims)
    assert (accepted, refused) == (2, CLAIMANTS - 2)
    assert Claim.objects.filter(challenge=posting, status="accepted").count() == 2
    posting.refresh_from_db()
    assert posting.status == "claimed"
