import pytest

from events.demo import contests
from events.models import Award, Entry, JudgeAssignment, Round, Score

pytestmark = pytest.mark.django_db


def test_demo_contest_has_the_seed_reports_figures_and_is_idempotent():
    contest = contests.seed()
    entries = Entry.objects.filter(contest=contest)
    assert entries.count() == 180
    assert sorted(contest.tracks.values_list("name", flat=True)) == sorted(contests.TRACKS)
    assert contest.office.name == "崂山区委组织部"
    judges = {j for t in contest.tracks.all() for j in t.judges.all()}
    assert len(judges) == 24
    preliminary = Round.objects.get(contest=contest, kind=Round.Kind.PRELIMINARY)
    sheets = JudgeAssignment.objects.filter(round=preliminary)
    assert sheets.count() == 180 * 3
    assert Score.objects.filter(assignment__round=preliminary).count() == 180 * 3
    assert entries.filter(final_position__isnull=False).count() == 30
    xiaopai = Award.objects.get(entry__team_name="小派科技")
    assert (xiaopai.prize, xiaopai.entry.group) == (Award.Prize.FIRST, "初创组")
    contest.refresh_from_db()
    assert contest.results_published
    counts = (Entry.objects.count(), Score.objects.count(), Award.objects.count())
    assert contests.seed() == contest
    assert (Entry.objects.count(), Score.objects.count(), Award.objects.count()) == counts
