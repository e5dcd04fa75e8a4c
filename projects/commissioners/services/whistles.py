"""Whistle and report (项目吹哨、专员报到): a firm or key project raises a request, the first
responder acknowledges it within the office's deadline and closes it within the other, and
each missed deadline escalates once to the office's managers."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Organization
from projects.commissioners.models import WhistlePolicy, WhistleRequest
from projects.commissioners.queries import (
    first_responder,
    office_managers,
    overdue_for_acknowledgement,
    overdue_for_closing,
    policy_for,
)
from projects.commissioners.rules import is_commissioner, represents
from talentbridge.models import Office, User
from talentbridge.rules import is_office_manager
from talentbridge.services import field_changes, log_action, notify, snapshot

from . import CommissionerError, local_time

MAX_ACKNOWLEDGE_HOURS = 7 * 24
MAX_CLOSE_HOURS = 90 * 24
ACKNOWLEDGE, CLOSE = "acknowledge", "close"
POLICY_FIELDS = ("acknowledge_hours", "close_hours")


@transaction.atomic
def set_whistle_policy(
    office: Office, *, acknowledge_hours: int, close_hours: int, actor: User
) -> WhistlePolicy:
    """Set the office's deadlines; requests raised from now on use them."""
    if not is_office_manager(actor, office):
        raise CommissionerError(_("Only the office's managers set its deadlines."))
    if not 1 <= acknowledge_hours <= MAX_ACKNOWLEDGE_HOURS:
        raise CommissionerError(_("Acknowledging may take between 1 hour and 7 days."))
    if not acknowledge_hours <= close_hours <= MAX_CLOSE_HOURS:
        raise CommissionerError(_("Closing may take from the acknowledgement deadline to 90 days."))
    policy = WhistlePolicy.objects.select_for_update().filter(office=office).first()
    policy = policy or WhistlePolicy(office=office)
    before = snapshot(policy, POLICY_FIELDS) if policy.pk else {}
    policy.acknowledge_hours, policy.close_hours = acknowledge_hours, close_hours
    policy.save()
    changes = field_changes(before, policy, POLICY_FIELDS)
    log_action(policy, "projects.whistlepolicy.set", actor=actor, changes=changes)
    return policy


def _tell_commissioner(whistle: WhistleRequest) -> None:
    notify(
        whistle.commissioner,
        key=f"projects.whistle.{whistle.pk}.assigned.{whistle.commissioner_id}",
        template="commissioners_whistle_assigned",
        context={
            "firm": whistle.organization.name,
            "title": whistle.title,
            "urgency": whistle.urgency,
            "acknowledge_by": local_time(whistle.acknowledge_by),
            "close_by": local_time(whistle.close_by),
        },
        url=whistle.get_absolute_url(),
    )


def _tell_managers(whistle: WhistleRequest, key: str, template: str, **context) -> int:
    managers = list(office_managers(whistle.office_id))
    for manager in managers:
        notify(
            manager,
            key=key,
            template=template,
            context={
                "office": whistle.office.name,
                "firm": whistle.organization.name,
                "title": whistle.title,
                "commissioner": whistle.commissioner.name if whistle.commissioner else "",
                **context,
            },
            url=whistle.get_absolute_url(),
        )
    return len(managers)


@transaction.atomic
def raise_whistle(
    office: Office,
    organization: Organization,
    *,
    actor: User,
    title: str,
    details: str = "",
    urgency: str = WhistleRequest.Urgency.NORMAL,
    key_project: str = "",
) -> WhistleRequest:
    """Blow the whistle for a firm served by ``office``: the deadlines are fixed now, from the
    office's policy, and the commissioner serving the firm is assigned (the first responder)."""
    responder = first_responder(office, organization, key_project.strip())
    allowed = is_office_manager(actor, office) or (
        responder is not None and represents(actor, organization)
    )
    if not allowed:
        raise CommissionerError(
            _("Only a firm served by this office, or the office's managers, raise requests here.")
        )
    policy = policy_for(office)
    now = timezone.now()
    whistle = WhistleRequest.objects.create(
        office=office,
        organization=organization,
        key_project=key_project.strip(),
        title=title,
        details=details,
        urgency=urgency,
        raised_by=actor,
        raised_at=now,
        commissioner=responder.commissioner if responder else None,
        acknowledge_by=now + timedelta(hours=policy.acknowledge_hours),
        close_by=now + timedelta(hours=policy.close_hours),
    )
    log_action(
        whistle,
        "projects.whistle.raise",
        actor=actor,
        changes={
            "firm": organization.name,
            "urgency": urgency,
            "commissioner": whistle.commissioner.name if whistle.commissioner else None,
            "acknowledge_by": whistle.acknowledge_by,
            "close_by": whistle.close_by,
        },
    )
    if whistle.commissioner:
        _tell_commissioner(whistle)
    else:
        _tell_managers(
            whistle, f"projects.whistle.{whistle.pk}.unassigned", "commissioners_whistle_unassigned"
        )
    return whistle


def _locked(whistle: WhistleRequest) -> WhistleRequest:
    return WhistleRequest.objects.select_for_update().get(pk=whistle.pk)


