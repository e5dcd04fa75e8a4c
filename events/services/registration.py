"""Registration: categories and questions, registering with capacity and waitlist,
approval, cancellation and promotion from the waitlist.

Every capacity is taken inside one transaction that first locks the category row, so two
registrations for the last seat are serialised and the count of confirmed rows is exact.
"""

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbridge.models import User
from talentbridge.services import field_changes, log_action, notify, snapshot

from ..models import Answer, AttendeeCategory, Event, Question, Registration
from . import EventError

Status = Event.Status
RegStatus = Registration.Status
Access = AttendeeCategory.Access
CATEGORY_FIELDS = ("name", "kind", "capacity", "access", "order")
QUESTION_FIELDS = ("label", "kind", "options", "required", "category")


# --- Categories and questions ----------------------------------------------------------------


def _save_category(category: AttendeeCategory) -> None:
    # A savepoint, so that a taken name leaves the caller's transaction usable.
    try:
        with transaction.atomic():
            category.save()
    except IntegrityError as exc:
        raise EventError(
            _("This event already has a category named “%(name)s”.") % {"name": category.name}
        ) from exc


@transaction.atomic
def add_category(event: Event, *, actor: User, **fields) -> AttendeeCategory:
    """Add an attendee category; a name the event already uses is refused."""
    category = AttendeeCategory(event=event, **fields)
    _save_category(category)
    log_action(
        event,
        "events.category.add",
        actor=actor,
        changes={name: str(getattr(category, name)) for name in CATEGORY_FIELDS},
    )
    return category


@transaction.atomic
def edit_category(category: AttendeeCategory, *, actor: User, **fields) -> AttendeeCategory:
    """Change a category's name, seats, access or order; record what changed."""
    category = AttendeeCategory.objects.select_for_update().get(pk=category.pk)
    before = snapshot(category, CATEGORY_FIELDS)
    for name, value in fields.items():
        setattr(category, name, value)
    changes = field_changes(before, category, CATEGORY_FIELDS)
    if changes:
        _save_category(category)
        log_action(
            category.event,
            "events.category.edit",
            actor=actor,
            changes={"category": before["name"], **changes},
        )
    return category


@transaction.atomic
def add_question(event: Event, *, actor: User, **fields) -> Question:
    """Add a question every registrant (or those of one category) answers."""
    question = Question.objects.create(event=event, **fields)
    log_action(
        event,
        "events.question.add",
        actor=actor,
        changes={name: str(getattr(question, name) or "") for name in QUESTION_FIELDS},
    )
    return question


# --- Registering -----------------------------------------------------------------------------


def _seats_taken(category: AttendeeCategory) -> int:
    return category.registrations.filter(status__in=Registration.SEATED).count()


def _lock_category(category: AttendeeCategory) -> AttendeeCategory:
    # The category row is the lock every seat-changing transaction queues on.
    return AttendeeCategory.objects.select_for_update().get(pk=category.pk)


def send_ticket(registration: Registration) -> None:
    """E-mail the check-in code (QR code and calendar file attached), once per registration."""
    notify(
        registration.user,
        key=f"event-ticket-{registration.pk}",
        template="event_ticket",
        context={"name": registration.user.name},
        url=f"/events/tickets/{registration.code}/",
        source=("events.ticket", registration.pk),
    )


def _notify_status(registration: Registration, template: str) -> None:
    event = registration.event
    notify(
        registration.user,
        key=f"event-{template}-{registration.pk}",
        template=f"event_{template}",
        context={"event": event.title, "category": registration.category.name},
        url=f"/events/{event.pk}/",
    )


def _log(registration: Registration, verb: str, actor: User | None, old: str = "") -> None:
    log_action(
        registration,
        f"events.registration.{verb}",
        actor=actor,
        changes={"status": [old, registration.status] if old else registration.status},
    )


@transaction.atomic
def register_for_event(
    event: Event,
    *,
    user: User,
    category: AttendeeCategory,
    answers: Mapping[int, str] | None = None,
    consent_share_contacts: bool = False,
    organization_name: str = "",
    job_title: str = "",
) -> Registration:
    """Register ``user``: confirmed while the category has seats, else waitlisted; awaiting
    approval in an approval category. Never exceeds the capacity; an invitation-only
    category is refused (the organizers register its people)."""
    if category.event_id != event.pk:
        raise EventError(_("This category does not belong to this event."))
    if category.access == Access.INVITATION:
        raise EventError(
            _("“%(category)s” is by invitation only: the organizers register its attendees.")
            % {"category": category.name}
        )
    # Checked before taking the lock, which then covers only what the capacity depends on;
    # a second registration racing past this check is stopped by the unique constraint.
    if Registration.objects.filter(event=event, user=user, status__in=Registration.ACTIVE).exists():
        raise EventError(_("You are already registered for this event."))
    category = _lock_category(category)
    # Read again once the lock is held: registration may have closed while this request waited.
    if Event.objects.values_list("status", flat=True).get(pk=event.pk) != Status.REGISTRATION_OPEN:
        raise EventError(_("Registration for this event is not open."))
    now = timezone.now()
    registration = Registration(
        event=event,
        category=category,
        user=user,
        consent_share_contacts=consent_share_contacts,
        organization_name=organization_name,
        job_title=job_title,
        created_at=now,
    )
    if category.access == Access.APPROVAL:
        registration.status = RegStatus.PENDING
    elif _seats_taken(category) < category.capacity:
        registration.status = RegStatus.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = RegStatus.WAITLISTED
        registration.waitlisted_at = now
    try:
        # No savepoint of its own: the error leaves this function's atomic block, which rolls
        # back, and a savepoint would cost two more round trips while the category is locked.
        registration.save()
    except IntegrityError as exc:
        # Two registrations of one person raced past the check above.
        raise EventError(_("You are already registered for this event.")) from exc
    _save_answers(registration, answers or {})
    _log(registration, "register", user)
    if registration.status == RegStatus.CONFIRMED:
        send_ticket(registration)
    else:
        _notify_status(registration, registration.status)
    return registration


