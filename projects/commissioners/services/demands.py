"""Needs distilled into demands: the commissioner drafts a demand from a service record; the
firm reviews it and submits it to the demand board in one step, or declines it. Once
submitted, the demand follows the board's own review, matching and 揭榜挂帅."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain
from projects.commissioners.models import DemandDraft, ServiceRecord
from projects.commissioners.rules import represents
from projects.models import Challenge
from projects.services.common import BoardError
from projects.services.postings import save_posting, submit_posting
from talentbridge.models import User
from talentbridge.services import field_changes, log_action, notify, snapshot

from . import CommissionerError

DRAFT_FIELDS = ("title", "summary", "details", "problem_kind", "required_expertise")
ALREADY_DECIDED = _("The firm has already decided on this draft.")


def _field_slugs(draft: DemandDraft) -> list[str]:
    return sorted(field.slug for field in draft.fields.all())


@transaction.atomic
def draft_demand(
    record: ServiceRecord,
    *,
    actor: User,
    fields: Iterable[IndustryChain] = (),
    **values,
) -> DemandDraft:
    """Write (or rewrite) the demand the commissioner distilled from ``record``; the firm's
    representatives are asked to review it."""
    if unknown := set(values) - set(DRAFT_FIELDS):
        raise TypeError(f"not a draft field: {sorted(unknown)}")
    record = ServiceRecord.objects.select_for_update().get(pk=record.pk)
    if actor.pk != record.commissioner_id:
        raise CommissionerError(_("Only the commissioner who wrote the record drafts its demand."))
    draft = DemandDraft.objects.filter(record=record).first()
    created = draft is None
    if created:
        draft = DemandDraft(record=record, drafted_by=actor)
        before, tags_before = {}, []
    elif draft.status != DemandDraft.Status.DRAFT:
        raise CommissionerError(ALREADY_DECIDED)
    else:
        before, tags_before = snapshot(draft, DRAFT_FIELDS), _field_slugs(draft)
    for name, value in values.items():
        setattr(draft, name, value)
    if len(draft.title.strip()) < 4 or not draft.summary.strip():
        raise CommissionerError(_("A demand needs a title of at least 4 characters and a summary."))
    draft.save()
    draft.fields.set(fields)
    changes = field_changes(before, draft, DRAFT_FIELDS)
    if (tags := _field_slugs(draft)) != tags_before:
        changes["fields"] = [tags_before, tags]
    verb = "create" if created else "edit"
    log_action(draft, f"projects.demanddraft.{verb}", actor=actor, changes=changes)
    if created:
        for member in record.organization.members.filter(is_active=True):
            notify(
                member,
                key=f"projects.demanddraft.{draft.pk}.ready",
                template="commissioners_draft_ready",
                context={"commissioner": actor.name, "title": draft.title},
                url=draft.get_absolute_url(),
            )
    return draft


def _locked_draft(draft: DemandDraft, actor: User) -> DemandDraft:
    draft = DemandDraft.objects.select_for_update().select_related("record").get(pk=draft.pk)
    if not represents(actor, draft.record.organization_id):
        raise CommissionerError(_("Only the firm's representatives decide on its demand drafts."))
    if draft.status != DemandDraft.Status.DRAFT:
        raise CommissionerError(ALREADY_DECIDED)
    return draft


def _tell_commissioner(draft: DemandDraft, event: str, **context) -> None:
    notify(
        draft.record.commissioner,
        key=f"projects.demanddraft.{draft.pk}.{event}",
        template=f"commissioners_draft_{event}",
        context={"firm": draft.record.organization.name, "title": draft.title, **context},
        url=draft.get_absolute_url(),
    )


@transaction.atomic
def submit_demand_draft(
    draft: DemandDraft,
    challenge: Challenge,
    *,
    actor: User,
    fields: Iterable[IndustryChain] = (),
    files: Iterable[UploadedFile] = (),
) -> Challenge:
    """Post the reviewed draft as the firm's demand and send it for review, in one step.

    ``challenge`` is a new demand carrying what the firm kept or changed of the draft; it is
    posted in the firm's name by ``actor``, who manages it from then on.
    """
    draft = _locked_draft(draft, actor)
    if challenge.pk is not None:
        raise CommissionerError(ALREADY_DECIDED)
    try:
        challenge = save_posting(
            challenge,
            actor=actor,
            poster=draft.record.organization,
            fields=fields,
            files=files,
        )
        challenge = submit_posting(challenge, actor=actor)
    except BoardError as error:
        raise CommissionerError(error.message) from error
    draft.status = DemandDraft.Status.SUBMITTED
    draft.challenge = challenge
    draft.decided_by, draft.decided_at = actor, timezone.now()
    draft.save(update_fields=["status", "challenge", "decided_by", "decided_at", "updated_at"])
    log_action(
        draft,
        "projects.demanddraft.submit",
        actor=actor,
        changes={"status": [DemandDraft.Status.DRAFT, draft.status], "demand": challenge.pk},
    )
    _tell_commissioner(draft, "submitted")
    return challenge


@transaction.atomic
def decline_demand_draft(draft: DemandDraft, *, actor: User, reason: str) -> DemandDraft:
    """The firm says the draft is not a need it wants to post, and why."""
    draft = _locked_draft(draft, actor)
    if not reason.strip():
        raise CommissionerError(_("Say why the firm does not post this demand."))
    draft.status = DemandDraft.Status.DECLINED
    draft.decline_reason = reason.strip()
    draft.decided_by, draft.decided_at = actor, timezone.now()
    draft.save(update_fields=["status", "decline_reason", "decided_by", "decided_at", "updated_at"])
    log_action(
        draft,
        "projects.demanddraft.decline",
        actor=actor,
        changes={
            "status": [DemandDraft.Status.DRAFT, draft.status],
            "reason": draft.decline_reason,
        },
    )
    _tell_commissioner(draft, "declined", reason=draft.decline_reason)
    return draft
