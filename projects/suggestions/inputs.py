"""Rows → engine objects: experts, mentees and postings as the matching engine sees them, the
engines indexed on every expert or mentee (refitted only when their table changed), and the
ranking of one target's candidates.

Who someone is goes to the engine as well, for conflicts of interest: people keys
(``user:<id>``, ``mentor:<id>``, ``mentee:<id>``) and organisation names (an expert's
affiliation, a mentee's organisation, the organisations whose accounts they use). A posting
names its poster and the poster's organisation, so neither the poster nor a colleague is ever
suggested for it."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Max, Q

from mentors.models import IndustryChain, Mentee, Mentor, Organization, Pairing
from mentors.spreadsheets.columns import split_list
from projects.matching import Expert, Item, ItemSuggestion, MatchEngine, Suggestion
from projects.models import Challenge, Claim, Project, Status, SuggestionFeedback

from . import (
    CANDIDATE_FIELD,
    CHALLENGES,
    MENTEES,
    MENTORS,
    TARGET_FIELD,
    TOP_K,
    candidates_of,
)


def field_tags(fields: Iterable[IndustryChain]) -> list[str]:
    """A field's names in both languages: the taxonomy folds them to one concept."""
    return [name for field in fields for name in (field.name_zh, field.name_en) if name]


def _people(*keys: tuple[str, int | None]) -> list[str]:
    return [f"{kind}:{pk}" for kind, pk in keys if pk]


def _names(*organizations: Organization | None) -> list[str]:
    return [org.name for org in organizations if org is not None and org.name]


def mentor_expert(
    mentor: Mentor,
    *,
    occupied: int,
    project_titles: Sequence[str] = (),
    memberships: Sequence[str] = (),
) -> Expert:
    """The engine's view of an expert; a full or unavailable expert has capacity 0.

    ``memberships`` are the names of the organisations the expert's account represents.
    """
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
        people=_people(("mentor", mentor.pk), ("user", mentor.user_id)),
        # Declared conflicts count as the expert's own organisations: never matched with them.
        organizations=[
            *_names(mentor.affiliation),
            *memberships,
            *split_list(mentor.declared_conflicts),
        ],
    )


def mentee_expert(mentee: Mentee, *, memberships: Sequence[str] = ()) -> Expert:
    """The engine's view of a mentee as a candidate for projects."""
    return Expert(
        id=str(mentee.pk),
        texts=[text for text in (mentee.needs, mentee.bio) if text],
        tags=field_tags(mentee.fields.all()),
        region=mentee.region_label,
        people=_people(("mentee", mentee.pk), ("user", mentee.user_id)),
        organizations=[*_names(mentee.organization), *memberships],
    )


def posting_item(posting: Challenge | Project) -> Item:
    """A posting as a query; confidential details stay out, so no reason can reveal them.

    Its poster (the managing account, the posting expert or mentee) and the poster's
    organisation (the posting organisation, the mentee's organisation, the expert's
    affiliation) are in conflict with it.
    """
    parts = [posting.title, posting.summary, getattr(posting, "required_expertise", "")]
    if not posting.confidential:
        parts.append(posting.details)
    mentor, mentee = posting.poster_mentor, posting.poster_mentee
    return Item(
        id=str(posting.pk),
        text="\n".join(part for part in parts if part),
        tags=field_tags(posting.fields.all()),
        region=posting.region_label,
        people=_people(
            ("user", posting.owner_id),
            ("mentor", posting.poster_mentor_id),
            ("user", mentor.user_id if mentor else None),
            ("mentee", posting.poster_mentee_id),
            ("user", mentee.user_id if mentee else None),
        ),
        organizations=_names(
            posting.poster_organization,
            mentor.affiliation if mentor else None,
            mentee.organization if mentee else None,
        ),
    )


def mentee_item(mentee: Mentee) -> Item:
    """A mentee's needs as a query for "mentors for you" and the pairing plan; the mentee
    is never suggested to themself (an expert colleague may well mentor them)."""
    fields = list(mentee.fields.all())
    text = "\n".join(
        part for part in (mentee.needs, mentee.bio, " ".join(field_tags(fields))) if part
    )
    return Item(
        id=str(mentee.pk),
        text=text,
        tags=field_tags(fields),
        region=mentee.region_label,
        people=_people(("mentee", mentee.pk), ("user", mentee.user_id)),
    )


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
        *_organization_fingerprint(),
    )


