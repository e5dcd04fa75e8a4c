"""Dispatching commissioners to firms, ending a dispatch, and firms' requests for one."""

from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentor, Organization
from projects.commissioners.models import CommissionerRequest, Dispatch
from projects.commissioners.queries import office_managers
from projects.commissioners.rules import is_commissioner, represents
from talentbridge.models import Office, User
from talentbridge.rules import is_office_manager
from talentbridge.services import log_action, notify

from . import CommissionerError

NOT_A_MANAGER = _("Only the office's managers dispatch commissioners.")


def _require_commissioner(office: Office, commissioner: User) -> None:
    if not is_commissioner(commissioner, office):
        raise CommissionerError(
            _("%(name)s is not a commissioner of %(office)s.")
            % {"name": commissioner.name, "office": office.name}
        )
    if not Mentor.objects.filter(user=commissioner).exists():
        raise CommissionerError(
            _("%(name)s has no expert profile yet; link one before dispatching them.")
            % {"name": commissioner.name}
        )


def _tell_parties(dispatch: Dispatch) -> None:
    context = {
        "office": dispatch.office.name,
        "firm": dispatch.organization.name,
        "commissioner": dispatch.commissioner.name,
        "key_project": dispatch.key_project,
        "starts_on": dispatch.starts_on.isoformat(),
    }
    notify(
        dispatch.commissioner,
        key=f"projects.dispatch.{dispatch.pk}.commissioner",
        template="commissioners_dispatched",
        context=context,
        url=reverse("projects:commissioners:desk"),
    )
    for member in dispatch.organization.members.filter(is_active=True):
        notify(
            member,
            key=f"projects.dispatch.{dispatch.pk}.firm",
            template="commissioners_firm_dispatched",
            context=context,
            url=reverse("projects:commissioners:desk"),
        )


@transaction.atomic
def dispatch_commissioner(
    office: Office,
    commissioner: User,
    organization: Organization,
    *,
    actor: User,
    starts_on: date,
    ends_on: date | None = None,
    key_project: str = "",
    note: str = "",
    source: str = Dispatch.Source.MANUAL,
) -> Dispatch:
    """Send a commissioner of ``office`` to serve ``organization`` from ``starts_on``."""
    if not is_office_manager(actor, office):
        raise CommissionerError(NOT_A_MANAGER)
    _require_commissioner(office, commissioner)
    if ends_on is not None and ends_on < starts_on:
        raise CommissionerError(_("The end of the period is before its start."))
    dispatch = Dispatch(
        office=office,
        commissioner=commissioner,
        organization=organization,
        key_project=key_project.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        source=source,
        note=note,
        created_by=actor,
    )
    try:
        with transaction.atomic():
            dispatch.save()
    except IntegrityError as error:
        raise CommissionerError(
            _("%(name)s already serves %(firm)s.")
            % {"name": commissioner.name, "firm": organization.name}
        ) from error
    log_action(
        dispatch,
        "projects.dispatch.create",
        actor=actor,
        changes={
            "commissioner": commissioner.name,
            "firm": organization.name,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "key_project": dispatch.key_project,
            "source": source,
        },
    )
    _tell_parties(dispatch)
    return dispatch


@transaction.atomic
def end_dispatch(dispatch: Dispatch, *, actor: User) -> Dispatch:
    """End a dispatch today: the commissioner no longer serves the firm."""
    dispatch = Dispatch.objects.select_for_update().get(pk=dispatch.pk)
    if not is_office_manager(actor, dispatch.office_id):
        raise CommissionerError(NOT_A_MANAGER)
    if dispatch.status != Dispatch.Status.ACTIVE:
        raise CommissionerError(_("This dispatch has already ended."))
    today = timezone.localdate()
    dispatch.status = Dispatch.Status.ENDED
    dispatch.ended_at = timezone.now()
    dispatch.ends_on = max(dispatch.starts_on, min(dispatch.ends_on or today, today))
    dispatch.save(update_fields=["status", "ended_at", "ends_on"])
    log_action(
        dispatch,
        "projects.dispatch.end",
        actor=actor,
        changes={"status": [Dispatch.Status.ACTIVE, Dispatch.Status.ENDED]},
    )
    return dispatch


