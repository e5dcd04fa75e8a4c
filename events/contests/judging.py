"""Transitions of judging: assignment decisions and applying the assignment, scoring a sheet,
closing a round, advancing finalists, the team on stage, proposing and confirming awards."""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbridge.models import OfficeRole, User
from talentbridge.rules import has_office_role
from talentbridge.services import log_action, notify

from .assignment import build_assignment, fit_matrix
from .live import publish_on_commit
from .models import (
    AssignmentRule,
    Award,
    Conflict,
    Contest,
    Criterion,
    Entry,
    JudgeAssignment,
    Round,
    Score,
)
from .ranking import rank_round, weighted_total
from .services import ContestError

# Prizes proposed per track and group from the final's ranking, best first.
DEFAULT_PRIZES = ((Award.Prize.FIRST, 1), (Award.Prize.SECOND, 2), (Award.Prize.THIRD, 3))


@transaction.atomic
def decide_assignment(round_: Round, entry: Entry, judge: User, kind: str, *, actor: User):
    """Lock a judge onto an entry, rule the pair out, or (``kind=""``) drop the decision."""
    AssignmentRule.objects.filter(round=round_, entry=entry, judge=judge).delete()
    if kind:
        if kind not in AssignmentRule.Kind.values:
            raise ContestError(_("Unknown decision."))
        AssignmentRule.objects.create(round=round_, entry=entry, judge=judge, kind=kind)
    log_action(
        entry,
        "events.entry.assignment_rule",
        actor=actor,
        changes={"judge": judge.pk, "round": round_.kind, "kind": kind or "none"},
    )


@transaction.atomic
def apply_assignment(round_: Round, *, actor: User) -> int:
    """Store the optimal assignment; sheets already scored stay. Returns the sheets stored."""
    round_ = Round.objects.select_for_update().select_related("contest").get(pk=round_.pk)
    if not round_.is_open:
        raise ContestError(_("The round is closed."))
    plan = build_assignment(round_)
    wanted = {(j, e): fit for j, e, fit in plan.pairs}
    existing = JudgeAssignment.objects.filter(round=round_)
    stale = existing.filter(score__isnull=True).values_list("pk", "judge_id", "entry_id")
    JudgeAssignment.objects.filter(
        pk__in=[pk for pk, j, e in stale if (j, e) not in wanted]
    ).delete()
    kept = set(existing.values_list("judge_id", "entry_id"))
    JudgeAssignment.objects.bulk_create(
        [
            JudgeAssignment(round=round_, judge_id=j, entry_id=e, fit=fit)
            for (j, e), fit in wanted.items()
            if (j, e) not in kept
        ]
    )
    log_action(
        round_.contest,
        "events.contest.assign",
        actor=actor,
        changes={"round": round_.kind, "sheets": len(wanted), "coverage": plan.coverage},
    )
    return len(wanted)


def _check_marks(marks: dict, criteria: list[Criterion]) -> dict[str, float]:
    clean = {}
    for criterion in criteria:
        value = marks.get(str(criterion.pk))
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ContestError(
                _("Give a score for %(criterion)s.") % {"criterion": criterion.name}
            ) from None
        if not 0 <= number <= criterion.max_score:
            raise ContestError(
                _("%(criterion)s takes 0 to %(top)s points.")
                % {"criterion": criterion.name, "top": criterion.max_score}
            )
        clean[str(criterion.pk)] = number
    return clean


@transaction.atomic
def save_score(assignment: JudgeAssignment, *, actor: User, marks: dict, comment: str = ""):
    """Save the judge's sheet; refused once the round closed. The sheet's row is locked, so
    two saves of one sheet at once run one after the other and neither loses its marks."""
    sheet = (
        JudgeAssignment.objects.select_for_update()
        .select_related("round", "entry__contest")
        .get(pk=assignment.pk)
    )
    contest = sheet.entry.contest
    if sheet.judge_id != actor.pk or not has_office_role(actor, contest.office, OfficeRole.JUDGE):
        raise ContestError(_("This is not your sheet."))
    if not sheet.round.is_open:
        raise ContestError(_("The round is closed; scores can no longer change."))
    if sheet.entry.status == Entry.Status.WITHDRAWN:
        raise ContestError(_("The team withdrew this entry."))
    if Conflict.objects.filter(entry=sheet.entry, judge=actor).exists():
        raise ContestError(_("You declared a conflict with this entry."))
    criteria = list(Criterion.objects.filter(contest=contest))
    clean = _check_marks(marks, criteria)
    total = weighted_total(clean, criteria)
    score, _created = Score.objects.update_or_create(
        assignment=sheet,
        defaults={
            "marks": clean,
            "total": total,
            "comment": comment[:4000],
            "updated_at": timezone.now(),
        },
    )
    log_action(
        sheet.entry,
        "events.score.save",
        actor=actor,
        changes={"round": sheet.round.kind, "total": total, "marks": clean},
    )
    if sheet.round.kind == Round.Kind.FINAL and sheet.round.current_id == sheet.entry_id:
        publish_on_commit(contest.pk)  # the big screen shows the team on stage
    return score


@transaction.atomic
def close_round(round_: Round, *, actor: User) -> Round:
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.closed_at is None:
        round_.closed_at = timezone.now()
        round_.save(update_fields=["closed_at"])
        log_action(round_.contest, "events.contest.close_round", actor=actor)
    return round_


