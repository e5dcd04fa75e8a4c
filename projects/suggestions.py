"""Match suggestions (智能推荐): profiles and postings turned into engine input, ranked, and
stored as ``MatchSuggestion`` rows that replace a target's previous list in one transaction.

Three kinds of list, each a *target* with its *candidates*:

* a demand (``challenges``) → experts who could solve it;
* a project (``projects``) → mentees (founders) who could take it up;
* a mentee (``mentees``) → experts who could mentor them ("mentors for you").

"Challenges for you" and "projects for you" read the same rows from the candidate's side:
scores are comparable across targets, so sorting a candidate's rows by score is meaningful.
"""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from django.db import transaction
from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain, Mentee, Mentor, Pairing
from talentbridge.models import Notification, User
from talentbridge.services import notify

from .matching import Expert, Item, MatchConfig, MatchEngine, Suggestion
from .matching.taxonomy import CONCEPTS
from .models import (
    CLAIMABLE_STATUSES,
    Challenge,
    MatchSuggestion,
    Project,
    RecomputeChunk,
    RecomputeRun,
    Status,
    SuggestionFeedback,
)

CHALLENGES, PROJECTS, MENTEES, MENTORS = "challenges", "projects", "mentees", "mentors"
TARGET_KINDS = (CHALLENGES, PROJECTS, MENTEES)
# How many candidates a target's list keeps.
TOP_K = 20
# Targets per chunk of a full recompute: small enough that several workers share a run.
CHUNK_SIZE = 50
# Changes the moment the engine's weights do, so stored rows say what produced them.
ENGINE_VERSION = (
    "bm25-" + hashlib.sha1(repr(MatchConfig()).encode(), usedforsecurity=False).hexdigest()[:10]
)

# The column of MatchSuggestion that holds each target kind, and its candidate column.
TARGET_FIELD = {CHALLENGES: "challenge", PROJECTS: "project", MENTEES: "for_mentee"}
CANDIDATE_FIELD = {CHALLENGES: "mentor", PROJECTS: "mentee", MENTEES: "mentor"}


class SuggestionError(Exception):
    """An action on a suggestion that its state does not allow (e.g. no account to invite)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# --- Rows → engine objects ----------------------------------------------------------------------


def field_tags(fields: Iterable[IndustryChain]) -> list[str]:
    """A field's names in both languages: the taxonomy folds them to one concept."""
    return [name for field in fields for name in (field.name_zh, field.name_en) if name]


def mentor_expert(mentor: Mentor, *, occupied: int, project_titles: Sequence[str] = ()) -> Expert:
    """The engine's view of an expert; a full or unavailable expert has capacity 0."""
    capacity = max(mentor.capacity - occupied, 0) if mentor.available else 0
    return Expert(
        id=str(mentor.pk),
        texts=[
            text
            for text in (mentor.bio, mentor.research_fields, mentor.achievements, *project_titles)
            if text
        ],
        tags=field_tags(mentor.fields.all()),
        region=mentor.current_city,
        hometown=mentor.region_label,
        languages=mentor.languages.split(),
        capacity=capacity,
    )


def mentee_expert(mentee: Mentee) -> Expert:
    """The engine's view of a mentee as a candidate for projects."""
    return Expert(
        id=str(mentee.pk),
        texts=[text for text in (mentee.needs, mentee.bio) if text],
        tags=field_tags(mentee.fields.all()),
        region=mentee.region_label,
    )


def posting_item(posting: Challenge | Project) -> Item:
    """A posting as a query; confidential details stay out, so no reason can reveal them."""
    parts = [posting.title, posting.summary, getattr(posting, "required_expertise", "")]
    if not posting.confidential:
        parts.append(posting.details)
    return Item(
        id=str(posting.pk),
        text="\n".join(part for part in parts if part),
        tags=field_tags(posting.fields.all()),
        region=posting.region_label,
    )


def mentee_item(mentee: Mentee) -> Item:
    """A mentee's needs as a query for "mentors for you" and the pairing plan."""
    fields = list(mentee.fields.all())
    text = "\n".join(
        part for part in (mentee.needs, mentee.bio, " ".join(field_tags(fields))) if part
    )
    return Item(id=str(mentee.pk), text=text, tags=field_tags(fields), region=mentee.region_label)


