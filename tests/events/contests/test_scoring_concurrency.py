"""Saving one sheet from two phones at once, on PostgreSQL: the sheet's row lock runs the saves
one after the other, so neither fails and the stored marks are those of the last save."""

import threading

import pytest
from django.db import connection

from events.contests.judging import apply_assignment, save_score
from events.models import JudgeAssignment, Round, Score
from talentbridge.models import AuditEntry

from .world import build_contest, full_marks

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SAVES = 8


def test_simultaneous_saves_of_one_sheet_neither_fail_nor_mix():
    w = build_contest()
    apply_assignment(Round.objects.get(contest=w["contest"]), actor=w["manager"])
    judge = w["judges"][0]
    sheet = JudgeAssignment.objects.get(judge=judge)
    barrier = threading.Barrier(SAVES)
    errors: list[Exception] = []

    def attempt(value):
        try:
            barrier.wait()
            save_score(sheet, actor=judge, marks=full_marks(w["contest"], value))
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(v,)) for v in range(1, SAVES + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Score.objects.count() == 1
    last = AuditEntry.objects.filter(action="events.score.save").order_by("-pk").first()
    score = Score.objects.get()
    assert last.changes["total"] == score.total
    assert len(set(score.marks.values())) == 1