def _organization_fingerprint() -> tuple:
    """Renamed organisations and changed representatives change who is a colleague."""
    names = Organization.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    members = Organization.members.through.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (names["n"], names["last"], members["n"], members["last"])


def _mentee_fingerprint() -> tuple:
    people = Mentee.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    tags = Mentee.fields.through.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (people["n"], people["last"], tags["n"], tags["last"], *_organization_fingerprint())


def _memberships() -> dict[int, list[str]]:
    """The names of the organisations each account represents, by user id."""
    out: dict[int, list[str]] = {}
    for user_id, name in Organization.members.through.objects.values_list(
        "user_id", "organization__name"
    ):
        out.setdefault(user_id, []).append(name)
    return out


def _mentor_experts() -> list[Expert]:
    mentors = (
        Mentor.objects.select_related("affiliation")
        .prefetch_related("fields")
        .annotate(occupied=Count("pairings", filter=Q(pairings__status__in=Pairing.OCCUPYING)))
    )
    memberships = _memberships()
    titles: dict[int, list[str]] = {}
    for mentor_id, title in (
        Project.objects.filter(poster_mentor__isnull=False)
        .exclude(status=Status.WITHDRAWN)
        .values_list("poster_mentor_id", "title")
    ):
        titles.setdefault(mentor_id, []).append(title)
    return [
        mentor_expert(
            m,
            occupied=m.occupied,
            project_titles=titles.get(m.pk, ()),
            memberships=memberships.get(m.user_id, ()),
        )
        for m in mentors
    ]


def _mentee_experts() -> list[Expert]:
    memberships = _memberships()
    return [
        mentee_expert(m, memberships=memberships.get(m.user_id, ()))
        for m in Mentee.objects.select_related("organization").prefetch_related("fields")
    ]


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


def excluded_pairs(kind: str, target) -> set[tuple[str, str]]:
    """(candidate id, target id) pairs never suggested for ``target``: who already claimed
    it (pending, won, declined or withdrawn), an existing pair of a mentee, and the
    candidates its owner marked "not relevant". Conflicts of interest are the engine's."""
    role = CANDIDATE_FIELD[kind]
    column = TARGET_FIELD[kind]
    if kind == MENTEES:
        paired = Pairing.objects.filter(mentee=target, status__in=Pairing.OPEN)
        excluded = set(paired.values_list("mentor_id", flat=True))
        owner = target.user_id
    else:
        claims = Claim.objects.filter(**{column: target})
        profiles = Mentor if kind == CHALLENGES else Mentee
        excluded = set(claims.values_list(role, flat=True))
        excluded |= set(
            profiles.objects.filter(user__in=claims.values("claimant")).values_list("pk", flat=True)
        )
        owner = target.owner_id
    verdicts = SuggestionFeedback.objects.filter(**{column: target}, user=owner, relevant=False)
    excluded |= set(verdicts.values_list(role, flat=True))
    return {(str(pk), str(target.pk)) for pk in excluded if pk}


def rank_target(kind: str, target, *, k: int = TOP_K) -> list[Suggestion]:
    """The ``k`` best candidates for ``target``, best first; conflicts and excluded pairs
    (``excluded_pairs``) are never among them."""
    engine = candidate_engine(candidates_of(kind))
    return engine.rank(target_item(kind, target), k, exclude=excluded_pairs(kind, target))


def rank_postings(
    candidates: str,
    candidate_id: int,
    postings: Sequence[Challenge | Project],
    *,
    k: int = TOP_K,
    exclude: Iterable[tuple[str, str]] = (),
) -> list[ItemSuggestion]:
    """The ``k`` best of ``postings`` for one expert (or mentee), with the scores and reasons
    the posting's own list gives them; none for a candidate the index does not hold yet."""
    items = [posting_item(posting) for posting in postings]
    try:
        return candidate_engine(candidates).rank_items(
            str(candidate_id), items, k, exclude=set(exclude)
        )
    except KeyError:
        return []


def score_candidate(engine: MatchEngine, item: Item, candidate_id: str) -> float:
    """One candidate's score for ``item``; a deleted candidate scores nothing anywhere."""
    try:
        return engine.score(item, [candidate_id])[0]
    except KeyError:
        return 0.0