def target_item(kind: str, target) -> Item:
    return mentee_item(target) if kind == MENTEES else posting_item(target)


# --- Engines, fitted once per process and table state ------------------------------------------


@dataclass
class _Fitted:
    fingerprint: tuple
    engine: MatchEngine


_fitted: dict[str, _Fitted] = {}


def _mentor_fingerprint() -> tuple:
    """Cheap to read, changes with any profile edit, field, project title or place taken."""
    people = Mentor.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    projects = Project.objects.filter(poster_mentor__isnull=False).aggregate(
        n=Count("pk"), last=Max("updated_at")
    )
    # Setting a profile's fields writes only the link table: its newest row id tells.
    tags = Mentor.fields.through.objects.aggregate(n=Count("pk"), last=Max("pk"))
    taken = Pairing.objects.filter(status__in=Pairing.OCCUPYING).count()
    return (
        people["n"],
        people["last"],
        tags["n"],
        tags["last"],
        projects["n"],
        projects["last"],
        taken,
    )


def _mentee_fingerprint() -> tuple:
    people = Mentee.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    tags = Mentee.fields.through.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (people["n"], people["last"], tags["n"], tags["last"])


def _mentor_experts() -> list[Expert]:
    mentors = Mentor.objects.prefetch_related("fields").annotate(
        occupied=Count("pairings", filter=Q(pairings__status__in=Pairing.OCCUPYING))
    )
    titles: dict[int, list[str]] = {}
    for mentor_id, title in (
        Project.objects.filter(poster_mentor__isnull=False)
        .exclude(status=Status.WITHDRAWN)
        .values_list("poster_mentor_id", "title")
    ):
        titles.setdefault(mentor_id, []).append(title)
    return [
        mentor_expert(m, occupied=m.occupied, project_titles=titles.get(m.pk, ())) for m in mentors
    ]


def _mentee_experts() -> list[Expert]:
    return [mentee_expert(m) for m in Mentee.objects.prefetch_related("fields")]


_SOURCES = {
    MENTORS: (_mentor_fingerprint, _mentor_experts),
    MENTEES: (_mentee_fingerprint, _mentee_experts),
}


def candidate_engine(candidates: str) -> MatchEngine:
    """The engine indexed on all experts (``mentors``) or mentees; re-indexed only when the
    table's fingerprint changed, so a worker ranks many postings with one index."""
    fingerprint_of, experts_of = _SOURCES[candidates]
    fingerprint = fingerprint_of()
    fitted = _fitted.get(candidates)
    if fitted is None or fitted.fingerprint != fingerprint:
        engine = MatchEngine()
        engine.index(experts_of())
        fitted = _fitted[candidates] = _Fitted(fingerprint, engine)
    return fitted.engine


def candidates_of(kind: str) -> str:
    return MENTEES if kind == PROJECTS else MENTORS


# --- Targets ----------------------------------------------------------------------------------


def open_targets(kind: str) -> QuerySet:
    """The targets that get a list: postings open for claims, and every mentee."""
    if kind == MENTEES:
        return Mentee.objects.prefetch_related("fields").order_by("pk")
    model = Challenge if kind == CHALLENGES else Project
    return model.objects.filter(status__in=CLAIMABLE_STATUSES).prefetch_related("fields")


def _excluded(kind: str, target) -> set[str]:
    """Candidates never suggested for ``target``: its own poster, and an existing pair."""
    if kind == CHALLENGES:
        mine = Mentor.objects.filter(Q(user=target.owner_id) | Q(pk=target.poster_mentor_id))
        return {str(pk) for pk in mine.values_list("pk", flat=True)}
    if kind == PROJECTS:
        mine = Mentee.objects.filter(Q(user=target.owner_id) | Q(pk=target.poster_mentee_id))
        return {str(pk) for pk in mine.values_list("pk", flat=True)}
    paired = Pairing.objects.filter(mentee=target, status__in=Pairing.OPEN)
    return {str(pk) for pk in paired.values_list("mentor_id", flat=True)}


