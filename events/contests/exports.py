"""The contest's workbook: entries, judges' assignments, score sheets, ranking and awards, one
sheet each, through the export pipeline's columns, cells and xlsx writer."""

from django.utils.translation import gettext_lazy as _

from ..exports.columns import Column, cell, label
from ..exports.writers import write_xlsx
from .models import Award, Contest, Criterion, Entry, JudgeAssignment, Round, Score
from .ranking import rank_round

ENTRY_COLUMNS = (
    Column(_("Track"), lambda e: e.track.name),
    Column(_("Group"), lambda e: e.group),
    Column(_("Team"), lambda e: e.team_name),
    Column(_("Organisation"), lambda e: e.organisation),
    Column(_("Project"), lambda e: e.project_title),
    Column(_("Stage"), lambda e: label(Entry.Stage, e.stage)),
    Column(_("Region"), lambda e: e.region),
    Column(_("Status"), lambda e: label(Entry.Status, e.status)),
    Column(_("Submitted"), lambda e: e.submitted_at),
)
SHEET_COLUMNS = (
    Column(_("Round"), lambda s: label(Round.Kind, s.round.kind)),
    Column(_("Judge"), lambda s: s.judge.name),
    Column(_("Track"), lambda s: s.entry.track.name),
    Column(_("Project"), lambda s: s.entry.project_title),
    Column(_("Fit"), lambda s: round(s.fit, 3)),
)


def _sheet(title, columns, objects):
    return (
        str(title),
        [str(c.header) for c in columns],
        ([cell(c.value(o)) for c in columns] for o in objects),
    )


def _scores(contest: Contest, criteria: list[Criterion]):
    columns = (
        *SHEET_COLUMNS[:4],
        *(Column(c.name, lambda s, pk=str(c.pk): s.marks.get(pk, "")) for c in criteria),
        Column(_("Total"), lambda s: s.total),
        Column(_("Comment"), lambda s: s.comment),
    )
    rows = (
        Score.objects.filter(assignment__entry__contest=contest)
        .select_related("assignment__round", "assignment__judge", "assignment__entry__track")
        .order_by("assignment__round_id", "assignment__judge__name", "assignment__entry_id")
    )

    class Flat:
        def __init__(self, score):
            self.round, self.judge = score.assignment.round, score.assignment.judge
            self.entry, self.marks = score.assignment.entry, score.marks
            self.total, self.comment = score.total, score.comment

    return _sheet(_("Score sheets"), columns, (Flat(s) for s in rows.iterator()))


def contest_sheets(contest: Contest) -> list:
    """The ``(title, headers, rows)`` of every sheet of the contest's workbook."""
    entries = contest.entries.select_related("track").order_by("track__position", "pk")
    sheets = (
        JudgeAssignment.objects.filter(entry__contest=contest)
        .select_related("round", "judge", "entry__track")
        .order_by("round_id", "pk")
    )
    ranking = []
    for round_ in contest.rounds.all():
        ranking += [(round_, row) for row in rank_round(round_)]
    rank_columns = (
        Column(_("Round"), lambda r: label(Round.Kind, r[0].kind)),
        Column(_("Rank"), lambda r: r[1].rank),
        Column(_("Track"), lambda r: r[1].entry.track.name),
        Column(_("Team"), lambda r: r[1].entry.team_name),
        Column(_("Project"), lambda r: r[1].entry.project_title),
        Column(_("Normalised"), lambda r: r[1].normalised),
        Column(_("Raw total"), lambda r: r[1].raw),
        Column(_("Spread"), lambda r: r[1].spread),
        Column(_("The judges disagree strongly"), lambda r: r[1].disagreement),
    )
    awards = Award.objects.filter(entry__contest=contest).select_related("entry__track")
    award_columns = (
        Column(_("Prize"), lambda a: label(Award.Prize, a.prize)),
        *(Column(c.header, lambda a, c=c: c.value(a.entry)) for c in ENTRY_COLUMNS[:5]),
        Column(_("Confirmed"), lambda a: a.confirmed_at),
    )
    return [
        _sheet(_("Entries"), ENTRY_COLUMNS, entries.iterator()),
        _sheet(_("Assignment"), SHEET_COLUMNS, sheets.iterator()),
        _scores(contest, list(contest.criteria.all())),
        _sheet(_("Ranking"), rank_columns, ranking),
        _sheet(_("Awards"), award_columns, awards.order_by("entry__track__position", "prize")),
    ]


def write_contest_workbook(contest: Contest, target) -> None:
    write_xlsx(target, contest_sheets(contest))
