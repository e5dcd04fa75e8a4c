"""Rows → engine objects: experts, mentees and postings as the matching engine sees them, the
engines indexed on every expert or mentee (refitted only when their table changed), and the
ranking of one target's candidates."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Max, Q

from mentors.models import IndustryChain, Mentee, Mentor, Pairing
from projects.matching import Expert, Item, MatchEngine, Suggestion
from projects.models import Challenge, Project, Status

from . import CHALLENGES, MENTEES, MENTORS, PROJECTS, TOP_K, candidates_of


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
    """The engine query of a target of any kind."""
    return mentee_item(target) if kind == MENTEES else posting_item(target)


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


def excluded_candidates(kind: str, target) -> set[str]:
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
    excluded = excluded_candidates(kind, target)
    ranked = candidate_engine(candidates_of(kind)).rank(
        target_item(kind, target), k + len(excluded)
    )
    return [s for s in ranked if s.expert_id not in excluded][:k]


def score_candidate(engine: MatchEngine, item: Item, candidate_id: str) -> float:
    """One candidate's score for ``item``; a deleted candidate scores nothing anywhere."""
    try:
        return engine.score(item, [candidate_id])[0]
    except KeyError:
        return 0.0