def _save_answers(registration: Registration, answers: Mapping[int, str]) -> None:
    questions = Question.objects.filter(event=registration.event, pk__in=list(answers))
    Answer.objects.bulk_create(
        Answer(registration=registration, question=question, value=answers[question.pk])
        for question in questions
    )


def _promote_waitlisted(category: AttendeeCategory, *, actor: User) -> list[Registration]:
    """Fill free seats from the waitlist, first come first served. Caller holds the lock."""
    free = category.capacity - _seats_taken(category)
    if free <= 0:
        return []
    waiting = list(
        category.registrations.select_related("user", "event", "category")
        .filter(status=RegStatus.WAITLISTED)
        .order_by("waitlisted_at", "id")[:free]
    )
    now = timezone.now()
    for registration in waiting:
        registration.status = RegStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        _log(registration, "promote", actor, old=RegStatus.WAITLISTED)
        _notify_status(registration, "promoted")
        send_ticket(registration)
    return waiting


@transaction.atomic
def cancel_registration(registration: Registration, *, actor: User) -> list[Registration]:
    """Cancel a registration and give its seat to the first waiting person; return whom."""
    category = _lock_category(registration.category)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegStatus.CANCELLED:
        raise EventError(_("This registration is already cancelled."))
    if registration.status == RegStatus.CHECKED_IN:
        raise EventError(_("A registration that has checked in cannot be cancelled."))
    old = registration.status
    registration.status = RegStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    _log(registration, "cancel", actor, old=old)
    if registration.event.status not in (Status.REGISTRATION_OPEN, Status.CLOSED):
        return []
    return _promote_waitlisted(category, actor=actor)


@transaction.atomic
def approve_registration(registration: Registration, *, actor: User) -> Registration:
    """Approve a pending registration: a seat if one is free, else the waitlist."""
    category = _lock_category(registration.category)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegStatus.PENDING:
        raise EventError(_("Only a registration awaiting approval can be approved."))
    now = timezone.now()
    if _seats_taken(category) < category.capacity:
        registration.status = RegStatus.CONFIRMED
        registration.confirmed_at = now
        send_ticket(registration)
    else:
        registration.status = RegStatus.WAITLISTED
        registration.waitlisted_at = now
        _notify_status(registration, "waitlisted")
    registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
    _log(registration, "approve", actor, old=RegStatus.PENDING)
    return registration


@transaction.atomic
def decline_registration(registration: Registration, *, actor: User) -> Registration:
    """Decline a pending registration and tell the person."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegStatus.PENDING:
        raise EventError(_("Only a registration awaiting approval can be declined."))
    registration.status = RegStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    _log(registration, "decline", actor, old=RegStatus.PENDING)
    _notify_status(registration, "declined")
    return registration


# --- Invitation-only categories --------------------------------------------------------------


@transaction.atomic
def assign_category(
    event: Event, *, user: User, category: AttendeeCategory, actor: User
) -> Registration:
    """Place ``user`` in an invitation-only category (领导嘉宾, 工作人员, 媒体): the team's
    decision, never the attendee's. A person already registered moves there (keeping a
    check-in); anyone else gets a confirmed seat and a ticket. A full category is refused."""
    if category.event_id != event.pk:
        raise EventError(_("This category does not belong to this event."))
    if category.access != Access.INVITATION:
        raise EventError(
            _("“%(category)s” is open to registration: people choose it themselves.")
            % {"category": category.name}
        )
    existing = Registration.objects.filter(event=event, user=user, status__in=Registration.ACTIVE)
    current = existing.select_related("category").first()
    if current is not None and current.category_id == category.pk:
        raise EventError(
            _("%(name)s is already in “%(category)s”.")
            % {"name": user.name or user.email, "category": category.name}
        )
    # Both categories' rows are locked in id order, so two moves never wait on each other.
    locked = {
        c.pk: c
        for c in AttendeeCategory.objects.select_for_update()
        .filter(pk__in={category.pk, current.category_id if current else category.pk})
        .order_by("pk")
    }
    category = locked[category.pk]
    if _seats_taken(category) >= category.capacity:
        raise EventError(
            _("All %(count)s seats of “%(category)s” are taken: add seats first.")
            % {"count": category.capacity, "category": category.name}
        )
    now = timezone.now()
    if current is None:
        registration = Registration.objects.create(
            event=event,
            category=category,
            user=user,
            status=RegStatus.CONFIRMED,
            created_at=now,
            confirmed_at=now,
        )
        old_category, freed = "", None
    else:
        registration = Registration.objects.select_for_update().get(pk=current.pk)
        old_category, freed = current.category.name, locked[current.category_id]
        registration.category = category
        if registration.status != RegStatus.CHECKED_IN:
            registration.status = RegStatus.CONFIRMED
            registration.confirmed_at = registration.confirmed_at or now
            registration.waitlisted_at = None
        registration.save(update_fields=["category", "status", "confirmed_at", "waitlisted_at"])
    log_action(
        registration,
        "events.registration.assign",
        actor=actor,
        changes={"category": [old_category, category.name], "status": registration.status},
    )
    if current is None or current.status not in Registration.SEATED:
        send_ticket(registration)
    if freed is not None and event.status in (Status.REGISTRATION_OPEN, Status.CLOSED):
        _promote_waitlisted(freed, actor=actor)
    return registration
