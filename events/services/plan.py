"""The organizer's pairing plan: decide on single pairs, then act on the whole plan."""

from django.db import transaction
from django.utils.translation import gettext as _

from mentors.models import Mentee, Mentor
from mentors.services import PairingError, propose_pairing
from projects.models import Challenge
from projects.services.suggestions import invite_person
from projects.suggestions import SuggestionError
from talentbridge.models import User
from talentbridge.services import log_action

from ..models import Event, PlanConstraint
from ..plan import CHALLENGES, MENTEES, build_plan
from . import EventError


@transaction.atomic
def decide_pair(
    event: Event, mentor: Mentor, target: Mentee | Challenge, *, kind: str, actor: User
) -> PlanConstraint | None:
    """Lock a pair in, rule it out, or (``kind=""``) take the decision back."""
    column = "mentee" if isinstance(target, Mentee) else "challenge"
    pair = {"event": event, "mentor": mentor, column: target}
    if kind and kind not in PlanConstraint.Kind.values:
        raise EventError(_("Unknown decision."))
    changes = {"mentor": mentor.name, column: str(target), "decision": kind}
    if not kind:
        deleted, _rows = PlanConstraint.objects.filter(**pair).delete()
        if deleted:
            log_action(event, "events.plan.release", actor=actor, changes=changes)
        return None
    decision, _created = PlanConstraint.objects.update_or_create(
        **pair, defaults={"kind": kind, "created_by": actor}
    )
    log_action(event, "events.plan.decide", actor=actor, changes=changes)
    return decision


@transaction.atomic
def accept_plan(event: Event, *, actor: User, of: str, per_mentor: int) -> tuple[int, list[str]]:
    """Act on every planned pair; return how many went out and the pairs refused.

    A mentee pair becomes a proposed pairing (师徒结对), which joins the ceremony's running
    order once accepted. A demand pair invites the expert to claim the demand (揭榜), and
    proposes a pairing too when a mentee posted the demand.
    """
    plan = build_plan(event, of=of, per_mentor=per_mentor)
    done, refused = 0, []
    for row in plan.rows:
        mentee = row.target if of == MENTEES else row.target.poster_mentee
        try:
            if of == CHALLENGES:
                invite_person(row.mentor, row.target, actor=actor)
            if mentee is not None:
                propose_pairing(row.mentor, mentee, actor=actor, note=event.title)
        except (PairingError, SuggestionError) as exc:
            refused.append(f"{row.mentor.name} → {row.target}: {exc.message}")
        else:
            done += 1
    log_action(
        event,
        "events.plan.accept",
        actor=actor,
        changes={"of": of, "per_mentor": per_mentor, "done": done, "refused": len(refused)},
    )
    return done, refused
