"""Reads of certificates: an office's register, the public lookup by code, templates."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Certificate, CertificateKind, CertificateTemplate, Office
from .wording import default_template

STATUS_CHOICES = [
    ("valid", _("Valid")),
    ("expired", _("Expired")),
    ("revoked", _("Revoked")),
    ("draft", _("Draft")),
]
STATUSES = tuple(key for key, _label in STATUS_CHOICES)


def status_filter(status: str) -> Q:
    """Certificates in ``status`` today (one of ``STATUSES``)."""
    today = timezone.localdate()
    issued = Q(issued_at__isnull=False, revoked_at__isnull=True)
    return {
        "draft": Q(issued_at__isnull=True),
        "valid": issued & (Q(term_end__isnull=True) | Q(term_end__gte=today)),
        "expired": issued & Q(term_end__lt=today),
        "revoked": Q(revoked_at__isnull=False),
    }[status]


def office_certificates(
    office: Office, *, kind: str = "", status: str = "", text: str = ""
) -> QuerySet[Certificate]:
    """An office's certificates, newest first, narrowed by kind, status and holder or title."""
    rows = Certificate.objects.filter(office=office).select_related("office")
    if kind:
        rows = rows.filter(kind=kind)
    if status in STATUSES:
        rows = rows.filter(status_filter(status))
    if text:
        rows = rows.filter(
            Q(holder_name__icontains=text) | Q(title__icontains=text) | Q(number__icontains=text)
        )
    return rows


def certificate_for_code(code: str) -> Certificate | None:
    """The issued certificate whose public code is ``code`` (drafts are not public)."""
    return (
        Certificate.objects.select_related("office")
        .filter(code=code, issued_at__isnull=False)
        .first()
    )


def certificates_about(subjects: Iterable[Model]) -> QuerySet[Certificate]:
    """The certificates of ``subjects`` (an event's pairings, a programme's appointments)."""
    condition = Q(pk__in=[])
    by_type: dict[ContentType, list[str]] = {}
    for subject in subjects:
        content_type = ContentType.objects.get_for_model(subject, for_concrete_model=False)
        by_type.setdefault(content_type, []).append(str(subject.pk))
    for content_type, ids in by_type.items():
        condition |= Q(subject_type=content_type, subject_id__in=ids)
    return Certificate.objects.filter(condition).select_related("office")


def certificates_held_by(holder: Model) -> QuerySet[Certificate]:
    """The certificates issued to ``holder`` (a profile or a user), newest first."""
    content_type = ContentType.objects.get_for_model(holder, for_concrete_model=False)
    return Certificate.objects.filter(holder_type=content_type, holder_id=str(holder.pk))


def template_for(office: Office, kind: str) -> CertificateTemplate:
    """The office's template of ``kind``, or the default wording (unsaved) if it has none."""
    saved = CertificateTemplate.objects.filter(office=office, kind=kind).first()
    return saved or _default(office, kind)


def office_templates(office: Office) -> list[CertificateTemplate]:
    """One template per kind: the office's own, or the default wording where it has none."""
    saved = {t.kind: t for t in CertificateTemplate.objects.filter(office=office)}
    return [saved.get(kind) or _default(office, kind) for kind in CertificateKind.values]


def _default(office: Office, kind: str) -> CertificateTemplate:
    template = default_template(kind, settings.LANGUAGE_CODE)
    template.office = office
    return template