def rank_target(kind: str, target, *, k: int = TOP_K) -> list[Suggestion]:
    """The ``k`` best candidates for ``target``, best first, without excluded ones."""
    excluded = _excluded(kind, target)
    ranked = candidate_engine(candidates_of(kind)).rank(
        target_item(kind, target), k + len(excluded)
    )
    return [s for s in ranked if s.expert_id not in excluded][:k]


def target_rows(kind: str, target_id: int) -> QuerySet:
    return MatchSuggestion.objects.filter(**{f"{TARGET_FIELD[kind]}_id": target_id})


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
    if _covered_by_full_run(candidates, candidate_id):
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
            new = _score(engine, target_item(kind, target), str(candidate_id))
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
    if _covered_by_full_run(MENTEES, mentee_id):
        return 0
    return recompute_target(MENTEES, mentee_id) + recompute_candidate(MENTEES, mentee_id)


def _covered_by_full_run(candidates: str, candidate_id: int) -> bool:
    """A full run that started after the profile's last change has already counted it."""
    model = Mentor if candidates == MENTORS else Mentee
    changed_at = model.objects.filter(pk=candidate_id).values_list("updated_at", flat=True).first()
    return changed_at is not None and (
        RecomputeRun.objects.filter(
            status=RecomputeRun.Status.DONE, started_at__gte=changed_at
        ).exists()
    )


def _score(engine: MatchEngine, item: Item, candidate_id: str) -> float:
    try:
        return engine.score(item, [candidate_id])[0]
    except KeyError:  # the candidate was deleted: it scores nothing anywhere
        return 0.0


# --- Full recompute in chunks -----------------------------------------------------------------


def start_full_recompute(*, actor: User | None) -> RecomputeRun:
    """Start a full recompute; its chunks run as separate tasks once this commits."""
    from .tasks import task_full_recompute  # the tasks module imports this one

    run = RecomputeRun.objects.create(started_by=actor)
    task_full_recompute.delay(run_id=run.pk)
    return run


@transaction.atomic
def plan_full_recompute(run: RecomputeRun) -> list[tuple[str, list[int]]]:
    """Split a run into chunks (once) and return those not done yet.

    Lists of targets that are no longer open are dropped here. Re-planning a run that a
    killed worker left half-done returns only the chunks still to do.
    """
    run = RecomputeRun.objects.select_for_update().get(pk=run.pk)
    if not run.chunks.exists():
        for kind in (CHALLENGES, PROJECTS):
            column = TARGET_FIELD[kind]
            MatchSuggestion.objects.filter(**{f"{column}__isnull": False}).exclude(
                **{f"{column}__status__in": CLAIMABLE_STATUSES}
            ).delete()
        total = 0
        for kind in TARGET_KINDS:
            ids = list(open_targets(kind).order_by("pk").values_list("pk", flat=True))
            RecomputeChunk.objects.bulk_create(
                RecomputeChunk(run=run, kind=kind, first_id=chunk[0], size=len(chunk))
                for chunk in _chunks(ids, CHUNK_SIZE)
            )
            total += len(ids)
        run.total = total
        run.save(update_fields=["total"])
        _finish_if_done(run.pk)
    pending = []
    for chunk in run.chunks.filter(done_at__isnull=True).order_by("pk"):
        ids = list(
            open_targets(chunk.kind)
            .filter(pk__gte=chunk.first_id)
            .order_by("pk")
            .values_list("pk", flat=True)[: chunk.size]
        )
        pending.append((chunk.kind, ids or [chunk.first_id]))
    return pending


def _chunks(ids: list[int], size: int) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _finish_if_done(run_id: int) -> None:
    RecomputeRun.objects.filter(
        pk=run_id, status=RecomputeRun.Status.RUNNING, done__gte=F("total")
    ).update(status=RecomputeRun.Status.DONE, finished_at=timezone.now())


