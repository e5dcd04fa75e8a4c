"""Reads of the stored suggestion lists and of what people did with them: a posting's list,
"mentors for you", the postings a person already claimed, verdicts, invitations, and the
organizers' feedback report.

A posting is in a list only while it takes claims: published or claimed, its deadline not
passed, a slot still free. Every read filters on that, so a posting that closes or whose
last slot is taken drops out of every list at once, before any recompute.
"""

from collections.abc import Iterable

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from mentors.models import IndustryChain, Mentee, Mentor
from projects.models import (
    CLAIMABLE_STATUSES,
    Challenge,
    Claim,
    MatchSuggestion,
    Project,
    RecomputeRun,
    SuggestionFeedback,
)
from projects.suggestions import CANDIDATE_FIELD, CHALLENGES, MENTEES, PROJECTS, TARGET_FIELD, TOP_K
from talentbridge.models import Notification, User

Posting = Challenge | Project


def open_postings(kind: str) -> QuerySet:
    """Postings that take claims: published or claimed, deadline not passed, a slot free;
    with what the engine needs to know of their posters."""
    model = Challenge if kind == CHALLENGES else Project
    return (
        model.objects.filter(status__in=CLAIMABLE_STATUSES)
        .filter(Q(deadline__isnull=True) | Q(deadline__gte=timezone.localdate()))
        .annotate(taken=Count("claims", filter=Q(claims__status=Claim.Status.ACCEPTED)))
        .filter(taken__lt=F("slots"))
        .select_related(
            "poster_organization",
            "poster_mentor__affiliation",
            "poster_mentee__organization",
        )
        .prefetch_related("fields")
        .order_by("pk")
    )


def is_listed(posting: Posting) -> bool:
    """Whether the posting takes claims, so that it has a list and appears in lists."""
    return open_postings(posting.kind).filter(pk=posting.pk).exists()


def open_targets(kind: str) -> QuerySet:
    """The targets that get a list: postings open for claims, and every mentee who says what
    they need (needs, introduction or fields); a list from the region alone would be noise."""
    if kind == MENTEES:
        said = (
            ~Q(needs="")
            | ~Q(bio="")
            | Exists(Mentee.fields.through.objects.filter(mentee_id=OuterRef("pk")))
        )
        return Mentee.objects.filter(said).prefetch_related("fields").order_by("pk")
    return open_postings(kind)


def target_rows(kind: str, target_id: int) -> QuerySet:
    """The stored list of one target."""
    return MatchSuggestion.objects.filter(**{f"{TARGET_FIELD[kind]}_id": target_id})


def suggestions_for_posting(
    posting: Posting, *, viewer: User | None = None, min_score: float = 0.0
) -> QuerySet:
    """A posting's stored list, best first, with the candidates' profiles.

    Empty once the posting no longer takes claims; without the candidates who have claimed
    it since the list was computed, those scoring below ``min_score``, and those ``viewer``
    marked "not relevant".
    """
    kind = posting.kind
    candidate = CANDIDATE_FIELD[kind]
    column = TARGET_FIELD[kind]
    related = "mentor__affiliation" if kind == CHALLENGES else "mentee__organization"
    rows = target_rows(kind, posting.pk).filter(
        Exists(open_postings(kind).filter(pk=OuterRef(column))), score__gte=min_score
    )
    claimed = Claim.objects.filter(**{column: OuterRef(column)}).filter(
        Q(**{candidate: OuterRef(candidate)}) | Q(claimant=OuterRef(f"{candidate}__user"))
    )
    rows = rows.exclude(Exists(claimed))
    if viewer is not None and viewer.is_authenticated:
        rows = rows.exclude(
            Exists(
                SuggestionFeedback.objects.filter(
                    user=viewer,
                    relevant=False,
                    **{column: OuterRef(column), candidate: OuterRef(candidate)},
                )
            )
        )
    return rows.select_related(related, f"{candidate}__user", column).order_by("rank", "id")


