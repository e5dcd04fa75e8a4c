"""Writing the suggestion lists: one target, the lists a changed profile touches, and full runs
in chunks that several workers share. A target's rows are replaced in one transaction, so a
reader sees either the old list or the new one.

The tasks call these; nothing here enqueues a task, so ``projects.tasks`` imports this module
and no import circle forms.
"""

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone

from mentors.models import Mentee, Mentor
from projects.matching import Suggestion
from projects.models import (
    RECOMPUTE_JOB,
    MatchSuggestion,
    RecomputeChunk,
    RecomputeRun,
)
from projects.queries.suggestions import open_targets, target_rows
from projects.suggestions import (
    CANDIDATE_FIELD,
    CHALLENGES,
    ENGINE_VERSION,
    MENTEES,
    MENTORS,
    PROJECTS,
    TARGET_FIELD,
    TARGET_KINDS,
    TOP_K,
)
from projects.suggestions.inputs import candidate_engine, rank_target, score_candidate, target_item
from talentbridge.models import Job, User
from talentbridge.services import (
    advance_job,
    finish_job,
    log_action,
    retry_job,
    run_job,
    set_job_progress,
    start_job,
)

# Targets per chunk of a full recompute: small enough that several workers share a run.
CHUNK_SIZE = 50


@transaction.atomic
def replace_suggestions(kind: str, target_id: int, ranked: Sequence[Suggestion]) -> int:
    """Replace a target's list with ``ranked`` in one transaction; return the new length."""
    target_rows(kind, target_id).delete()
    now = timezone.now()
    rows = [
        MatchSuggestion(
            **{
                f"{TARGET_FIELD[kind]}_id": target_id,
                f"{CANDIDATE_FIELD[kind]}_id": int(s.expert_id),
            },
            rank=position,
            score=s.score,
            reasons=list(s.reasons),
            engine_version=ENGINE_VERSION,
            computed_at=now,
        )
        for position, s in enumerate(ranked, start=1)
    ]
    MatchSuggestion.objects.bulk_create(rows)
    return len(rows)


def recompute_targets(kind: str, ids: Iterable[int]) -> int:
    """Recompute the lists of the given targets; a closed or deleted target loses its list.

    Idempotent: running it again with unchanged data writes the same rows.
    """
    ids = list(ids)
    targets = {t.pk: t for t in open_targets(kind).filter(pk__in=ids)}
    written = 0
    for target_id in ids:
        target = targets.get(target_id)
        ranked = rank_target(kind, target) if target is not None else []
        written += replace_suggestions(kind, target_id, ranked)
    return written


def recompute_target(kind: str, target_id: int) -> int:
    """Recompute one target's list (a posting just published, a mentee's profile)."""
    return recompute_targets(kind, [target_id])


def recompute_candidate(candidates: str, candidate_id: int) -> int:
    """Bring every list up to date after one expert's (or mentee's) profile changed.

    The candidate's new score is computed for each open target; only the lists that the
    candidate enters, leaves or moves within are recomputed. Returns how many were.
    """
    if covered_by_full_run(candidates, candidate_id):
        return 0
    kinds = (CHALLENGES, MENTEES) if candidates == MENTORS else (PROJECTS,)
    engine = candidate_engine(candidates)
    changed = 0
    for kind in kinds:
        column = TARGET_FIELD[kind]
        rows = MatchSuggestion.objects.filter(**{f"{column}__isnull": False})
        stats = {
            row[column]: (row["n"], row["low"])
            for row in rows.values(column).annotate(n=Count("pk"), low=Min("score"))
        }
        mine = dict(
            rows.filter(**{CANDIDATE_FIELD[kind]: candidate_id}).values_list(column, "score")
        )
        stale = set(mine)
        for target in open_targets(kind):
            stale.discard(target.pk)
            new = score_candidate(engine, target_item(kind, target), str(candidate_id))
            old = mine.get(target.pk)
            count, lowest = stats.get(target.pk, (0, 0.0))
            enters = new > 0 and (count < TOP_K or new > lowest)
            if (old is None and enters) or (old is not None and abs(old - new) > 1e-6):
                recompute_target(kind, target.pk)
                changed += 1
        for target_id in stale:
            recompute_target(kind, target_id)
            changed += 1
    return changed


