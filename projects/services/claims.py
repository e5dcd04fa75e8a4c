"""Transitions of claims (揭榜): file, accept (never beyond the slots), decline, withdraw."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Pairing
from mentors.services import PairingError, propose_pairing
from projects.models import CLAIMABLE_STATUSES, Challenge, Claim, PostingEvent, Project, Status
from projects.queries.claims import accepted_count
from projects.rules import has_claim_role, is_open_for_claims
from talentbridge.models import User
from talentbridge.services import log_action, notify

from .attachments import add_attachments
from .common import BoardError, Posting, locked_posting, posting_ref, record_event

ALREADY_DECIDED = _("This claim has already been decided or withdrawn.")
CLOSED_FOR_CLAIMS = _("This posting does not take claims any more.")


def _notify_claim(claim: Claim, recipient: User, event: str, **context) -> None:
    posting = claim.posting
    notify(
        recipient,
        key=f"projects.{event}.{claim.pk}",
        template=f"projects_{event}",
        context={"title": posting.title, "claimant": claim.claimant.name, **context},
        url=posting.get_absolute_url(),
    )


def _locked_claim(claim: Claim) -> Claim:
    return Claim.objects.select_for_update().get(pk=claim.pk)


def _log(claim: Claim, verb: str, actor: User, from_status: str, **changes) -> None:
    log_action(
        claim,
        f"projects.claim.{verb}",
        actor=actor,
        changes={"status": [from_status, claim.status], **changes},
    )


@transaction.atomic
def claim_posting(
    posting: Posting,
    *,
    actor: User,
    approach: str,
    timeline: str,
    expected_result: str,
    team: str = "",
    organization_name: str = "",
    files: Iterable[UploadedFile] = (),
) -> Claim:
    """File a claim (揭榜) with a proposal; one open claim per person and posting."""
    posting = locked_posting(posting)
    if posting.owner_id == actor.pk:
        raise BoardError(_("You cannot claim your own posting."))
    if not has_claim_role(actor, posting):
        raise BoardError(
            _("Only experts can claim demands.")
            if isinstance(posting, Challenge)
            else _("Only mentees and enterprises can claim projects.")
        )
    if not is_open_for_claims(posting):
        raise BoardError(CLOSED_FOR_CLAIMS)
    claim = Claim(
        **posting_ref(posting),
        claimant=actor,
        mentor=getattr(actor, "mentor_profile", None) if isinstance(posting, Challenge) else None,
        mentee=getattr(actor, "mentee_profile", None) if isinstance(posting, Project) else None,
        organization_name=organization_name,
        approach=approach,
        timeline=timeline,
        team=team,
        expected_result=expected_result,
    )
    try:
        with transaction.atomic():
            claim.save()
    except IntegrityError as exc:
        raise BoardError(_("You already have an open claim on this posting.")) from exc
    _log(claim, "create", actor, "", posting=str(posting))
    add_attachments(files, actor=actor, claim=claim)
    record_event(
        posting, PostingEvent.Action.CLAIMED, actor=actor, from_status=posting.status, claim=claim
    )
    _notify_claim(claim, posting.owner, "claim_received")
    return claim


def _propose_pairing(claim: Claim, posting: Posting, actor: User) -> Pairing | None:
    """Propose a mentor–mentee pairing when the claim joins an expert and a mentee.

    An open pairing of the same two people is reused; an expert who takes no new mentees
    gets no proposal, and the claim is accepted all the same.
    """
    mentor = claim.mentor or posting.poster_mentor
    mentee = claim.mentee or posting.poster_mentee
    if mentor is None or mentee is None:
        return None
    existing = Pairing.objects.filter(mentor=mentor, mentee=mentee, status__in=Pairing.OPEN)
    if pairing := existing.first():
        return pairing
    note = str(_("From the claim on “%(title)s”.") % {"title": posting.title})
    try:
        return propose_pairing(mentor, mentee, actor=actor, note=note)
    except PairingError:
        return None


def _decide(claim: Claim, status: str, *, actor: User, message: str) -> None:
    claim.status = status
    claim.decision_message = message
    claim.decided_by = actor
    claim.decided_at = timezone.now()


@transaction.atomic
def accept_claim(claim: Claim, *, actor: User, message: str = "") -> Claim:
    """Accept a claim, never beyond the posting's slots, even under concurrent accepts.

    The posting row is locked before the accepted claims are counted, so two accepts of the
    same posting run one after the other.
    """
    posting = locked_posting(claim.posting)
    claim = _locked_claim(claim)
    if claim.status != Claim.Status.SUBMITTED:
        raise BoardError(ALREADY_DECIDED)
    if posting.status not in (*CLAIMABLE_STATUSES, Status.IN_PROGRESS):
        raise BoardError(CLOSED_FOR_CLAIMS)
    if accepted_count(posting) >= posting.slots:
        raise BoardError(_("All slots of this posting are taken."))
    _decide(claim, Claim.Status.ACCEPTED, actor=actor, message=message)
    claim.pairing = _propose_pairing(claim, posting, actor)
    claim.save(update_fields=["status", "decision_message", "decided_by", "decided_at", "pairing"])
    from_status = posting.status
    if posting.status == Status.PUBLISHED:
        posting.status = Status.CLAIMED
        posting.save(update_fields=["status", "updated_at"])
    moved = (
        {"posting_status": [from_status, posting.status]} if posting.status != from_status else {}
    )
    _log(claim, "accept", actor, Claim.Status.SUBMITTED, message=message, **moved)
    record_event(
        posting,
        PostingEvent.Action.CLAIM_ACCEPTED,
        actor=actor,
        from_status=from_status,
        comment=message,
        claim=claim,
    )
    _notify_claim(claim, claim.claimant, "claim_accepted", message=message)
    return claim


@transaction.atomic
def decline_claim(claim: Claim, *, actor: User, message: str = "") -> Claim:
    """Decline a claim with a message to the claimant."""
    posting = locked_posting(claim.posting)
    claim = _locked_claim(claim)
    if claim.status != Claim.Status.SUBMITTED:
        raise BoardError(ALREADY_DECIDED)
    _decide(claim, Claim.Status.DECLINED, actor=actor, message=message)
    claim.save(update_fields=["status", "decision_message", "decided_by", "decided_at"])
    _log(claim, "decline", actor, Claim.Status.SUBMITTED, message=message)
    record_event(
        posting,
        PostingEvent.Action.CLAIM_DECLINED,
        actor=actor,
        from_status=posting.status,
        comment=message,
        claim=claim,
    )
    _notify_claim(claim, claim.claimant, "claim_declined", message=message)
    return claim


@transaction.atomic
def withdraw_claim(claim: Claim, *, actor: User) -> Claim:
    """Let the claimant take back a claim that has not been decided yet."""
    posting = locked_posting(claim.posting)
    claim = _locked_claim(claim)
    if claim.status != Claim.Status.SUBMITTED:
        raise BoardError(ALREADY_DECIDED)
    claim.status = Claim.Status.WITHDRAWN
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "decided_at"])
    _log(claim, "withdraw", actor, Claim.Status.SUBMITTED)
    record_event(
        posting,
        PostingEvent.Action.CLAIM_WITHDRAWN,
        actor=actor,
        from_status=posting.status,
        claim=claim,
    )
    return claim
