"""Who may see and do what with commissioners' work, asked on the object.

The parties are the commissioner (the record's author, the request's assignee), the firm's
representatives (``Organization.members``) and the managers of the office that dispatched the
commissioner (platform administrators act for any office). Everyone else — another firm, a
manager of another office — is told the object does not exist (404).
"""

from mentors.models import Organization
from talentbridge.models import Office, OfficeRole
from talentbridge.rules import (
    has_office_role,
    is_admin,
    is_office_manager,
    managed_office_ids,
    office_ids_with_role,
)

from .models import CommissionerRequest, DemandDraft, ServiceRecord, WhistleRequest

_FIRMS = "_tb_represented_firms"


def represented_firm_ids(user) -> set[int]:
    """The organisations ``user`` represents (read once per request, cached on the user)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, _FIRMS, None)
    if cached is None:
        cached = set(
            Organization.members.through.objects.filter(user=user).values_list(
                "organization_id", flat=True
            )
        )
        setattr(user, _FIRMS, cached)
    return cached


def forget_represented_firms(user) -> None:
    """Drop the cached organisations (after a change within the same request)."""
    if hasattr(user, _FIRMS):
        delattr(user, _FIRMS)


def represents(user, organization: Organization | int) -> bool:
    firm_id = organization if isinstance(organization, int) else organization.pk
    return firm_id in represented_firm_ids(user)


def is_commissioner(user, office: Office | int | None = None) -> bool:
    """Holds the commissioner role in ``office`` (in any office when none is given)."""
    if office is None:
        return bool(office_ids_with_role(user, OfficeRole.COMMISSIONER))
    return has_office_role(user, office, OfficeRole.COMMISSIONER)


def _is(user, user_id: int | None) -> bool:
    return bool(user.is_authenticated and user_id is not None and user.pk == user_id)


# --- Offices ----------------------------------------------------------------------------------


def can_manage_commissioners(user, office: Office | int) -> bool:
    """Dispatch, decide firms' requests, set deadlines, read the dashboard and export it."""
    return is_office_manager(user, office)


def can_request_commissioner(user) -> bool:
    """Firms ask for a commissioner through one of their representatives."""
    return bool(represented_firm_ids(user))


def can_decide_request(user, request: CommissionerRequest) -> bool:
    return request.status == CommissionerRequest.Status.PENDING and is_office_manager(
        user, request.office_id
    )


# --- Service records --------------------------------------------------------------------------


def can_view_record(user, record: ServiceRecord) -> bool:
    return (
        _is(user, record.commissioner_id)
        or represents(user, record.organization_id)
        or is_office_manager(user, record.office_id)
    )


def can_edit_record(user, record: ServiceRecord) -> bool:
    """Only the author, and only until the firm has confirmed it."""
    return _is(user, record.commissioner_id) and record.status != ServiceRecord.Status.CONFIRMED


def can_answer_record(user, record: ServiceRecord) -> bool:
    """The firm's representatives confirm or dispute a record awaiting them."""
    return record.status == ServiceRecord.Status.SUBMITTED and represents(
        user, record.organization_id
    )


def can_log_records(user) -> bool:
    return is_commissioner(user)


# --- Demand drafts ----------------------------------------------------------------------------


def can_draft_demand(user, record: ServiceRecord) -> bool:
    """The author distils a need from their record, while the firm has not decided on it."""
    draft = getattr(record, "demand_draft", None) if record.pk else None
    return _is(user, record.commissioner_id) and (
        draft is None or draft.status == DemandDraft.Status.DRAFT
    )


def can_view_draft(user, draft: DemandDraft) -> bool:
    return can_view_record(user, draft.record)


def can_review_draft(user, draft: DemandDraft) -> bool:
    """The firm submits the draft as its demand, or declines it."""
    return draft.status == DemandDraft.Status.DRAFT and represents(
        user, draft.record.organization_id
    )


# --- Whistle requests -------------------------------------------------------------------------


def can_view_whistle(user, whistle: WhistleRequest) -> bool:
    return (
        _is(user, whistle.commissioner_id)
        or represents(user, whistle.organization_id)
        or is_office_manager(user, whistle.office_id)
    )


def can_raise_whistle(user) -> bool:
    """Firms served by a commissioner, and the managers of an office on a firm's behalf."""
    return bool(represented_firm_ids(user)) or is_office_manager_anywhere(user)


def is_office_manager_anywhere(user) -> bool:
    return is_admin(user) or bool(managed_office_ids(user))


def can_acknowledge_whistle(user, whistle: WhistleRequest) -> bool:
    return whistle.status == WhistleRequest.Status.OPEN and _is(user, whistle.commissioner_id)


def can_close_whistle(user, whistle: WhistleRequest) -> bool:
    return whistle.status in WhistleRequest.OPEN_STATUSES and _is(user, whistle.commissioner_id)


def can_assign_whistle(user, whistle: WhistleRequest) -> bool:
    return whistle.status in WhistleRequest.OPEN_STATUSES and is_office_manager(
        user, whistle.office_id
    )