def recompute_chunk(run_id: int, kind: str, ids: Sequence[int]) -> int:
    """Recompute one chunk of a run and count it towards the run's progress exactly once."""
    recompute_targets(kind, ids)
    with transaction.atomic():
        chunk = RecomputeChunk.objects.filter(
            run_id=run_id, kind=kind, first_id=ids[0], done_at__isnull=True
        )
        size = chunk.values_list("size", flat=True).first()
        if size is None or not chunk.update(done_at=timezone.now()):
            return 0
        RecomputeRun.objects.filter(pk=run_id).update(done=F("done") + size)
        _finish_if_done(run_id)
    return size


# --- Triggers ---------------------------------------------------------------------------------


def schedule_posting_recompute(posting: Challenge | Project) -> None:
    """Recompute a posting's list once the current transaction commits."""
    from .tasks import task_recompute_posting  # the tasks module imports this one

    task_recompute_posting.delay(kind=posting.kind, posting_id=posting.pk)


# --- Reading ----------------------------------------------------------------------------------


def suggestions_for_posting(posting: Challenge | Project) -> QuerySet:
    """A posting's stored list, best first, with the candidates' profiles."""
    kind = posting.kind
    related = "mentor__affiliation" if kind == CHALLENGES else "mentee__organization"
    return (
        target_rows(kind, posting.pk)
        .select_related(related, f"{CANDIDATE_FIELD[kind]}__user")
        .order_by("rank", "id")
    )


def suggestions_for_mentor(mentor: Mentor, *, limit: int = TOP_K) -> dict[str, list]:
    """ "Challenges for you": open demands where the expert ranks high, best score first."""
    rows = MatchSuggestion.objects.filter(mentor=mentor)
    challenges = (
        rows.filter(challenge__status__in=CLAIMABLE_STATUSES)
        .select_related("challenge__poster_organization", "challenge__poster_mentee")
        .order_by("-score", "id")[:limit]
    )
    return {"challenges": list(challenges)}


def suggestions_for_mentee(mentee: Mentee, *, limit: int = TOP_K) -> dict[str, list]:
    """ "Mentors for you" (the mentee's own list) and "projects for you" (where they rank)."""
    mentors = (
        target_rows(MENTEES, mentee.pk)
        .filter(mentor__available=True)
        .select_related("mentor__affiliation")
        .order_by("rank", "id")[:limit]
    )
    projects = (
        MatchSuggestion.objects.filter(mentee=mentee, project__status__in=CLAIMABLE_STATUSES)
        .select_related("project__poster_mentor", "project__poster_organization")
        .order_by("-score", "id")[:limit]
    )
    return {"mentors": list(mentors), "projects": list(projects)}


def latest_run() -> RecomputeRun | None:
    return RecomputeRun.objects.order_by("-started_at", "-id").first()


# --- Explaining ------------------------------------------------------------------------------

REASON_LABELS = {
    "terms": _("Shared terms"),
    "concepts": _("Shared topics"),
    "tags": _("Shared fields"),
    "region": _("Works in the region"),
    "hometown": _("Hometown expert (老乡)"),
    "language": _("Speaks"),
}
LANGUAGE_NAMES = {"zh": _("Chinese"), "en": _("English")}


@cache
def _concept_names() -> dict[str, tuple[str, str]]:
    return {c.id: (c.zh[0] if c.zh else c.id, c.en[0] if c.en else c.id) for c in CONCEPTS}


def explain_reasons(
    reasons: Iterable[str], fields: dict[str, IndustryChain] | None = None
) -> list[tuple[str, str]]:
    """Engine reasons as (label, values) in the active language, in the engine's order.

    Concepts and field tags are shown by their name in the user's language; unknown kinds
    are left out rather than shown raw. ``fields`` maps field names to fields (see
    ``explain_all``, which loads it once for a whole page).
    """
    english = (get_language() or "").startswith("en")
    fields = _field_names() if fields is None else fields
    names = _concept_names()
    separator = ", " if english else "、"
    explained = []
    for reason in reasons:
        kind, _sep, raw = reason.partition(":")
        if kind not in REASON_LABELS:
            continue
        values = [v for v in raw.split(",") if v]
        if kind == "concepts":
            values = [names.get(v, (v, v))[english] for v in values]
        elif kind == "tags":
            values = [
                f.name if (f := fields.get(v) or fields.get(v.casefold())) else v for v in values
            ]
        elif kind == "language":
            values = [str(LANGUAGE_NAMES.get(v, v)) for v in values]
        explained.append((str(REASON_LABELS[kind]), separator.join(values)))
    return explained


