"""The transitions of a mentor–mentee pairing (师徒结对), each with its audit entry."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.models import User
from talentbridge.services import log_action, notify

from ..models import Mentee, Mentor, Pairing
from ..queries import occupied_places


class PairingError(Exception):
    """A pairing transition that the pairing's state or the expert's capacity forbids."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class CapacityFull(PairingError):
    """The expert already has as many mentees as their capacity allows."""


def _counterpart_user(pairing: Pairing, actor: User | None) -> User | None:
    """Who should hear about a change: the party that is not ``actor``."""
    for person in (pairing.mentor, pairing.mentee):
        if person.user_id and (actor is None or person.user_id != actor.pk):
            return person.user
    return None


def _notify_pairing(pairing: Pairing, actor: User | None, template: str) -> None:
    recipient = _counterpart_user(pairing, actor)
    if recipient is None:
        return
    notify(
        recipient,
        key=f"mentors.pairing.{pairing.pk}.{template}",
        template=f"mentors_{template}",
        context={"mentor": pairing.mentor.name, "mentee": pairing.mentee.name},
        url=reverse("mentors:my_pairings"),
    )


def _log(pairing: Pairing, verb: str, *, actor: User | None, before: str | None) -> None:
    log_action(
        pairing,
        f"mentors.pairing.{verb}",
        actor=actor,
        changes={"status": [before, pairing.status]},
    )


def propose_pairing(mentor: Mentor, mentee: Mentee, *, actor: User, note: str = "") -> Pairing:
    """Propose a pairing; the other party (or an organizer) accepts it later."""
    if not mentor.available:
        raise PairingError(_("This expert is not taking new mentees at the moment."))
    try:
        with transaction.atomic():
            pairing = Pairing.objects.create(
                mentor=mentor, mentee=mentee, note=note, proposed_by=actor
            )
            _log(pairing, "propose", actor=actor, before=None)
    except IntegrityError as exc:
        raise PairingError(_("These two already have an open pairing.")) from exc
    _notify_pairing(pairing, actor, "pairing_proposed")
    return pairing


def _locked_mentor(mentor_id: int) -> Mentor:
    """The expert row, locked until the transaction ends: one acceptance at a time."""
    return Mentor.objects.select_for_update().get(pk=mentor_id)


def _locked(pairing: Pairing) -> Pairing:
    return Pairing.objects.select_for_update().get(pk=pairing.pk)


@transaction.atomic
def accept_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """Accept a proposed pairing, taking one of the expert's places; never over capacity.

    Locks the expert first, then the pairing (always in this order), and counts the
    occupied places from the pairings themselves while holding the lock.
    """
    mentor = _locked_mentor(pairing.mentor_id)
    locked = _locked(pairing)
    if locked.status != Pairing.Status.PROPOSED:
        raise PairingError(_("This pairing is no longer waiting for an answer."))
    if occupied_places(mentor) >= mentor.capacity:
        raise CapacityFull(_("This expert has no free place for another mentee."))
    locked.status = Pairing.Status.ACCEPTED
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["status", "accepted_at"])
    _log(locked, "accept", actor=actor, before=Pairing.Status.PROPOSED)
    _notify_pairing(locked, actor, "pairing_accepted")
    return locked


def _end(pairing: Pairing, verb: str, *, actor, allowed: tuple, status: str, message) -> Pairing:
    locked = _locked(pairing)
    before = locked.status
    if before not in allowed:
        raise PairingError(message)
    locked.status = status
    locked.ended_at = timezone.now()
    locked.save(update_fields=["status", "ended_at"])
    _log(locked, verb, actor=actor, before=before)
    return locked


@transaction.atomic
def decline_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """Decline (or withdraw) a proposal; it ends as dissolved."""
    ended = _end(
        pairing,
        "decline",
        actor=actor,
        allowed=(Pairing.Status.PROPOSED,),
        status=Pairing.Status.DISSOLVED,
        message=_("This pairing is no longer waiting for an answer."),
    )
    _notify_pairing(ended, actor, "pairing_declined")
    return ended


@transaction.atomic
def dissolve_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """End an accepted pairing early; the expert's place becomes free again."""
    return _end(
        pairing,
        "dissolve",
        actor=actor,
        allowed=Pairing.OCCUPYING,
        status=Pairing.Status.DISSOLVED,
        message=_("Only an accepted pairing can be dissolved."),
    )


@transaction.atomic
def conclude_pairing(pairing: Pairing, *, actor: User) -> Pairing:
    """Close a pairing that ran its course; the expert's place becomes free again."""
    return _end(
        pairing,
        "conclude",
        actor=actor,
        allowed=Pairing.OCCUPYING,
        status=Pairing.Status.CONCLUDED,
        message=_("Only an accepted pairing can be concluded."),
    )


@transaction.atomic
def celebrate_pairing(pairing: Pairing, *, actor: User | None) -> Pairing:
    """Record that the pair went on stage at a pairing ceremony (对接仪式)."""
    locked = _locked(pairing)
    if locked.status != Pairing.Status.ACCEPTED:
        raise PairingError(_("Only an accepted pairing can be celebrated at a ceremony."))
    locked.status = Pairing.Status.CELEBRATED
    locked.celebrated_at = timezone.now()
    locked.save(update_fields=["status", "celebrated_at"])
    _log(locked, "celebrate", actor=actor, before=Pairing.Status.ACCEPTED)
    return locked


@transaction.atomic
def uncelebrate_pairing(pairing: Pairing, *, actor: User | None) -> Pairing:
    """Undo a ribbon pressed by mistake: a celebrated pairing returns to accepted.

    A pairing that has moved on since (active, ended) is left as it is.
    """
    locked = _locked(pairing)
    if locked.status == Pairing.Status.CELEBRATED:
        locked.status = Pairing.Status.ACCEPTED
        locked.celebrated_at = None
        locked.save(update_fields=["status", "celebrated_at"])
        _log(locked, "uncelebrate", actor=actor, before=Pairing.Status.CELEBRATED)
    return locked


@transaction.atomic
def activate_pairing(pairing: Pairing, *, actor: User | None) -> Pairing:
    """Mark an accepted or celebrated pairing as working together."""
    locked = _locked(pairing)
    before = locked.status
    if before not in (Pairing.Status.ACCEPTED, Pairing.Status.CELEBRATED):
        raise PairingError(_("Only an accepted pairing can become active."))
    locked.status = Pairing.Status.ACTIVE
    locked.save(update_fields=["status"])
    _log(locked, "activate", actor=actor, before=before)
    return locked
