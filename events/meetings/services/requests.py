"""Meeting requests: sent with a message, accepted or declined by the other side, or
withdrawn by the sender."""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event, Meeting, MeetingProfile, MeetingRequest
from events.services import EventError
from talentbridge.models import User
from talentbridge.services import log_action, notify


def _notify(request: MeetingRequest, to: MeetingProfile, sender: MeetingProfile, what: str) -> None:
    """Tell ``to`` (in the portal and by e-mail) what ``sender`` did; the link is their
    matchmaking page, where the requests in and out are listed."""
    notify(
        to.user,
        key=f"events.meetingrequest.{request.pk}.{what}",
        template=f"meetings_request_{what}",
        context={
            "name": sender.user.name,
            "event": request.event.title,
            "message": request.message,
        },
        url=reverse("events:meetings:home", args=[request.event_id]),
    )


@transaction.atomic
def request_meeting(
    event: Event, requester: User, recipient: User, *, message: str, priority: bool = False
) -> MeetingRequest:
    """Ask ``recipient`` for a meeting; both must take part, and no open request may exist
    between them in either direction."""
    if requester.pk == recipient.pk:
        raise EventError(_("You cannot request a meeting with yourself."))
    profiles = {
        p.user_id: p
        for p in MeetingProfile.objects.select_for_update().filter(
            event=event, user_id__in=[requester.pk, recipient.pk]
        )
    }
    if requester.pk not in profiles:
        raise EventError(_("Opt in to the matchmaking day before you request meetings."))
    if recipient.pk not in profiles:
        raise EventError(
            _("%(name)s does not take part in the matchmaking day.") % {"name": recipient.name}
        )
    mine, theirs = profiles[requester.pk], profiles[recipient.pk]
    if not message.strip():
        raise EventError(_("Say in a sentence why you want to meet."))
    open_between = MeetingRequest.objects.filter(status__in=MeetingRequest.OPEN).filter(
        Q(requester=mine, recipient=theirs) | Q(requester=theirs, recipient=mine)
    )
    if open_between.exists():
        raise EventError(
            _("There is already an open request between you and %(name)s.")
            % {"name": recipient.name}
        )
    request = MeetingRequest.objects.create(
        event=event, requester=mine, recipient=theirs, message=message, priority=priority
    )
    log_action(
        request,
        "events.meetingrequest.send",
        actor=requester,
        changes={"to": recipient.name, "priority": priority},
    )
    _notify(request, theirs, mine, "received")
    return request


def _decide(request: MeetingRequest, status: str, verb: str, actor: User) -> MeetingRequest:
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != MeetingRequest.Status.PENDING:
        raise EventError(_("This request has already been answered."))
    request.status, request.decided_at = status, timezone.now()
    request.save(update_fields=["status", "decided_at"])
    log_action(request, f"events.meetingrequest.{verb}", actor=actor)
    _notify(request, request.requester, request.recipient, status)
    return request


@transaction.atomic
def accept_request(request: MeetingRequest, *, actor: User) -> MeetingRequest:
    """The recipient says yes: the request waits for the schedule, contacts open up."""
    return _decide(request, MeetingRequest.Status.ACCEPTED, "accept", actor)


@transaction.atomic
def decline_request(request: MeetingRequest, *, actor: User) -> MeetingRequest:
    return _decide(request, MeetingRequest.Status.DECLINED, "decline", actor)


@transaction.atomic
def cancel_request(request: MeetingRequest, *, actor: User) -> MeetingRequest:
    """Withdraw a pending or accepted request; its meeting, if scheduled, goes too."""
    request = MeetingRequest.objects.select_for_update().get(pk=request.pk)
    if request.status not in MeetingRequest.OPEN:
        raise EventError(_("This request is no longer open."))
    request.status = MeetingRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    deleted, _rows = Meeting.objects.filter(request=request).delete()
    log_action(request, "events.meetingrequest.cancel", actor=actor, changes={"meeting": deleted})
    return request