@transaction.atomic
def assign_whistle(whistle: WhistleRequest, commissioner: User, *, actor: User) -> WhistleRequest:
    """Give an open request to another commissioner of the office (or a first one)."""
    whistle = _locked(whistle)
    if not is_office_manager(actor, whistle.office_id):
        raise CommissionerError(_("Only the office's managers assign requests."))
    if whistle.status not in WhistleRequest.OPEN_STATUSES:
        raise CommissionerError(_("This request is closed."))
    if not is_commissioner(commissioner, whistle.office_id):
        raise CommissionerError(_("This person is not a commissioner of this office."))
    before = whistle.commissioner.name if whistle.commissioner else None
    whistle.commissioner = commissioner
    whistle.save(update_fields=["commissioner"])
    log_action(
        whistle,
        "projects.whistle.assign",
        actor=actor,
        changes={"commissioner": [before, commissioner.name]},
    )
    _tell_commissioner(whistle)
    return whistle


def _tell_raiser(whistle: WhistleRequest, event: str) -> None:
    notify(
        whistle.raised_by,
        key=f"projects.whistle.{whistle.pk}.{event}",
        template=f"commissioners_whistle_{event}",
        context={
            "commissioner": whistle.commissioner.name,
            "title": whistle.title,
            "resolution": whistle.resolution,
        },
        url=whistle.get_absolute_url(),
    )


@transaction.atomic
def acknowledge_whistle(whistle: WhistleRequest, *, actor: User) -> WhistleRequest:
    """The assigned commissioner reports (报到): the request is in hand."""
    whistle = _locked(whistle)
    if actor.pk != whistle.commissioner_id:
        raise CommissionerError(_("Only the commissioner assigned to a request acknowledges it."))
    if whistle.status != WhistleRequest.Status.OPEN:
        raise CommissionerError(_("This request has already been acknowledged."))
    whistle.status = WhistleRequest.Status.ACKNOWLEDGED
    whistle.acknowledged_at = timezone.now()
    whistle.save(update_fields=["status", "acknowledged_at"])
    log_action(
        whistle,
        "projects.whistle.acknowledge",
        actor=actor,
        changes={
            "status": [WhistleRequest.Status.OPEN, whistle.status],
            "on_time": not whistle.acknowledged_late,
        },
    )
    _tell_raiser(whistle, "acknowledged")
    return whistle


@transaction.atomic
def close_whistle(whistle: WhistleRequest, *, actor: User, resolution: str) -> WhistleRequest:
    """The assigned commissioner closes the request, saying what was done. Closing an
    unacknowledged request acknowledges it at the same moment."""
    whistle = _locked(whistle)
    if actor.pk != whistle.commissioner_id:
        raise CommissionerError(_("Only the commissioner assigned to a request closes it."))
    if whistle.status not in WhistleRequest.OPEN_STATUSES:
        raise CommissionerError(_("This request is already closed."))
    if not resolution.strip():
        raise CommissionerError(_("Say what was done."))
    from_status = whistle.status
    now = timezone.now()
    whistle.acknowledged_at = whistle.acknowledged_at or now
    whistle.closed_at = now
    whistle.status = WhistleRequest.Status.CLOSED
    whistle.resolution = resolution.strip()
    whistle.save(update_fields=["status", "acknowledged_at", "closed_at", "resolution"])
    log_action(
        whistle,
        "projects.whistle.close",
        actor=actor,
        changes={"status": [from_status, whistle.status], "on_time": not whistle.closed_late},
    )
    _tell_raiser(whistle, "closed")
    return whistle


def _escalate(whistle_id: int, deadline: str, now: datetime) -> bool:
    """Escalate one missed deadline of one request, once: the conditional update lets only
    one of two concurrent runs through."""
    column = f"{deadline}_escalated_at"
    with transaction.atomic():
        won = WhistleRequest.objects.filter(pk=whistle_id, **{f"{column}__isnull": True}).update(
            **{column: now}
        )
        if not won:
            return False
        whistle = WhistleRequest.objects.select_related("office", "organization").get(pk=whistle_id)
        log_action(whistle, "projects.whistle.escalate", actor=None, changes={"missed": deadline})
        due = whistle.acknowledge_by if deadline == ACKNOWLEDGE else whistle.close_by
        _tell_managers(
            whistle,
            f"projects.whistle.{whistle.pk}.overdue.{deadline}",
            "commissioners_whistle_overdue",
            missed=deadline,
            due=local_time(due),
        )
    return True


def escalate_overdue_whistles(now: datetime) -> int:
    """Tell the office's managers of every deadline missed by ``now`` and not yet escalated;
    return how many were escalated. Running it again escalates nothing twice."""
    escalated = 0
    for whistle_id in overdue_for_acknowledgement(now).values_list("pk", flat=True):
        escalated += _escalate(whistle_id, ACKNOWLEDGE, now)
    for whistle_id in overdue_for_closing(now).values_list("pk", flat=True):
        escalated += _escalate(whistle_id, CLOSE, now)
    return escalated
