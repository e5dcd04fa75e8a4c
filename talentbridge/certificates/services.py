"""State transitions of certificates and their templates. Each writes the audit trail, and so
does printing: who printed which certificate, and when, is on record."""

from collections.abc import Iterable
from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Certificate, CertificateKind, CertificateTemplate, Office, User
from ..services.audit import field_changes, log_action, snapshot
from .queries import template_for
from .rendering import Page, render_pdf
from .wording import compose, unknown_placeholders

TEMPLATE_FIELDS = ("language", "heading", "body", "signature")


class CertificateError(Exception):
    """A change to a certificate that cannot be made; the message is for the user."""


@transaction.atomic
def save_certificate_template(
    office: Office,
    kind: str,
    *,
    language: str,
    heading: str,
    body: str,
    signature: str,
    actor: User,
    seal: UploadedFile | None = None,
    remove_seal: bool = False,
) -> CertificateTemplate:
    """Create or change the office's template of ``kind``; a new seal replaces the old one."""
    unknown = unknown_placeholders(f"{heading} {body} {signature}")
    if unknown:
        raise CertificateError(
            _("Unknown placeholders: %(names)s.") % {"names": ", ".join(unknown)}
        )
    template = (
        CertificateTemplate.objects.select_for_update().filter(office=office, kind=kind).first()
    )
    created = template is None
    template = template or CertificateTemplate(office=office, kind=kind)
    before = snapshot(template, TEMPLATE_FIELDS)
    template.language, template.heading = language, heading.strip()
    template.body, template.signature = body.strip(), signature.strip()
    old_seal = template.seal.name
    if seal is not None:
        template.seal.save(seal.name, seal, save=False)
    elif remove_seal:
        template.seal = ""
    template.save()
    changes = field_changes(before, template, TEMPLATE_FIELDS)
    if template.seal.name != old_seal:
        changes["seal"] = [bool(old_seal), bool(template.seal.name)]
        if old_seal:
            storage = template.seal.storage
            transaction.on_commit(lambda: storage.delete(old_seal))
    verb = "create" if created else "edit"
    log_action(template, f"certificates.template.{verb}", actor=actor, changes=changes)
    return template


@transaction.atomic
def create_certificate(
    office: Office,
    *,
    kind: str,
    holder_name: str,
    title: str,
    actor: User | None,
    term_start: date | None = None,
    term_end: date | None = None,
    number: str = "",
    holder: models.Model | None = None,
    subject: models.Model | None = None,
) -> Certificate:
    """A draft certificate of ``office``; it is valid (and public) only once issued.

    ``holder`` is the person's profile or account and ``subject`` the appointment, pairing
    or award it certifies, if the caller has them.
    """
    if kind not in CertificateKind.values:
        raise CertificateError(_("Unknown kind of certificate."))
    if term_start and term_end and term_end < term_start:
        raise CertificateError(_("The term cannot end before it starts."))
    number = number.strip()
    _check_number_free(office, number)
    references = {"holder": holder, "subject": subject}
    certificate = Certificate.objects.create(
        office=office,
        kind=kind,
        holder_name=holder_name.strip(),
        title=title.strip(),
        term_start=term_start,
        term_end=term_end,
        number=number,
        **{name: obj for name, obj in references.items() if obj is not None},
    )
    log_action(
        certificate,
        "certificates.certificate.create",
        actor=actor,
        changes={"holder": certificate.holder_name, "title": certificate.title},
    )
    return certificate


def _check_number_free(office: Office, number: str) -> None:
    if number and Certificate.objects.filter(office=office, number=number).exists():
        raise CertificateError(
            _("The number %(number)s is already used by another certificate of this office.")
            % {"number": number}
        )


def _next_number(office: Office, year: int) -> str:
    """``2026-0001``, ``2026-0002``…: the office's next free number of ``year``."""
    used = Certificate.objects.filter(office=office, number__startswith=f"{year}-").count()
    sequence = used + 1
    while Certificate.objects.filter(office=office, number=f"{year}-{sequence:04d}").exists():
        sequence += 1
    return f"{year}-{sequence:04d}"


@transaction.atomic
def issue_certificate(certificate: Certificate, *, actor: User | None) -> Certificate:
    """Issue a draft: give it a number if it has none and freeze its wording as printed.

    From now on its code verifies it publicly.
    """
    office = Office.objects.select_for_update().get(pk=certificate.office_id)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    certificate.office = office
    if certificate.issued_at:
        raise CertificateError(_("This certificate has already been issued."))
    today = timezone.localdate()
    if not certificate.number:
        certificate.number = _next_number(office, today.year)
    certificate.wording = compose(certificate, template_for(office, certificate.kind), today)
    certificate.issued_at = timezone.now()
    certificate.save(update_fields=["number", "wording", "issued_at"])
    log_action(
        certificate,
        "certificates.certificate.issue",
        actor=actor,
        changes={"number": certificate.number},
    )
    return certificate


@transaction.atomic
def revoke_certificate(certificate: Certificate, *, reason: str, actor: User) -> Certificate:
    """Revoke an issued certificate; its verification page says so from now on."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not certificate.issued_at:
        raise CertificateError(_("A draft cannot be revoked; it was never issued."))
    if certificate.revoked_at:
        raise CertificateError(_("This certificate has already been revoked."))
    if not reason.strip():
        raise CertificateError(_("Say why the certificate is revoked."))
    certificate.revoked_at = timezone.now()
    certificate.revoke_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoke_reason"])
    log_action(
        certificate,
        "certificates.certificate.revoke",
        actor=actor,
        changes={"reason": certificate.revoke_reason},
    )
    return certificate


def print_certificates(certificates: Iterable[Certificate], *, actor: User | None) -> bytes:
    """One PDF of ``certificates`` (a page each), and an audit entry per certificate printed.

    Drafts print with their current template and a "draft" mark; issued certificates with
    the wording frozen at issue.
    """
    certificates = list(certificates)
    today = timezone.localdate()
    templates = {
        (t.office_id, t.kind): t
        for t in CertificateTemplate.objects.filter(
            office_id__in={c.office_id for c in certificates}
        )
    }
    seals: dict[int, bytes] = {}
    pages = []
    for certificate in certificates:
        template = templates.get((certificate.office_id, certificate.kind)) or template_for(
            certificate.office, certificate.kind
        )
        wording = certificate.wording if certificate.issued_at else None
        pages.append(
            Page(
                certificate,
                wording or compose(certificate, template, today),
                _seal_bytes(template, seals),
            )
        )
    pdf = render_pdf(pages)
    with transaction.atomic():
        for certificate in certificates:
            log_action(
                certificate,
                "certificates.certificate.print",
                actor=actor,
                changes={"draft": True} if not certificate.issued_at else {},
            )
    return pdf


def preview_template(template: CertificateTemplate) -> bytes:
    """A sample certificate printed with ``template`` (saved or not), marked as a draft."""
    today = timezone.localdate()
    sample = Certificate(
        office=template.office,
        kind=template.kind,
        holder_name=_("Zhang San"),
        title=_("Sample title"),
        term_start=today,
        term_end=today.replace(year=today.year + 3, day=min(today.day, 28)),
    )
    return render_pdf([Page(sample, compose(sample, template, today), _seal_bytes(template, {}))])


def _seal_bytes(template: CertificateTemplate, cache: dict[int, bytes]) -> bytes:
    if not template.pk or not template.seal:
        return b""
    if template.pk not in cache:
        try:
            with template.seal.open("rb") as file:
                cache[template.pk] = file.read()
        except OSError:
            cache[template.pk] = b""
    return cache[template.pk]
