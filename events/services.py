"""State transitions of events: status, registration with capacity and waitlist, approval,
cancellation, check-in, the ceremony's running order and its live steps.

Every capacity is taken inside one transaction that first locks the category row, so two
registrations for the last seat are serialised and the count of confirmed rows is exact.
"""

from collections.abc import Mapping

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mentors.models import Pairing
from mentors.services import celebrate_pairing, uncelebrate_pairing
from projects.models import Challenge, Project
from talentbridge.models import User
from talentbridge.services import notify

from .ceremony import CeremonyState, replay
from .models import (
    CODE_ALPHABET,
    Answer,
    AttendeeCategory,
    Ceremony,
    CeremonyPair,
    CeremonyStep,
    Event,
    EventPosting,
    Question,
    Registration,
    Session,
)
from .queries import SCREEN_CACHE_SECONDS, screen_cache_key, screen_tag, screen_version

Status = Event.Status
RegStatus = Registration.Status
Action = CeremonyStep.Action

# Allowed status changes: forward along the lifecycle, plus reopening a closed registration.
EVENT_TRANSITIONS = {
    Status.DRAFT: {Status.PUBLISHED},
    Status.PUBLISHED: {Status.REGISTRATION_OPEN, Status.DRAFT},
    Status.REGISTRATION_OPEN: {Status.CLOSED},
    Status.CLOSED: {Status.REGISTRATION_OPEN, Status.HELD},
    Status.HELD: {Status.ARCHIVED},
    Status.ARCHIVED: set(),
}


class EventError(Exception):
    """A request the event's rules refuse; the message is translated and shown to the user."""


class AlreadyCheckedIn(EventError):
    """The code was already used; carries the registration so the desk can show when."""

    def __init__(self, registration: Registration):
        self.registration = registration
        when = date_format(timezone.localtime(registration.checked_in_at), "DATETIME_FORMAT")
        super().__init__(
            _("%(name)s was already checked in at %(time)s.")
            % {"name": registration.user.name, "time": when}
        )


# --- Events ----------------------------------------------------------------------------------


@transaction.atomic
def create_event(*, actor: User, **fields) -> Event:
    """Create a draft event whose organizer team starts with its creator."""
    co_hosts = fields.pop("co_hosts", ())
    event = Event.objects.create(status=Status.DRAFT, **fields)
    event.co_hosts.set(co_hosts)
    event.organizers.add(actor)
    return event


@transaction.atomic
def set_event_status(event: Event, status: str, *, actor: User) -> Event:
    """Move the event one step along its lifecycle, or refuse with a reason."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if status not in EVENT_TRANSITIONS[event.status]:
        raise EventError(
            _("An event that is “%(current)s” cannot become “%(new)s”.")
            % {"current": event.get_status_display(), "new": Status(status).label}
        )
    event.status = status
    event.save(update_fields=["status", "updated_at"])
    _refresh_screens_on_commit(event.pk)
    return event


# --- Registration ----------------------------------------------------------------------------


def _seats_taken(category: AttendeeCategory) -> int:
    return category.registrations.filter(status__in=Registration.SEATED).count()


def _lock_category(category: AttendeeCategory) -> AttendeeCategory:
    # The category row is the lock every seat-changing transaction queues on.
    return AttendeeCategory.objects.select_for_update().get(pk=category.pk)


def _send_ticket(registration: Registration) -> None:
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
    """Register ``user``: confirmed while the category has seats, else waitlisted
    (or awaiting approval when the category requires it). Never exceeds the capacity."""
    if category.event_id != event.pk:
        raise EventError(_("This category does not belong to this event."))
    # Checked before taking the lock, which then covers only what the capacity depends on;
    # a second registration racing past this check is stopped by the unique constraint.
    if Registration.objects.filter(event=event, user=user, status__in=Registration.ACTIVE).exists():
        raise EventError(_("You are already registered for this event."))
    category = _lock_category(category)
    event = Event.objects.get(pk=event.pk)
    if event.status != Status.REGISTRATION_OPEN:
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
    if category.requires_approval:
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
    if registration.status == RegStatus.CONFIRMED:
        _send_ticket(registration)
    else:
        _notify_status(registration, registration.status)
    return registration


def _save_answers(registration: Registration, answers: Mapping[int, str]) -> None:
    questions = Question.objects.filter(event=registration.event, pk__in=list(answers))
    Answer.objects.bulk_create(
        Answer(registration=registration, question=question, value=answers[question.pk])
        for question in questions
    )


def _promote_waitlisted(category: AttendeeCategory) -> list[Registration]:
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
        _notify_status(registration, "promoted")
        _send_ticket(registration)
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
    registration.status = RegStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if registration.event.status not in (Status.REGISTRATION_OPEN, Status.CLOSED):
        return []
    return _promote_waitlisted(category)


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
        _send_ticket(registration)
    else:
        registration.status = RegStatus.WAITLISTED
        registration.waitlisted_at = now
        _notify_status(registration, "waitlisted")
    registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
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
    _notify_status(registration, "declined")
    return registration


def normalise_code(raw: str) -> str:
    """The code as stored: upper case, without the spaces and dashes people type."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


