"""Exports: the log of every export, and the large ones written in the background."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.storage import export_upload_to

from .event import Event


class ExportLog(models.Model):
    """One export of a list or workbook: who exported what, when, with or without contacts."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (.xlsx)"
        DOCX = "docx", "Word (.docx)"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dataset = models.CharField(_("list"), max_length=30)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    with_contacts = models.BooleanField(_("with contact details"), default=False)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("exported"), default=timezone.now)

    class Meta:
        verbose_name = _("export log entry")
        verbose_name_plural = _("export log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at", "-id"], name="exportlog_newest")]

    def __str__(self) -> str:
        return f"{self.dataset}.{self.format}"


def new_job_token() -> str:
    """An unguessable id for a job's URLs."""
    return secrets.token_urlsafe(24)


class ExportJob(models.Model):
    """A large export written by a Celery worker; its file is downloadable until it expires.

    Progress, status and errors are those of its :class:`talentbridge.models.Job`.
    """

    job = models.OneToOneField(
        "talentbridge.Job", on_delete=models.CASCADE, related_name="export_job"
    )
    token = models.CharField(max_length=40, unique=True, default=new_job_token, editable=False)
    log = models.OneToOneField(ExportLog, on_delete=models.CASCADE, related_name="export_job")
    language = models.CharField(max_length=10)
    file = models.FileField(upload_to=export_upload_to, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.file_name or self.token

    @property
    def is_expired(self) -> bool:
        return bool(self.expires_at and self.expires_at <= timezone.now())