def refresh_mentee(mentee_id: int) -> int:
    """After a mentee's profile changed: their own list and the project lists they rank in."""
    if covered_by_full_run(MENTEES, mentee_id):
        return 0
    return recompute_target(MENTEES, mentee_id) + recompute_candidate(MENTEES, mentee_id)


def covered_by_full_run(candidates: str, candidate_id: int) -> bool:
    """A full run that started after the profile's last change has already counted it."""
    model = Mentor if candidates == MENTORS else Mentee
    changed_at = model.objects.filter(pk=candidate_id).values_list("updated_at", flat=True).first()
    return changed_at is not None and (
        RecomputeRun.objects.filter(
            job__status=Job.Status.DONE, job__created_at__gte=changed_at
        ).exists()
    )


# --- Full recompute in chunks -----------------------------------------------------------------


@transaction.atomic
def start_run(*, actor: User | None) -> RecomputeRun:
    """Create a full recompute run and its job (queued); the caller dispatches it."""
    run = RecomputeRun.objects.create(job=start_job(RECOMPUTE_JOB, actor=actor))
    log_action(run, "projects.recompute_run.start", actor=actor)
    return run


@transaction.atomic
def retry_run(run: RecomputeRun, *, actor: User) -> bool:
    """Queue a failed run again; its chunks already done are kept. False if it had not failed."""
    if not retry_job(run.job_id):
        return False
    log_action(run, "projects.recompute_run.retry", actor=actor)
    return True


@transaction.atomic
def plan_full_recompute(run: RecomputeRun) -> list[tuple[int, str, list[int]]]:
    """Split a run into chunks (once) and return ``(chunk id, kind, ids)`` of those not done.

    Lists of postings that no longer take claims (closed, claimed out, past their deadline)
    are dropped here; the reads leave them out already. Re-planning a run that a
    killed worker left half-done returns only the chunks still to do.
    """
    run = RecomputeRun.objects.select_for_update().get(pk=run.pk)
    if not run.chunks.exists():
        for kind in (CHALLENGES, PROJECTS):
            column = TARGET_FIELD[kind]
            MatchSuggestion.objects.filter(**{f"{column}__isnull": False}).exclude(
                **{f"{column}__in": open_targets(kind).values("pk")}
            ).delete()
        total = 0
        for kind in TARGET_KINDS:
            ids = list(open_targets(kind).order_by("pk").values_list("pk", flat=True))
            RecomputeChunk.objects.bulk_create(
                RecomputeChunk(run=run, kind=kind, first_id=chunk[0], size=len(chunk))
                for chunk in _chunks(ids, CHUNK_SIZE)
            )
            total += len(ids)
        set_job_progress(run.job_id, done=0, total=total)
        run_job(run.job_id)
        _finish_if_done(run.job_id)
    else:
        run_job(run.job_id)  # a retried run is running again
        _finish_if_done(run.job_id)
    pending = []
    for chunk in run.chunks.filter(done_at__isnull=True).order_by("pk"):
        ids = list(
            open_targets(chunk.kind)
            .filter(pk__gte=chunk.first_id)
            .order_by("pk")
            .values_list("pk", flat=True)[: chunk.size]
        )
        pending.append((chunk.pk, chunk.kind, ids or [chunk.first_id]))
    return pending


def _chunks(ids: list[int], size: int) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _finish_if_done(job_id: int) -> None:
    job = Job.objects.get(pk=job_id)
    if job.done >= job.total:
        finish_job(job_id)


def recompute_chunk(chunk_id: int, ids: Sequence[int]) -> int:
    """Recompute one chunk of a run and count it towards the run's progress exactly once.

    The chunk is found by its own id, so a chunk whose first target closed after planning
    still counts, and the run reaches done.
    """
    chunk = RecomputeChunk.objects.select_related("run").filter(pk=chunk_id).first()
    if chunk is None:
        return 0
    recompute_targets(chunk.kind, ids)
    with transaction.atomic():
        claimed = RecomputeChunk.objects.filter(pk=chunk_id, done_at__isnull=True).update(
            done_at=timezone.now()
        )
        if not claimed:
            return 0
        advance_job(chunk.run.job_id, chunk.size)
        _finish_if_done(chunk.run.job_id)
    return chunk.size
