"""Certificates and the templates offices print them from."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..storage import unguessable_name
from .offices import Office


class CertificateKind(models.TextChoices):
    APPOINTMENT = "appointment", _("Appointment certificate")
    PAIRING = "pairing", _("Pairing certificate")
    AWARD = "award", _("Award certificate")


def seal_upload_to(instance, filename: str) -> str:
    return unguessable_name("seals", filename)


class CertificateTemplate(models.Model):
    """How an office's certificates of one kind read; the seal image is a private file."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="certificate_templates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    heading = models.CharField(_("heading"), max_length=40)
    body = models.TextField(_("wording"), max_length=1000)
    signature = models.CharField(_("signature line"), max_length=200)
    seal = models.FileField(_("seal image"), upload_to=seal_upload_to, blank=True)

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(fields=["office", "kind"], name="certificate_template_kind")
        ]

    def __str__(self) -> str:
        return f"{self.office} · {self.get_kind_display()}"


def certificate_code() -> str:
    """128 random bits: the public code in a certificate's verification link."""
    return secrets.token_urlsafe(16)


class Certificate(models.Model):
    """A certificate an office issues (to anyone: holder and subject are generic references),
    verifiable by anyone through its unguessable code."""

    office = models.ForeignKey(
        Office, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    holder_name = models.CharField(_("holder"), max_length=100)
    holder_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    holder_id = models.CharField(max_length=40, blank=True)
    holder = GenericForeignKey("holder_type", "holder_id")
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_id = models.CharField(max_length=40, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    title = models.CharField(_("conferred title"), max_length=200)
    number = models.CharField(_("number"), max_length=40, blank=True)
    term_start = models.DateField(_("term from"), null=True, blank=True)
    term_end = models.DateField(_("term until"), null=True, blank=True)
    code = models.CharField(max_length=32, unique=True, default=certificate_code)
    # The heading, wording and signature as printed, frozen when the certificate is issued.
    wording = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "number"],
                condition=~models.Q(number=""),
                name="certificate_number",
            )
        ]
        indexes = [
            models.Index(fields=["holder_type", "holder_id"], name="certificate_holder"),
            models.Index(fields=["subject_type", "subject_id"], name="certificate_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.holder_name}"

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        if not self.issued_at:
            return "draft"
        if self.term_end and self.term_end < timezone.localdate():
            return "expired"
        return "valid"