@transaction.atomic
def request_commissioner(
    office: Office,
    organization: Organization,
    commissioner: User,
    *,
    actor: User,
    message: str,
) -> CommissionerRequest:
    """A firm's representative asks ``office`` for ``commissioner``; its managers decide."""
    if not represents(actor, organization):
        raise CommissionerError(_("Only the firm's representatives ask for a commissioner."))
    if not is_commissioner(commissioner, office):
        raise CommissionerError(_("This person is not a commissioner of this office."))
    request = CommissionerRequest(
        office=office,
        organization=organization,
        commissioner=commissioner,
        requested_by=actor,
        message=message,
    )
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:
        raise CommissionerError(
            _("%(firm)s has already asked for this commissioner; the office will answer soon.")
            % {"firm": organization.name}
        ) from error
    log_action(
        request,
        "projects.commissionerrequest.create",
        actor=actor,
        changes={"firm": organization.name, "commissioner": commissioner.name},
    )
    for manager in office_managers(office):
        notify(
            manager,
            key=f"projects.commissionerrequest.{request.pk}",
            template="commissioners_request_received",
            context={
                "firm": organization.name,
                "commissioner": commissioner.name,
                "message": message,
            },
            url=reverse("projects:commissioners:office", args=[office.pk]),
        )
    return request


def _locked_request(request: CommissionerRequest, actor: User) -> CommissionerRequest:
    request = CommissionerRequest.objects.select_for_update().get(pk=request.pk)
    if not is_office_manager(actor, request.office_id):
        raise CommissionerError(NOT_A_MANAGER)
    if request.status != CommissionerRequest.Status.PENDING:
        raise CommissionerError(_("This request has already been answered."))
    return request


@transaction.atomic
def accept_request(
    request: CommissionerRequest, *, actor: User, starts_on: date, message: str = ""
) -> Dispatch:
    """Grant a firm's request: dispatch the commissioner it asked for."""
    request = _locked_request(request, actor)
    dispatch = dispatch_commissioner(
        request.office,
        request.commissioner,
        request.organization,
        actor=actor,
        starts_on=starts_on,
        note=request.message,
        source=Dispatch.Source.REQUESTED,
    )
    request.status = CommissionerRequest.Status.ACCEPTED
    request.dispatch = dispatch
    request.decided_by, request.decided_at = actor, timezone.now()
    request.decision_message = message
    request.save(
        update_fields=["status", "dispatch", "decided_by", "decided_at", "decision_message"]
    )
    log_action(
        request,
        "projects.commissionerrequest.accept",
        actor=actor,
        changes={"status": [CommissionerRequest.Status.PENDING, request.status]},
    )
    return dispatch


@transaction.atomic
def decline_request(
    request: CommissionerRequest, *, actor: User, message: str
) -> CommissionerRequest:
    """Turn a firm's request down, saying why."""
    request = _locked_request(request, actor)
    request.status = CommissionerRequest.Status.DECLINED
    request.decided_by, request.decided_at = actor, timezone.now()
    request.decision_message = message
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_message"])
    log_action(
        request,
        "projects.commissionerrequest.decline",
        actor=actor,
        changes={
            "status": [CommissionerRequest.Status.PENDING, request.status],
            "message": message,
        },
    )
    notify(
        request.requested_by,
        key=f"projects.commissionerrequest.{request.pk}.declined",
        template="commissioners_request_declined",
        context={
            "office": request.office.name,
            "commissioner": request.commissioner.name,
            "message": message,
        },
        url=reverse("projects:commissioners:directory"),
    )
    return request