def mentors_for_mentee(mentee: Mentee, *, min_score: float = 0.0, limit: int = TOP_K) -> list:
    """ "Mentors for you": the mentee's own list, available experts only, without those the
    mentee marked "not relevant"."""
    rejected = SuggestionFeedback.objects.filter(
        user_id=mentee.user_id,
        relevant=False,
        for_mentee=OuterRef("for_mentee"),
        mentor=OuterRef("mentor"),
    )
    return list(
        target_rows(MENTEES, mentee.pk)
        .filter(mentor__available=True, score__gte=min_score)
        .exclude(Exists(rejected))
        .select_related("mentor__affiliation")
        .order_by("rank", "id")[:limit]
    )


def suggestions_for_mentee(mentee: Mentee, *, limit: int = TOP_K) -> dict[str, list]:
    """ "Mentors for you" as stored, whatever the score (``for_you`` adds the projects)."""
    return {"mentors": mentors_for_mentee(mentee, limit=limit)}


def _person_filter(person: Mentor | Mentee) -> Q:
    role = "mentor" if isinstance(person, Mentor) else "mentee"
    mine = Q(**{role: person})
    return mine | Q(claimant_id=person.user_id) if person.user_id else mine


def claimed_posting_ids(kind: str, person: Mentor | Mentee) -> set[int]:
    """The postings the person claimed, whatever became of the claim (won, declined…)."""
    column = TARGET_FIELD[kind]
    claims = Claim.objects.filter(_person_filter(person), **{f"{column}__isnull": False})
    return set(claims.values_list(column, flat=True))


def posting_verdicts(user: User, person: Mentor | Mentee, kind: str) -> dict[int, bool]:
    """The user's verdicts on postings suggested to ``person``, by posting id."""
    column = TARGET_FIELD[kind]
    if not user.is_authenticated:
        return {}
    given = SuggestionFeedback.objects.filter(
        user=user, **{CANDIDATE_FIELD[kind]: person, f"{column}__isnull": False}
    )
    return dict(given.values_list(column, "relevant"))


def liked_field_ids(user: User, person: Mentor | Mentee, kind: str) -> set[int]:
    """The fields of the postings the user marked relevant for ``person``."""
    column = TARGET_FIELD[kind]
    given = SuggestionFeedback.objects.filter(
        user=user, relevant=True, **{CANDIDATE_FIELD[kind]: person}
    )
    return set(given.values_list(f"{column}__fields", flat=True)) - {None}


def latest_run() -> RecomputeRun | None:
    """The newest full recompute, with its job."""
    return RecomputeRun.objects.select_related("job").order_by("-id").first()


def invitation_key(kind: str, posting_id: int, user_id: int) -> str:
    """The notification key of an invitation to claim: one per posting and person."""
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


def feedback_by_field(office_ids: set[int] | None) -> list[dict]:
    """Verdicts on suggestions counted by field: ``field`` (None for postings and mentees
    without one), ``relevant`` and ``not_relevant``, most verdicts first.

    ``office_ids`` limits it to the postings of those offices (None: every verdict, also on
    "mentors for you"). Four queries, whatever the number of verdicts and fields.
    """
    columns = [CHALLENGES, PROJECTS] + ([MENTEES] if office_ids is None else [])
    counts: dict[int | None, list[int]] = {}
    for kind in columns:
        column = TARGET_FIELD[kind]
        given = SuggestionFeedback.objects.filter(**{f"{column}__isnull": False})
        if office_ids is not None:
            given = given.filter(**{f"{column}__office__in": office_ids})
        rows = given.values(field=F(f"{column}__fields")).annotate(
            yes=Count("pk", filter=Q(relevant=True)), no=Count("pk", filter=Q(relevant=False))
        )
        for row in rows:
            tally = counts.setdefault(row["field"], [0, 0])
            tally[0] += row["yes"]
            tally[1] += row["no"]
    fields = IndustryChain.objects.in_bulk([pk for pk in counts if pk is not None])
    report = [
        {"field": fields.get(pk), "relevant": yes, "not_relevant": no}
        for pk, (yes, no) in counts.items()
        if pk is None or pk in fields
    ]
    report.sort(key=lambda row: (-(row["relevant"] + row["not_relevant"]), str(row["field"])))
    return report


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
