"""Who may do what with certificates. Anyone may verify an issued one by its code."""

from ..models import Office
from ..rules import is_office_manager


def can_manage_certificates(user, office: Office) -> bool:
    """An office's owners and managers (and administrators) edit its templates, and issue,
    revoke and print its certificates; they alone see drafts and seal images."""
    return is_office_manager(user, office)