def _field_names() -> dict[str, IndustryChain]:
    fields = {}
    for field in IndustryChain.objects.all():
        fields[field.name_zh] = fields[field.name_en.casefold()] = field
    return fields


def explain_all(objects: Iterable) -> None:
    """Set ``explained`` on every object with ``reasons``, with one query for the page."""
    objects = list(objects)
    fields = _field_names() if objects else {}
    for obj in objects:
        obj.explained = explain_reasons(obj.reasons, fields)


# --- Acting on a suggestion -------------------------------------------------------------------


def invitation_key(kind: str, posting_id: int, user_id: int) -> str:
    return f"projects.invite.{kind}.{posting_id}.{user_id}"


def invited_ids(suggestions: Iterable[MatchSuggestion]) -> set[int]:
    """Which of a posting's suggestions were already invited (their notification exists)."""
    keys = {
        invitation_key(
            CHALLENGES if s.challenge_id else PROJECTS,
            s.challenge_id or s.project_id,
            s.candidate.user_id,
        ): s.pk
        for s in suggestions
        if s.candidate.user_id and (s.challenge_id or s.project_id)
    }
    sent = Notification.objects.filter(key__in=list(keys)).values_list("key", flat=True)
    return {keys[key] for key in sent}


def invite_person(person: Mentor | Mentee, posting: Challenge | Project, *, actor: User) -> None:
    """Invite an expert (or founder) to claim a posting; the same invitation goes out once."""
    if person.user_id is None:
        raise SuggestionError(
            _("This person has no account yet; an organizer can reach them directly.")
        )
    notify(
        person.user,
        key=invitation_key(posting.kind, posting.pk, person.user_id),
        template="projects_invited_to_claim",
        context={"title": posting.title, "inviter": actor.name},
        url=posting.get_absolute_url(),
    )


def invite_to_claim(suggestion: MatchSuggestion, *, actor: User) -> None:
    """Invite a suggested expert (or founder) to claim the posting; at most once per pair."""
    posting = suggestion.challenge or suggestion.project
    if posting is None:
        raise SuggestionError(_("Only a posting's suggestions can be invited to claim it."))
    invite_person(suggestion.candidate, posting, actor=actor)


@transaction.atomic
def record_feedback(
    suggestion: MatchSuggestion, *, actor: User, relevant: bool
) -> SuggestionFeedback:
    """Store (or change) the user's verdict on the suggested pair."""
    pair = {
        name: getattr(suggestion, f"{name}_id")
        for name in ("mentor", "mentee", "challenge", "project", "for_mentee")
    }
    feedback, _created = SuggestionFeedback.objects.update_or_create(
        user=actor,
        **{f"{k}_id": v for k, v in pair.items()},
        defaults={
            "relevant": relevant,
            "score": suggestion.score,
            "engine_version": ENGINE_VERSION,
            "created_at": timezone.now(),
        },
    )
    return feedback


def feedback_of(user: User, suggestions: Iterable[MatchSuggestion]) -> dict[int, bool]:
    """The user's verdicts on the given suggestions, by suggestion id."""
    suggestions = list(suggestions)
    if not suggestions or not user.is_authenticated:
        return {}
    given = SuggestionFeedback.objects.filter(user=user).filter(
        Q(challenge__in={s.challenge_id for s in suggestions if s.challenge_id})
        | Q(project__in={s.project_id for s in suggestions if s.project_id})
        | Q(for_mentee__in={s.for_mentee_id for s in suggestions if s.for_mentee_id})
    )
    verdicts = {
        (f.mentor_id, f.mentee_id, f.challenge_id, f.project_id, f.for_mentee_id): f.relevant
        for f in given
    }
    return {
        s.pk: verdicts[key]
        for s in suggestions
        if (key := (s.mentor_id, s.mentee_id, s.challenge_id, s.project_id, s.for_mentee_id))
        in verdicts
    }
