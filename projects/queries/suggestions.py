"""Reads of the stored suggestion lists: a posting's, "for you", invitations and verdicts."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from mentors.models import Mentee, Mentor
from projects.models import (
    CLAIMABLE_STATUSES,
    Challenge,
    MatchSuggestion,
    Project,
    RecomputeRun,
    SuggestionFeedback,
)
from projects.suggestions import CANDIDATE_FIELD, CHALLENGES, MENTEES, PROJECTS, TARGET_FIELD, TOP_K
from talentbridge.models import Notification, User


def open_targets(kind: str) -> QuerySet:
    """The targets that get a list: postings open for claims, and every mentee."""
    if kind == MENTEES:
        return Mentee.objects.prefetch_related("fields").order_by("pk")
    model = Challenge if kind == CHALLENGES else Project
    return model.objects.filter(status__in=CLAIMABLE_STATUSES).prefetch_related("fields")


def target_rows(kind: str, target_id: int) -> QuerySet:
    """The stored list of one target."""
    return MatchSuggestion.objects.filter(**{f"{TARGET_FIELD[kind]}_id": target_id})


def suggestions_for_posting(posting: Challenge | Project) -> QuerySet:
    """A posting's stored list, best first, with the candidates' profiles."""
    kind = posting.kind
    related = "mentor__affiliation" if kind == CHALLENGES else "mentee__organization"
    return (
        target_rows(kind, posting.pk)
        .select_related(related, f"{CANDIDATE_FIELD[kind]}__user", TARGET_FIELD[kind])
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