@transaction.atomic
def check_in(event: Event, code: str, *, actor: User) -> Registration:
    """Check in the holder of ``code`` at ``event``, once; refuse anything else with a reason."""
    code = normalise_code(code)
    if not code or any(ch not in CODE_ALPHABET for ch in code):
        raise EventError(_("This is not a valid check-in code."))
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("user", "category", "event")
        .filter(code=code)
        .first()
    )
    if registration is None:
        raise EventError(_("Unknown code: no registration has this code."))
    if registration.event_id != event.pk:
        raise EventError(
            _("This code is for another event: %(event)s.") % {"event": registration.event.title}
        )
    if registration.status == RegStatus.CHECKED_IN:
        raise AlreadyCheckedIn(registration)
    if registration.status != RegStatus.CONFIRMED:
        raise EventError(
            _("%(name)s cannot be checked in: the registration is “%(status)s”.")
            % {"name": registration.user.name, "status": registration.get_status_display()}
        )
    registration.status = RegStatus.CHECKED_IN
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = actor
    registration.save(update_fields=["status", "checked_in_at", "checked_in_by"])
    return registration


# --- Ceremony: running order -----------------------------------------------------------------


def _lock_ceremony(ceremony: Ceremony) -> Ceremony:
    return Ceremony.objects.select_for_update().get(pk=ceremony.pk)


def _bump(ceremony: Ceremony) -> None:
    # Screens compare this version in their ETag, so every reorder reaches them.
    Ceremony.objects.filter(pk=ceremony.pk).update(version=ceremony.version + 1)
    ceremony.version += 1
    _refresh_screens_on_commit(ceremony.event_id)


def _refresh_screens_on_commit(event_id: int) -> None:
    """After commit, store the screens' new version tag (or forget it for a private event)."""

    def refresh():
        ceremony = screen_version(event_id)
        key = screen_cache_key(event_id)
        if ceremony is not None and ceremony.event.is_public:
            cache.set(key, screen_tag(ceremony), SCREEN_CACHE_SECONDS)
        else:
            cache.delete(key)

    transaction.on_commit(refresh)


@transaction.atomic
def create_ceremony(event: Event, *, actor: User, title: str, group_count: int = 5) -> Ceremony:
    """Give the event its pairing ceremony (one per event)."""
    if Ceremony.objects.filter(event=event).exists():
        raise EventError(_("This event already has a pairing ceremony."))
    ceremony = Ceremony.objects.create(event=event, title=title, group_count=group_count)
    _refresh_screens_on_commit(event.pk)
    return ceremony


def _next_position(ceremony: Ceremony, group: int) -> int:
    last = ceremony.pairs.filter(group=group).aggregate(last=Max("position"))["last"]
    return 1 if last is None else last + 1


@transaction.atomic
def add_ceremony_pair(
    ceremony: Ceremony, pairing: Pairing, *, actor: User, group: int, project_title: str = ""
) -> CeremonyPair:
    """Put an accepted pairing at the end of a group of the running order."""
    ceremony = _lock_ceremony(ceremony)
    if pairing.status != Pairing.Status.ACCEPTED:
        raise EventError(_("Only accepted pairings can go on stage."))
    if not 1 <= group <= ceremony.group_count:
        raise EventError(_("There is no such group."))
    if ceremony.pairs.filter(pairing=pairing).exists():
        raise EventError(_("This pairing is already in the running order."))
    pair = CeremonyPair.objects.create(
        ceremony=ceremony,
        pairing=pairing,
        group=group,
        position=_next_position(ceremony, group),
        project_title=project_title,
    )
    _bump(ceremony)
    return pair


@transaction.atomic
def fill_running_order(
    ceremony: Ceremony, pairings: list[Pairing], *, actor: User, titles: Mapping[int, str]
) -> int:
    """Spread the accepted pairings not yet on the running order evenly over the groups;
    return how many were added."""
    ceremony = _lock_ceremony(ceremony)
    present = set(ceremony.pairs.values_list("pairing_id", flat=True))
    fresh = [p for p in pairings if p.pk not in present and p.status == Pairing.Status.ACCEPTED]
    positions = {g: _next_position(ceremony, g) for g in range(1, ceremony.group_count + 1)}
    counts = {g: ceremony.pairs.filter(group=g).count() for g in positions}
    new = []
    for pairing in fresh:
        group = min(counts, key=lambda g: (counts[g], g))
        new.append(
            CeremonyPair(
                ceremony=ceremony,
                pairing=pairing,
                group=group,
                position=positions[group],
                project_title=titles.get(pairing.pk, ""),
            )
        )
        positions[group] += 1
        counts[group] += 1
    CeremonyPair.objects.bulk_create(new)
    if new:
        _bump(ceremony)
    return len(new)


@transaction.atomic
def remove_ceremony_pair(pair: CeremonyPair, *, actor: User) -> None:
    """Take a pair off the running order (its pairing is untouched)."""
    ceremony = _lock_ceremony(pair.ceremony)
    CeremonyPair.objects.filter(pk=pair.pk).delete()
    _bump(ceremony)


