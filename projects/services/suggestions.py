"""What users do with suggestions: give feedback, invite a suggested person to claim, start a
full recompute. Each writes the audit trail.

A "not relevant" verdict is never shown to its giver again (the reads filter it out at once);
when it comes from the owner of the list, the list is recomputed without that candidate, so
it keeps its length."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor
from projects.models import Challenge, MatchSuggestion, Project, RecomputeRun, SuggestionFeedback
from projects.queries.suggestions import invitation_key
from projects.suggestions import CHALLENGES, ENGINE_VERSION, MENTEES, PROJECTS, SuggestionError
from projects.tasks import task_full_recompute, task_recompute_posting
from talentbridge.models import User
from talentbridge.services import log_action, notify

from .recompute import retry_run, start_run


def start_full_recompute(*, actor: User | None) -> RecomputeRun:
    """Start a full recompute; its chunks run as separate tasks once this commits."""
    run = start_run(actor=actor)
    task_full_recompute.delay(run_id=run.pk)
    return run


def retry_full_recompute(run: RecomputeRun, *, actor: User) -> bool:
    """Run a failed recompute again from the chunks it had not done; False if it had not failed."""
    if not retry_run(run, actor=actor):
        return False
    task_full_recompute.delay(run_id=run.pk)
    return True


@transaction.atomic
def invite_person(person: Mentor | Mentee, posting: Challenge | Project, *, actor: User) -> None:
    """Invite an expert (or founder) to claim a posting; the same invitation goes out once."""
    if person.user_id is None:
        raise SuggestionError(
            _("This person has no account yet; an organizer can reach them directly.")
        )
    log_action(
        posting,
        f"projects.{posting._meta.model_name}.invite",
        actor=actor,
        changes={"invited": person.name},
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


PAIR_COLUMNS = ("mentor", "mentee", "challenge", "project", "for_mentee")


def _store_feedback(pair: dict, *, actor: User, relevant: bool, score: float):
    feedback, created = SuggestionFeedback.objects.update_or_create(
        user=actor,
        **{f"{name}_id": pair.get(name) for name in PAIR_COLUMNS},
        defaults={
            "relevant": relevant,
            "score": score,
            "engine_version": ENGINE_VERSION,
            "created_at": timezone.now(),
        },
    )
    log_action(
        feedback,
        "projects.suggestion_feedback." + ("give" if created else "change"),
        actor=actor,
        changes={"relevant": relevant, "score": round(score, 4)},
    )
    return feedback


def _refresh_owners_list(target, kind: str, *, actor: User) -> None:
    owner = target.user_id if kind == MENTEES else target.owner_id
    if owner == actor.pk:
        task_recompute_posting.delay(kind=kind, posting_id=target.pk)


@transaction.atomic
def record_feedback(
    suggestion: MatchSuggestion, *, actor: User, relevant: bool
) -> SuggestionFeedback:
    """Store (or change) the user's verdict on the suggested pair."""
    pair = {name: getattr(suggestion, f"{name}_id") for name in PAIR_COLUMNS}
    feedback = _store_feedback(pair, actor=actor, relevant=relevant, score=suggestion.score)
    if not relevant:
        kind = (
            CHALLENGES
            if suggestion.challenge_id
            else PROJECTS
            if suggestion.project_id
            else MENTEES
        )
        _refresh_owners_list(suggestion.target, kind, actor=actor)
    return feedback


@transaction.atomic
def record_posting_feedback(
    person: Mentor | Mentee,
    posting: Challenge | Project,
    *,
    actor: User,
    relevant: bool,
    score: float,
) -> SuggestionFeedback:
    """Store (or change) a person's verdict on a posting suggested to them ("for you")."""
    role = "mentor" if isinstance(person, Mentor) else "mentee"
    pair = {role: person.pk, posting.kind[:-1]: posting.pk}
    return _store_feedback(pair, actor=actor, relevant=relevant, score=score)
