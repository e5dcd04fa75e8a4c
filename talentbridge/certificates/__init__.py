"""Verifiable certificates: appointment (聘任证书), pairing (师徒结对证书) and award certificates
an office issues, printed as PDF from the office's templates, each with a QR code to its
public verification page ``/certificates/<code>/``.

The API other apps use:

- ``create_certificate(office, kind=…, holder_name=…, title=…, holder=…, subject=…, actor=…)``,
  ``issue_certificate``, ``revoke_certificate`` (``talentbridge.certificates.services``);
- ``print_certificates(certificates, actor=…) -> bytes``: one PDF, a page each (batches);
- ``certificates_about(subjects)``, ``certificates_held_by(holder)``, ``office_certificates``
  (``talentbridge.certificates.queries``);
- ``can_manage_certificates(user, office)`` (``talentbridge.certificates.rules``).
"""

from .queries import (
    certificate_for_code,
    certificates_about,
    certificates_held_by,
    office_certificates,
)
from .rules import can_manage_certificates
from .services import (
    CertificateError,
    create_certificate,
    issue_certificate,
    print_certificates,
    revoke_certificate,
    save_certificate_template,
)

__all__ = [
    "CertificateError",
    "can_manage_certificates",
    "certificate_for_code",
    "certificates_about",
    "certificates_held_by",
    "create_certificate",
    "issue_certificate",
    "office_certificates",
    "print_certificates",
    "revoke_certificate",
    "save_certificate_template",
]