@transaction.atomic
def advance_to_final(contest: Contest, *, actor: User) -> Round:
    """Close the preliminary; the best entries of each track (by normalised total) go to the
    final, every judge of their track without a conflict scores them; the rest are not
    advanced. The running order goes track by track, the best entry last."""
    preliminary = Round.objects.get(contest=contest, kind=Round.Kind.PRELIMINARY)
    if Round.objects.filter(contest=contest, kind=Round.Kind.FINAL).exists():
        raise ContestError(_("The final has already been set up."))
    close_round(preliminary, actor=actor)
    final = Round.objects.create(contest=contest, kind=Round.Kind.FINAL)
    finalists = []
    for track in contest.tracks.prefetch_related("judges"):
        ranked = rank_round(preliminary, track_id=track.pk)
        eligible = [row.entry for row in ranked if row.entry.status == Entry.Status.SUBMITTED]
        finalists += list(reversed(eligible[: track.finalists]))
    chosen = {e.pk for e in finalists}
    submitted = Entry.objects.filter(contest=contest, status=Entry.Status.SUBMITTED)
    submitted.exclude(pk__in=chosen).update(status=Entry.Status.NOT_ADVANCED)
    for position, entry in enumerate(finalists, start=1):
        entry.status, entry.final_position = Entry.Status.FINALIST, position
    Entry.objects.bulk_update(finalists, ["status", "final_position"])
    _scores, conflicts, _entries, judges = fit_matrix(final)
    JudgeAssignment.objects.bulk_create(
        [
            JudgeAssignment(round=final, judge_id=judge_id, entry=entry)
            for entry in finalists
            for judge_id in sorted(judges.get(entry.track_id, ()))
            if (str(judge_id), str(entry.pk)) not in conflicts
        ]
    )
    log_action(contest, "events.contest.advance", actor=actor, changes={"finalists": len(chosen)})
    publish_on_commit(contest.pk)
    return final


@transaction.atomic
def show_on_stage(final: Round, entry: Entry | None, *, actor: User) -> Round:
    """Put a finalist on stage (the big screen follows), or clear the stage."""
    final = Round.objects.select_for_update().get(pk=final.pk)
    entry = Entry.objects.get(pk=entry.pk) if entry is not None else None
    if entry is not None and (entry.contest_id != final.contest_id or entry.final_position is None):
        raise ContestError(_("Only a finalist can go on stage."))
    final.current = entry
    final.save(update_fields=["current"])
    publish_on_commit(final.contest_id)
    log_action(
        final.contest,
        "events.contest.stage",
        actor=actor,
        changes={"entry": getattr(entry, "pk", None)},
    )
    return final


@transaction.atomic
def propose_awards(contest: Contest, *, actor: User, prizes=DEFAULT_PRIZES) -> int:
    """Unconfirmed awards from the final's ranking: per track and group, the best entry gets a
    first prize, the next two second, and so on; the other finalists an excellence award."""
    final = Round.objects.filter(contest=contest, kind=Round.Kind.FINAL).first()
    if final is None:
        raise ContestError(_("Awards come from the final; set it up first."))
    Award.objects.filter(entry__contest=contest, confirmed_at__isnull=True).delete()
    confirmed = set(Award.objects.filter(entry__contest=contest).values_list("entry_id", flat=True))
    ladder = [prize for prize, count in prizes for _ in range(count)]
    places: dict[tuple[int, str], int] = {}
    new = []
    for row in rank_round(final):
        key = (row.entry.track_id, row.entry.group)
        place = places.get(key, 0)
        places[key] = place + 1
        if row.entry.pk in confirmed:
            continue
        prize = ladder[place] if place < len(ladder) else Award.Prize.EXCELLENCE
        new.append(Award(entry=row.entry, prize=prize))
    Award.objects.bulk_create(new)
    log_action(contest, "events.contest.propose_awards", actor=actor, changes={"awards": len(new)})
    return len(new)


@transaction.atomic
def confirm_awards(contest: Contest, *, actor: User) -> int:
    """Confirm the proposed awards, publish the results and tell the winners."""
    awards = list(
        Award.objects.select_for_update()
        .filter(entry__contest=contest, confirmed_at__isnull=True)
        .select_related("entry__owner")
    )
    now = timezone.now()
    for award in awards:
        award.confirmed_at, award.confirmed_by = now, actor
    Award.objects.bulk_update(awards, ["confirmed_at", "confirmed_by"])
    Entry.objects.filter(pk__in=[a.entry_id for a in awards]).update(status=Entry.Status.AWARDED)
    Entry.objects.filter(contest=contest, status=Entry.Status.FINALIST).filter(
        ~Q(award__isnull=False)
    ).update(status=Entry.Status.NOT_ADVANCED)
    contest.results_published = True
    contest.save(update_fields=["results_published"])
    for award in awards:
        entry = award.entry
        notify(
            entry.owner,
            key=f"contest-award-{award.pk}",
            template="contests_awarded",
            context={
                "contest": contest.title,
                "team": entry.team_name,
                "prize": str(award.get_prize_display()),
            },
            url=reverse("events:contest_entry", args=[contest.pk, entry.pk]),
        )
    log_action(
        contest, "events.contest.confirm_awards", actor=actor, changes={"awards": len(awards)}
    )
    return len(awards)
