"""State transitions of postings and claims: the only place that changes them.

Every function is transactional, records a ``PostingEvent`` and raises ``BoardError`` with a
translated message when the transition is not allowed from the current state.
"""

from collections.abc import Iterable
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain, Mentee, Mentor, Organization, Pairing
from mentors.services import PairingError, propose_pairing, save_organization
from talentbridge.models import User
from talentbridge.services import notify

from .models import (
    CLAIMABLE_STATUSES,
    Attachment,
    Challenge,
    Claim,
    Landing,
    PostingEvent,
    Project,
    Status,
)
from .rules import ACTIVE_STATUSES, has_claim_role, is_open_for_claims
from .suggestions import schedule_posting_recompute

Posting = Project | Challenge
Poster = Mentor | Mentee | Organization


class BoardError(Exception):
    """A transition that the current state of a posting or claim does not allow."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _posting_ref(posting: Posting) -> dict:
    return {"project": posting} if isinstance(posting, Project) else {"challenge": posting}


def _record(
    posting: Posting,
    action: str,
    *,
    actor: User | None,
    from_status: str = "",
    comment: str = "",
    claim: Claim | None = None,
) -> PostingEvent:
    return PostingEvent.objects.create(
        **_posting_ref(posting),
        action=action,
        actor=actor,
        from_status=from_status,
        to_status=posting.status,
        comment=comment,
        claim=claim,
    )


def _locked(posting: Posting) -> Posting:
    """Re-read the posting with its row locked until the transaction ends."""
    return type(posting).objects.select_for_update().get(pk=posting.pk)


def _accepted_count(posting: Posting) -> int:
    return posting.claims.filter(status=Claim.Status.ACCEPTED).count()


def _move(
    posting: Posting,
    allowed: Iterable[str],
    to: str,
    action: str,
    *,
    actor: User,
    comment: str = "",
    **changes,
) -> Posting:
    """Move a locked posting from one of ``allowed`` statuses to ``to`` and record it."""
    posting = _locked(posting)
    if posting.status not in allowed:
        raise BoardError(
            _("This is not possible while the posting is “%(status)s”.")
            % {"status": posting.get_status_display()}
        )
    from_status = posting.status
    posting.status = to
    for name, value in changes.items():
        setattr(posting, name, value)
    posting.save(update_fields=["status", "updated_at", *changes])
    _record(posting, action, actor=actor, from_status=from_status, comment=comment)
    return posting


def build_search_text(posting: Posting) -> str:
    """What the board search matches: lower-cased text of the posting and its tags."""
    poster = posting.poster
    parts = [
        posting.title,
        posting.summary,
        getattr(posting, "required_expertise", ""),
        posting.region_label,
        poster.name if poster else "",
    ]
    parts += [f"{field.name_zh} {field.name_en}" for field in posting.fields.all()]
    return " ".join(part for part in parts if part).casefold()


def _poster_fields(poster: Poster | str, actor: User) -> dict:
    if isinstance(poster, str):
        # A named organisation the poster represents: reuse it, or register it with the
        # poster as its representative.
        organization = Organization.objects.filter(name=poster).first()
        if organization is None:
            organization = save_organization(
                Organization(name=poster, kind=Organization.Kind.ENTERPRISE), actor=actor
            )
            organization.members.add(actor)
        poster = organization
    return {
        "poster_mentor": poster if isinstance(poster, Mentor) else None,
        "poster_mentee": poster if isinstance(poster, Mentee) else None,
        "poster_organization": poster if isinstance(poster, Organization) else None,
    }


def add_attachments(
    files: Iterable[UploadedFile],
    *,
    actor: User,
    posting: Posting | None = None,
    claim: Claim | None = None,
) -> list[Attachment]:
    """Store already-validated uploads on a posting or a claim."""
    owner = {"claim": claim} if claim else _posting_ref(posting)
    return [
        Attachment.objects.create(
            **owner,
            file=upload,
            name=upload.name[:200],
            size=upload.size,
            content_type=upload.content_type or "application/octet-stream",
            uploaded_by=actor,
        )
        for upload in files
    ]


@transaction.atomic
def save_posting(
    posting: Posting,
    *,
    actor: User,
    poster: Poster | str,
    fields: Iterable[IndustryChain] = (),
    files: Iterable[UploadedFile] = (),
) -> Posting:
    """Create or update a posting (its form data already set on it) as ``actor``."""
    created = posting.pk is None
    if created:
        posting.owner = actor
    for name, value in _poster_fields(poster, actor).items():
        setattr(posting, name, value)
    posting.save()
    posting.fields.set(fields)
    posting.search_text = build_search_text(posting)
    posting.save(update_fields=["search_text"])
    add_attachments(files, actor=actor, posting=posting)
    action = PostingEvent.Action.CREATED if created else PostingEvent.Action.EDITED
    _record(posting, action, actor=actor, from_status="" if created else posting.status)
    if posting.status in CLAIMABLE_STATUSES:
        schedule_posting_recompute(posting)
    return posting


def _notify_owner(posting: Posting, event: str, **context) -> None:
    notify(
        posting.owner,
        key=f"projects.{event}.{posting.kind}.{posting.pk}",
        template=f"projects_{event}",
        context={"title": posting.title, **context},
        url=posting.get_absolute_url(),
    )


@transaction.atomic
def submit_posting(posting: Posting, *, actor: User) -> Posting:
    """Send a draft to the organizers for review."""
    return _move(
        posting,
        [Status.DRAFT],
        Status.SUBMITTED,
        PostingEvent.Action.SUBMITTED,
        actor=actor,
        submitted_at=timezone.now(),
    )


@transaction.atomic
def publish_posting(posting: Posting, *, actor: User) -> Posting:
    """Put a reviewed posting on its board and tell its poster."""
    posting = _move(
        posting,
        [Status.SUBMITTED],
        Status.PUBLISHED,
        PostingEvent.Action.PUBLISHED,
        actor=actor,
        published_at=timezone.now(),
    )
    _notify_owner(posting, "posting_published")
    schedule_posting_recompute(posting)
    return posting


@transaction.atomic
def send_back_posting(posting: Posting, *, actor: User, comment: str) -> Posting:
    """Return a submitted posting to its poster as a draft, saying what to change."""
    posting = _move(
        posting,
        [Status.SUBMITTED],
        Status.DRAFT,
        PostingEvent.Action.SENT_BACK,
        actor=actor,
        comment=comment,
    )
    # Each send-back is its own notification, so a second review round is not swallowed.
    count = posting.history.filter(action=PostingEvent.Action.SENT_BACK).count()
    _notify_owner(posting, "posting_sent_back", comment=comment, round=count)
    return posting


@transaction.atomic
def withdraw_posting(posting: Posting, *, actor: User, comment: str = "") -> Posting:
    """Take a posting off the boards for good, from any status before it is closed."""
    allowed = [status for status in Status if status not in (Status.CLOSED, Status.WITHDRAWN)]
    return _move(
        posting,
        allowed,
        Status.WITHDRAWN,
        PostingEvent.Action.WITHDRAWN,
        actor=actor,
        comment=comment,
    )


@transaction.atomic
def start_posting(posting: Posting, *, actor: User) -> Posting:
    """Mark that work with the accepted claimants has started."""
    return _move(
        posting, [Status.CLAIMED], Status.IN_PROGRESS, PostingEvent.Action.STARTED, actor=actor
    )


@transaction.atomic
def solve_posting(posting: Posting, *, actor: User, comment: str = "") -> Posting:
    """Mark the problem solved or the project delivered."""
    return _move(
        posting,
        [Status.CLAIMED, Status.IN_PROGRESS],
        Status.SOLVED,
        PostingEvent.Action.SOLVED,
        actor=actor,
        comment=comment,
    )


@transaction.atomic
def record_landing(
    posting: Posting,
    *,
    actor: User,
    province: str,
    city: str = "",
    county: str = "",
    town: str = "",
    village: str = "",
    landed_on: date,
    intended_investment: int | None = None,
    signed_investment: int | None = None,
) -> Landing:
    """Record where the posting landed (落地) and with what investment; it becomes "landed"."""
    posting = _move(
        posting,
        [Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED],
        Status.LANDED,
        PostingEvent.Action.LANDED,
        actor=actor,
        comment=" ".join(part for part in (province, city, county, town, village) if part),
    )
    return Landing.objects.create(
        **_posting_ref(posting),
        province=province,
        city=city,
        county=county,
        town=town,
        village=village,
        landed_on=landed_on,
        intended_investment=intended_investment,
        signed_investment=signed_investment,
        recorded_by=actor,
    )


@transaction.atomic
def close_posting(posting: Posting, *, actor: User, comment: str = "") -> Posting:
    """Close a posting: it stays on record but takes no more claims or changes."""
    return _move(
        posting,
        [Status.PUBLISHED, *ACTIVE_STATUSES],
        Status.CLOSED,
        PostingEvent.Action.CLOSED,
        actor=actor,
        comment=comment,
    )


def _notify_claim(claim: Claim, recipient: User, event: str, **context) -> None:
    posting = claim.posting
    notify(
        recipient,
        key=f"projects.{event}.{claim.pk}",
        template=f"projects_{event}",
        context={"title": posting.title, "claimant": claim.claimant.name, **context},
        url=posting.get_absolute_url(),
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
    posting = _locked(posting)
    if posting.owner_id == actor.pk:
        raise BoardError(_("You cannot claim your own posting."))
    if not has_claim_role(actor, posting):
        raise BoardError(
            _("Only experts can claim demands.")
            if isinstance(posting, Challenge)
            else _("Only mentees and enterprises can claim projects.")
        )
    if not is_open_for_claims(posting):
        raise BoardError(_("This posting does not take claims any more."))
    claim = Claim(
        **_posting_ref(posting),
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
    add_attachments(files, actor=actor, claim=claim)
    _record(
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


@transaction.atomic
def accept_claim(claim: Claim, *, actor: User, message: str = "") -> Claim:
    """Accept a claim, never beyond the posting's slots, even under concurrent accepts.

    The posting row is locked before the accepted claims are counted, so two accepts of the
    same posting run one after the other.
    """
    posting = _locked(claim.posting)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.SUBMITTED:
        raise BoardError(_("This claim has already been decided or withdrawn."))
    if posting.status not in (*CLAIMABLE_STATUSES, Status.IN_PROGRESS):
        raise BoardError(_("This posting does not take claims any more."))
    if _accepted_count(posting) >= posting.slots:
        raise BoardError(_("All slots of this posting are taken."))
    claim.status = Claim.Status.ACCEPTED
    claim.decision_message = message
    claim.decided_by = actor
    claim.decided_at = timezone.now()
    claim.pairing = _propose_pairing(claim, posting, actor)
    claim.save(update_fields=["status", "decision_message", "decided_by", "decided_at", "pairing"])
    from_status = posting.status
    if posting.status == Status.PUBLISHED:
        posting.status = Status.CLAIMED
        posting.save(update_fields=["status", "updated_at"])
    _record(
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
    posting = _locked(claim.posting)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.SUBMITTED:
        raise BoardError(_("This claim has already been decided or withdrawn."))
    claim.status = Claim.Status.DECLINED
    claim.decision_message = message
    claim.decided_by = actor
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "decision_message", "decided_by", "decided_at"])
    _record(
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
    posting = _locked(claim.posting)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.SUBMITTED:
        raise BoardError(_("This claim has already been decided or withdrawn."))
    claim.status = Claim.Status.WITHDRAWN
    claim.decided_at = timezone.now()
    claim.save(update_fields=["status", "decided_at"])
    _record(
        posting,
        PostingEvent.Action.CLAIM_WITHDRAWN,
        actor=actor,
        from_status=posting.status,
        claim=claim,
    )
    return claim


def remind_deadlines(today: date, *, days: int = 3) -> int:
    """Tell posters and open claimants that a posting closes for claims in ``days`` days.

    Idempotent: the notification key carries the deadline, so a repeated run sends nothing.
    """
    deadline = date.fromordinal(today.toordinal() + days)
    sent = 0
    for model in (Challenge, Project):
        postings = model.objects.filter(
            status__in=CLAIMABLE_STATUSES, deadline=deadline
        ).select_related("owner")
        for posting in postings:
            recipients = [posting.owner] + [
                claim.claimant
                for claim in posting.claims.filter(status=Claim.Status.SUBMITTED).select_related(
                    "claimant"
                )
            ]
            for user in recipients:
                notify(
                    user,
                    key=f"projects.deadline.{posting.kind}.{posting.pk}.{deadline.isoformat()}",
                    template="projects_deadline_soon",
                    context={"title": posting.title, "deadline": deadline.isoformat()},
                    url=posting.get_absolute_url(),
                )
                sent += 1
    return sent
