"""The office's figures leave the portal only as an export, and every export is logged."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from talentbridge.models import Office, User
from talentbridge.rules import is_office_manager
from talentbridge.services import log_action

from . import CommissionerError


@transaction.atomic
def record_dashboard_export(office: Office, *, actor: User, period: str) -> None:
    """Write the audit entry of an export of the office's figures, before the file leaves."""
    if not is_office_manager(actor, office):
        raise CommissionerError(_("Only the office's managers export its figures."))
    log_action(
        office,
        "projects.commissioners.export",
        actor=actor,
        changes={"period": period, "format": "xlsx"},
    )
