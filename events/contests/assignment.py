"""Which judges score which entries: every entry gets ``judges_per_entry`` judges of its track,
no judge more than ``entries_per_judge`` sheets, the total expertise fit as high as possible.

Fit comes from the matching engine (a judge's expert profile against the entry's project); the
optimum from the engine's ``plan_pairings``, the same solver as the pairing plan. Conflicts of
interest are excluded: the engine's (same person, same organisation or affiliation, the
organisations a judge declared on their profile) and the conflicts a judge declared for one
entry. Organizer decisions (locked, ruled out) are ``AssignmentRule`` rows. Nothing here writes.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from mentors.models import Mentor
from mentors.spreadsheets.columns import split_list
from projects.matching import Expert, Item, MatchEngine, plan_pairings
from projects.suggestions.inputs import field_tags

from .models import AssignmentRule, Conflict, Entry, JudgeAssignment, Round, Track

# Every pair of a judge and an entry of the judge's track is possible; the engine's fit only
# orders them. Without this floor an entry nobody's profile matches would stay unjudged.
FLOOR = 0.01
LEAST_FITTING = 10


@dataclass
class AssignmentPlan:
    """The optimal assignment of a round, with what the page shows about it."""

    pairs: list[tuple[int, int, float]]  # (judge id, entry id, fit)
    entries: list[Entry]
    needed: int
    conflicts: int
    error: str = ""
    short: list[Entry] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        """The share of the sheets needed that the plan fills, in percent."""
        wanted = self.needed * len(self.entries)
        return 100.0 * len(self.pairs) / wanted if wanted else 100.0

    @property
    def least_fitting(self) -> list[tuple[int, int, float]]:
        return sorted(self.pairs, key=lambda p: (p[2], p[0], p[1]))[:LEAST_FITTING]


def judge_expert(user_id: int, name: str, mentor: Mentor | None) -> Expert:
    """The engine's view of a judge: their expert profile if they have one."""
    if mentor is None:
        return Expert(id=str(user_id), texts=[name], people=[f"user:{user_id}"], capacity=0)
    return Expert(
        id=str(user_id),
        texts=[t for t in (mentor.bio, mentor.research_fields, mentor.achievements) if t],
        tags=field_tags(mentor.fields.all()),
        region=mentor.current_city,
        people=[f"user:{user_id}", f"mentor:{mentor.pk}"],
        organizations=[
            *([mentor.affiliation.name] if mentor.affiliation else []),
            *split_list(mentor.declared_conflicts),
        ],
    )


def entry_item(entry: Entry, track_name: str) -> Item:
    """An entry as the engine's query; its team's organisation is in conflict with it."""
    return Item(
        id=str(entry.pk),
        text="\n".join(p for p in (entry.project_title, entry.summary, track_name) if p),
        tags=[track_name],
        region=entry.region,
        people=[f"user:{entry.owner_id}"],
        organizations=[entry.organisation] if entry.organisation else [],
    )


def round_entries(round_: Round):
    """The entries a round judges: submitted ones in the preliminary, finalists in the final."""
    wanted = (
        [Entry.Status.FINALIST, Entry.Status.AWARDED]
        if round_.kind == Round.Kind.FINAL
        else [Entry.Status.SUBMITTED, Entry.Status.FINALIST, Entry.Status.NOT_ADVANCED]
    )
    wanted += [Entry.Status.AWARDED] if round_.kind == Round.Kind.PRELIMINARY else []
    return Entry.objects.filter(contest_id=round_.contest_id, status__in=wanted).order_by("pk")


def fit_matrix(round_: Round) -> tuple[dict, set, list[Entry], dict[int, set[int]]]:
    """(scores, conflicts, entries, judges by track) for the round, keyed by ids as strings."""
    tracks = list(Track.objects.filter(contest_id=round_.contest_id).prefetch_related("judges"))
    judges = {t.pk: {j.pk for j in t.judges.all()} for t in tracks}
    names = {t.pk: t.name for t in tracks}
    users = {j.pk: j.name for t in tracks for j in t.judges.all()}
    mentors = {
        m.user_id: m
        for m in Mentor.objects.filter(user_id__in=users)
        .select_related("affiliation")
        .prefetch_related("fields")
    }
    engine = MatchEngine()
    engine.index([judge_expert(pk, name, mentors.get(pk)) for pk, name in users.items()])
    entries = list(round_entries(round_))
    declared = set(
        Conflict.objects.filter(entry__contest_id=round_.contest_id).values_list(
            "judge_id", "entry_id"
        )
    )
    scores, conflicts = {}, set()
    for entry in entries:
        panel = sorted(judges.get(entry.track_id, ()))
        if not panel:
            continue
        item = entry_item(entry, names[entry.track_id])
        conflicted = set(engine.conflicts(item))
        ids = [str(pk) for pk in panel]
        for judge_id, fit in zip(ids, engine.score(item, ids), strict=True):
            pair = (judge_id, str(entry.pk))
            scores[pair] = FLOOR + fit
            if judge_id in conflicted or (int(judge_id), entry.pk) in declared:
                conflicts.add(pair)
    return scores, conflicts, entries, judges


def build_assignment(round_: Round) -> AssignmentPlan:
    """The optimal assignment of the round under the organizer's decisions."""
    contest = round_.contest
    scores, conflicts, entries, judges = fit_matrix(round_)
    needed = contest.judges_per_entry
    capacity = {str(pk): contest.entries_per_judge for panel in judges.values() for pk in panel}
    slots = {str(e.pk): needed for e in entries}
    rules = AssignmentRule.objects.filter(round=round_).values_list("judge_id", "entry_id", "kind")
    decided = {kind: [] for kind in AssignmentRule.Kind.values}
    for judge_id, entry_id, kind in rules:
        if (str(judge_id), str(entry_id)) in scores:
            decided[kind].append((str(judge_id), str(entry_id)))
    error = ""
    locked, ruled_out = decided[AssignmentRule.Kind.LOCKED], decided[AssignmentRule.Kind.RULED_OUT]
    try:
        plan = plan_pairings(
            scores, capacity, slots, locked=locked, ruled_out=ruled_out, exclude=conflicts
        )
    except ValueError:
        error = _("The locked sheets exceed a judge's limit; they are left out.")
        plan = plan_pairings(scores, capacity, slots, ruled_out=ruled_out, exclude=conflicts)
    pairs = [(int(j), int(e), round(s - FLOOR, 4)) for j, e, s in plan.pairs]
    count: dict[int, int] = {}
    for _j, entry_id, _s in pairs:
        count[entry_id] = count.get(entry_id, 0) + 1
    return AssignmentPlan(
        pairs=pairs,
        entries=entries,
        needed=needed,
        conflicts=len(conflicts),
        error=error,
        short=[e for e in entries if count.get(e.pk, 0) < needed],
    )


def current_pairs(round_: Round) -> list[tuple[int, int, float]]:
    return list(
        JudgeAssignment.objects.filter(round=round_).values_list("judge_id", "entry_id", "fit")
    )
