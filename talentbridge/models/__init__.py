"""The lowest layer, imported by every other app, one module per feature: accounts and
notifications, the audit trail, jobs, the task outbox, offices and their members, regions and
certificates."""

from .accounts import SELF_SERVICE_ROLES, Notification, Role, User, UserManager
from .audit import AuditEntry
from .certificates import (
    Certificate,
    CertificateKind,
    CertificateTemplate,
    certificate_code,
    seal_upload_to,
)
from .jobs import Job
from .offices import MANAGING_ROLES, Invitation, Membership, Office, OfficeRole
from .outbox import OutboxTask
from .regions import Region

__all__ = [
    "MANAGING_ROLES",
    "SELF_SERVICE_ROLES",
    "AuditEntry",
    "Certificate",
    "CertificateKind",
    "CertificateTemplate",
    "Invitation",
    "Job",
    "Membership",
    "Notification",
    "Office",
    "OfficeRole",
    "OutboxTask",
    "Region",
    "Role",
    "User",
    "UserManager",
    "certificate_code",
    "seal_upload_to",
]