@transaction.atomic
def move_ceremony_pair(pair: CeremonyPair, *, actor: User, direction: str) -> CeremonyPair:
    """Move a pair one place up or down in its group, or to the previous or next group's end."""
    ceremony = _lock_ceremony(pair.ceremony)
    pair = CeremonyPair.objects.get(pk=pair.pk)
    siblings = list(ceremony.pairs.filter(group=pair.group).order_by("position", "id"))
    index = next(i for i, p in enumerate(siblings) if p.pk == pair.pk)
    if direction in ("up", "down"):
        other_index = index - 1 if direction == "up" else index + 1
        if not 0 <= other_index < len(siblings):
            raise EventError(_("The pair cannot move further in this direction."))
        siblings[index], siblings[other_index] = siblings[other_index], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            sibling.position = position
        CeremonyPair.objects.bulk_update(siblings, ["position"])
    elif direction in ("previous_group", "next_group"):
        group = pair.group - 1 if direction == "previous_group" else pair.group + 1
        if not 1 <= group <= ceremony.group_count:
            raise EventError(_("The pair cannot move further in this direction."))
        pair.position = _next_position(ceremony, group)
        pair.group = group
        pair.save(update_fields=["group", "position"])
    else:
        raise EventError(_("Unknown move."))
    _bump(ceremony)
    return pair


# --- Ceremony: live steps --------------------------------------------------------------------


def ceremony_state(ceremony: Ceremony) -> CeremonyState:
    """The ceremony's current state, replayed from its running order and step log."""
    pairs = list(
        ceremony.pairs.select_related(
            "pairing__mentor__affiliation", "pairing__mentee__organization"
        ).prefetch_related("pairing__mentor__honours")
    )
    return replay(pairs, list(ceremony.steps.all()))


def _celebrate(pairing: Pairing, *, actor: User) -> None:
    # A pairing dissolved (or celebrated elsewhere) since the running order was built keeps
    # its status; the ribbon step is recorded all the same, since it did happen on stage.
    if Pairing.objects.filter(pk=pairing.pk, status=Pairing.Status.ACCEPTED).exists():
        celebrate_pairing(pairing, actor=actor)


@transaction.atomic
def advance_ceremony(ceremony: Ceremony, action: str, *, actor: User) -> CeremonyState:
    """Record one console step if it makes sense now; return the new state.

    A ribbon marks the pair on stage done and its pairing "celebrated"; undo cancels the last
    effective step (and a cancelled ribbon returns the pairing to "accepted").
    """
    ceremony = _lock_ceremony(ceremony)
    state = ceremony_state(ceremony)
    if action not in state.allowed():
        raise EventError(_("This step is not possible now; the screen shows the current state."))
    now = timezone.now()
    pair = None
    if action == Action.START:
        pair = state.pairs[0]
    elif action == Action.NEXT_PAIR:
        pair = state.next_in_group()
    elif action == Action.NEXT_GROUP:
        pair = state.first_of_next_group()
    elif action == Action.RIBBON:
        pair = state.current
        _celebrate(pair.pairing, actor=actor)
    elif action == Action.UNDO:
        undone = state.effective_steps[-1]
        ribboned = next((p for p in state.pairs if p.pk == undone.pair_id), None)
        if undone.action == Action.RIBBON and ribboned is not None:
            uncelebrate_pairing(ribboned.pairing, actor=actor)
    CeremonyStep.objects.create(
        ceremony=ceremony, action=action, pair=pair, actor=actor, created_at=now
    )
    _refresh_screens_on_commit(ceremony.event_id)
    return ceremony_state(ceremony)


# --- The call: postings linked to the event --------------------------------------------------


@transaction.atomic
def link_posting(
    event: Event, posting: Project | Challenge, *, actor: User, posted_on_site: bool = False
) -> EventPosting:
    """Collect a public posting into the event's call (linking it twice changes nothing)."""
    if not posting.is_public:
        raise EventError(_("Only published postings can be linked to an event."))
    field = "challenge" if isinstance(posting, Challenge) else "project"
    link, _created = EventPosting.objects.get_or_create(
        event=event, **{field: posting}, defaults={"posted_on_site": posted_on_site}
    )
    return link


@transaction.atomic
def schedule_event_posting(
    link: EventPosting,
    *,
    actor: User,
    posted_on_site: bool,
    session: Session | None,
    slot_order: int | None,
) -> EventPosting:
    """Set whether a posting is posted on site and its roadshow slot and running order."""
    if session is not None and session.event_id != link.event_id:
        raise EventError(_("This session belongs to another event."))
    link.posted_on_site = posted_on_site
    link.session = session
    link.slot_order = slot_order if session is not None else None
    link.save(update_fields=["posted_on_site", "session", "slot_order"])
    return link


@transaction.atomic
def unlink_posting(link: EventPosting, *, actor: User) -> None:
    """Take a posting out of the event's call (the posting itself is untouched)."""
    EventPosting.objects.filter(pk=link.pk).delete()
