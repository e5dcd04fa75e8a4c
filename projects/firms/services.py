"""State transitions of firm matchmaking; each writes the audit trail."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbridge.models import Office, User
from talentbridge.services import log_action

from .models import FirmMatch
from .suggestions import plan_matchmaking


class MatchmakingError(Exception):
    """A matchmaking change that cannot be made; the message is for the user."""


@transaction.atomic
def compute_matchmaking(office: Office, *, actor: User | None) -> int:
    """Replace the office's open proposals with a fresh plan; decided pairs stay as they
    are and are not proposed again. Returns how many pairs are proposed."""
    Office.objects.select_for_update().filter(pk=office.pk).first()
    decided = FirmMatch.objects.filter(office=office).exclude(status=FirmMatch.Status.PROPOSED)
    exclude = [(str(m), str(o)) for m, o in decided.values_list("mentor_id", "organization_id")]
    result = plan_matchmaking(office, exclude=exclude)
    FirmMatch.objects.filter(office=office, status=FirmMatch.Status.PROPOSED).delete()
    FirmMatch.objects.bulk_create(
        FirmMatch(
            office=office,
            mentor_id=int(expert_id),
            organization_id=int(item_id),
            score=round(score, 4),
            reasons=result.reasons.get((expert_id, item_id), []),
        )
        for expert_id, item_id, score in result.plan.pairs
    )
    log_action(
        office,
        "projects.firmmatch.plan",
        actor=actor,
        changes={"pairs": len(result.plan.pairs), "total": round(result.plan.total, 3)},
    )
    return len(result.plan.pairs)


@transaction.atomic
def decide_firm_match(match: FirmMatch, *, accept: bool, actor: User) -> FirmMatch:
    """Accept (the firm's representatives may now see the expert's contacts) or decline."""
    match = FirmMatch.objects.select_for_update().get(pk=match.pk)
    if match.status != FirmMatch.Status.PROPOSED:
        raise MatchmakingError(_("This match has already been decided."))
    match.status = FirmMatch.Status.ACCEPTED if accept else FirmMatch.Status.DECLINED
    match.decided_by, match.decided_at = actor, timezone.now()
    match.save(update_fields=["status", "decided_by", "decided_at"])
    verb = "accept" if accept else "decline"
    log_action(
        match,
        f"projects.firmmatch.{verb}",
        actor=actor,
        changes={"firm": match.organization.name, "expert": match.mentor.name},
    )
    return match
