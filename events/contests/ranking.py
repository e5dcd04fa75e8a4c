"""The ranking of a round: raw and per-judge normalised totals, spread and disagreement.

A harsh judge and a lenient one rank alike once every judge's totals are turned into z-scores
(distance from the judge's own mean in the judge's own standard deviations). Three queries,
whatever the number of entries.
"""

from dataclasses import dataclass, field
from statistics import fmean, pstdev

from .models import Entry, JudgeAssignment, Round, Score

# Judges disagree strongly when their normalised marks for one entry are this far apart.
DISAGREEMENT_Z = 2.0


@dataclass
class RankRow:
    entry: Entry
    totals: list[float] = field(default_factory=list)
    z: list[float] = field(default_factory=list)
    assigned: int = 0
    rank: int = 0

    @property
    def scored(self) -> int:
        return len(self.totals)

    @property
    def raw(self) -> float:
        return round(fmean(self.totals), 2) if self.totals else 0.0

    @property
    def normalised(self) -> float:
        return round(fmean(self.z), 3) if self.z else 0.0

    @property
    def spread(self) -> float:
        return round(max(self.totals) - min(self.totals), 2) if self.totals else 0.0

    @property
    def disagreement(self) -> bool:
        return len(self.z) > 1 and max(self.z) - min(self.z) >= DISAGREEMENT_Z

    @property
    def complete(self) -> bool:
        return self.assigned > 0 and self.scored >= self.assigned


def weighted_total(marks: dict[str, float], criteria) -> float:
    """The 0–100 total of a sheet: each criterion's share of its highest score, weighted."""
    weights = sum(c.weight for c in criteria) or 1
    points = sum(float(marks.get(str(c.pk), 0)) / c.max_score * c.weight for c in criteria)
    return round(100 * points / weights, 2)


def judge_z_scores(rows: list[tuple[int, int, float]]) -> dict[tuple[int, int], float]:
    """(judge, entry) → the total as z-score among that judge's totals in the round."""
    by_judge: dict[int, list[float]] = {}
    for judge_id, _entry_id, total in rows:
        by_judge.setdefault(judge_id, []).append(total)
    stats = {j: (fmean(t), pstdev(t)) for j, t in by_judge.items()}
    out = {}
    for judge_id, entry_id, total in rows:
        mean, spread = stats[judge_id]
        out[(judge_id, entry_id)] = (total - mean) / spread if spread > 0 else 0.0
    return out


def rank_round(round_: Round, *, track_id: int | None = None) -> list[RankRow]:
    """Every entry of the round with sheets, best normalised total first."""
    assignments = JudgeAssignment.objects.filter(round=round_)
    entries = Entry.objects.filter(pk__in=assignments.values("entry_id")).select_related("track")
    if track_id:
        entries = entries.filter(track_id=track_id)
    rows = {e.pk: RankRow(entry=e) for e in entries}
    for entry_id in assignments.values_list("entry_id", flat=True):
        if entry_id in rows:
            rows[entry_id].assigned += 1
    scores = list(
        Score.objects.filter(assignment__round=round_).values_list(
            "assignment__judge_id", "assignment__entry_id", "total"
        )
    )
    z = judge_z_scores(scores)
    for judge_id, entry_id, total in scores:
        if entry_id in rows:
            rows[entry_id].totals.append(total)
            rows[entry_id].z.append(z[(judge_id, entry_id)])
    ranked = sorted(rows.values(), key=lambda r: (-r.normalised, -r.raw, r.entry.pk))
    for position, row in enumerate(ranked, start=1):
        row.rank = position
    return ranked
