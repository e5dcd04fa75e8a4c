"""Transitions of postings: create, edit, submit, publish, send back, withdraw, start, solve,
close. Each records the posting's timeline and the audit trail and raises ``BoardError`` with a
translated message when the current status does not allow it."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from mentors.models import IndustryChain, Mentee, Mentor, Organization
from mentors.services import save_organization
from projects.models import CLAIMABLE_STATUSES, PostingEvent, Status
from projects.queries.postings import organization_named, send_back_count
from projects.rules import ACTIVE_STATUSES, NOT_A_MEMBER, can_post_for_organization
from projects.tasks import task_recompute_posting
from talentbridge.models import User
from talentbridge.services import field_changes, log_action, notify, snapshot

from .attachments import add_attachments
from .common import (
    BoardError,
    Poster,
    Posting,
    locked_posting,
    not_now,
    posting_action,
    record_event,
)

# Bookkeeping columns that an edit does not change and the audit trail leaves out.
UNAUDITED = {"id", "owner", "status", "search_text", "created_at", "updated_at"}
UNAUDITED |= {"submitted_at", "published_at"}


def audited_fields(posting: Posting) -> list[str]:
    """The columns of a posting whose edits the audit trail records."""
    return [
        field.name
        for field in posting._meta.concrete_fields
        if field.editable and field.name not in UNAUDITED
    ]


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


def _poster_organization(name: str, actor: User) -> Organization:
    """The organisation named by the poster: an existing one only for its members, otherwise
    a new one with the poster as its member."""
    organization = organization_named(name)
    if organization is None:
        organization = save_organization(
            Organization(name=name.strip(), kind=Organization.Kind.ENTERPRISE), actor=actor
        )
        organization.members.add(actor)
    elif not can_post_for_organization(actor, organization):
        raise BoardError(NOT_A_MEMBER % {"name": organization.name})
    return organization


def _poster_fields(posting: Posting, poster: Poster | str, actor: User) -> dict:
    if isinstance(poster, str):
        poster = _poster_organization(poster, actor)
    elif (
        isinstance(poster, Organization)
        and poster.pk != posting.poster_organization_id
        and not can_post_for_organization(actor, poster)
    ):
        raise BoardError(NOT_A_MEMBER % {"name": poster.name})
    return {
        "poster_mentor": poster if isinstance(poster, Mentor) else None,
        "poster_mentee": poster if isinstance(poster, Mentee) else None,
        "poster_organization": poster if isinstance(poster, Organization) else None,
    }


def _field_names(posting: Posting) -> list[str]:
    return sorted(field.slug for field in posting.fields.all())


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
    names = audited_fields(posting)
    if created:
        posting.owner = actor
        before, tags_before = {}, []
    else:
        stored = type(posting).objects.get(pk=posting.pk)
        before, tags_before = snapshot(stored, names), _field_names(stored)
    for name, value in _poster_fields(posting, poster, actor).items():
        setattr(posting, name, value)
    posting.save()
    posting.fields.set(fields)
    posting.search_text = build_search_text(posting)
    posting.save(update_fields=["search_text"])
    changes = field_changes(before, posting, names)
    if (tags := _field_names(posting)) != tags_before:
        changes["fields"] = [tags_before, tags]
    verb = "create" if created else "edit"
    log_action(posting, posting_action(posting, verb), actor=actor, changes=changes)
    add_attachments(files, actor=actor, posting=posting)
    action = PostingEvent.Action.CREATED if created else PostingEvent.Action.EDITED
    record_event(posting, action, actor=actor, from_status="" if created else posting.status)
    if posting.status in CLAIMABLE_STATUSES:
        task_recompute_posting.delay(kind=posting.kind, posting_id=posting.pk)
    return posting


def move_posting(
    posting: Posting,
    allowed: Iterable[str],
    to: str,
    action: str,
    verb: str,
    *,
    actor: User,
    comment: str = "",
    details: dict | None = None,
    **changes,
) -> Posting:
    """Move a locked posting from one of ``allowed`` statuses to ``to`` and record it.

    ``details`` are further values for the audit entry (a landing's place and amounts).
    """
    posting = locked_posting(posting)
    if posting.status not in allowed:
        raise not_now(posting)
    from_status = posting.status
    posting.status = to
    for name, value in changes.items():
        setattr(posting, name, value)
    posting.save(update_fields=["status", "updated_at", *changes])
    record_event(posting, action, actor=actor, from_status=from_status, comment=comment)
    audit = {"status": [from_status, to], **(details or {})}
    if comment:
        audit["comment"] = comment
    log_action(posting, posting_action(posting, verb), actor=actor, changes=audit)
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
    return move_posting(
        posting,
        [Status.DRAFT],
        Status.SUBMITTED,
        PostingEvent.Action.SUBMITTED,
        "submit",
        actor=actor,
        submitted_at=timezone.now(),
    )


@transaction.atomic
def publish_posting(posting: Posting, *, actor: User) -> Posting:
    """Put a reviewed posting on its board, tell its poster, and compute its suggestions."""
    posting = move_posting(
        posting,
        [Status.SUBMITTED],
        Status.PUBLISHED,
        PostingEvent.Action.PUBLISHED,
        "publish",
        actor=actor,
        published_at=timezone.now(),
    )
    _notify_owner(posting, "posting_published")
    task_recompute_posting.delay(kind=posting.kind, posting_id=posting.pk)
    return posting


@transaction.atomic
def send_back_posting(posting: Posting, *, actor: User, comment: str) -> Posting:
    """Return a submitted posting to its poster as a draft, saying what to change."""
    posting = move_posting(
        posting,
        [Status.SUBMITTED],
        Status.DRAFT,
        PostingEvent.Action.SENT_BACK,
        "send_back",
        actor=actor,
        comment=comment,
    )
    # Each send-back is its own notification, so a second review round is not swallowed.
    rounds = send_back_count(posting)
    _notify_owner(posting, "posting_sent_back", comment=comment, round=rounds)
    return posting


@transaction.atomic
def withdraw_posting(posting: Posting, *, actor: User, comment: str = "") -> Posting:
    """Take a posting off the boards for good, from any status before it is closed."""
    allowed = [status for status in Status if status not in (Status.CLOSED, Status.WITHDRAWN)]
    return move_posting(
        posting,
        allowed,
        Status.WITHDRAWN,
        PostingEvent.Action.WITHDRAWN,
        "withdraw",
        actor=actor,
        comment=comment,
    )


@transaction.atomic
def start_posting(posting: Posting, *, actor: User) -> Posting:
    """Mark that work with the accepted claimants has started."""
    return move_posting(
        posting,
        [Status.CLAIMED],
        Status.IN_PROGRESS,
        PostingEvent.Action.STARTED,
        "start",
        actor=actor,
    )


@transaction.atomic
def solve_posting(posting: Posting, *, actor: User, comment: str = "") -> Posting:
    """Mark the problem solved or the project delivered."""
    return move_posting(
        posting,
        [Status.CLAIMED, Status.IN_PROGRESS],
        Status.SOLVED,
        PostingEvent.Action.SOLVED,
        "solve",
        actor=actor,
        comment=comment,
    )


@transaction.atomic
def close_posting(posting: Posting, *, actor: User, comment: str = "") -> Posting:
    """Close a posting: it stays on record but takes no more claims or changes."""
    return move_posting(
        posting,
        [Status.PUBLISHED, *ACTIVE_STATUSES],
        Status.CLOSED,
        PostingEvent.Action.CLOSED,
        "close",
        actor=actor,
        comment=comment,
    )
