"""What users do with suggestions: give feedback, invite a suggested person to claim, start a
full recompute. Each writes the audit trail."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor
from projects.models import Challenge, MatchSuggestion, Project, RecomputeRun, SuggestionFeedback
from projects.queries.suggestions import invitation_key
from projects.suggestions import ENGINE_VERSION, SuggestionError
from projects.tasks import task_full_recompute
from talentbridge.models import User
from talentbridge.services import log_action, notify

from .recompute import start_run


def start_full_recompute(*, actor: User | None) -> RecomputeRun:
    """Start a full recompute; its chunks run as separate tasks once this commits."""
    run = start_run(actor=actor)
    task_full_recompute.delay(run_id=run.pk)
    return run


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


@transaction.atomic
def record_feedback(
    suggestion: MatchSuggestion, *, actor: User, relevant: bool
) -> SuggestionFeedback:
    """Store (or change) the user's verdict on the suggested pair."""
    pair = {
        name: getattr(suggestion, f"{name}_id")
        for name in ("mentor", "mentee", "challenge", "project", "for_mentee")
    }
    feedback, created = SuggestionFeedback.objects.update_or_create(
        user=actor,
        **{f"{k}_id": v for k, v in pair.items()},
        defaults={
            "relevant": relevant,
            "score": suggestion.score,
            "engine_version": ENGINE_VERSION,
            "created_at": timezone.now(),
        },
    )
    log_action(
        feedback,
        "projects.suggestion_feedback." + ("give" if created else "change"),
        actor=actor,
        changes={"relevant": relevant, "score": round(suggestion.score, 4)},
    )
    return feedback
