"""Service records of visits and calls, and their photos and documents."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Organization
from talentbridge.models import Office
from talentbridge.storage import unguessable_name

from .dispatches import Dispatch, user_fk
from .whistles import WhistleRequest

# How long a visit or call may last, in minutes: one working day at most.
MAX_DURATION_MINUTES = 24 * 60


class ServiceRecord(models.Model):
    """One visit or call of a commissioner to a firm; the firm confirms or disputes it.

    Only its author edits it, and only until the firm confirms it.
    """

    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        CALL = "call", _("Call")

    class Mode(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        ONLINE = "online", _("Online")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting the firm's confirmation")
        CONFIRMED = "confirmed", _("Confirmed by the firm")
        DISPUTED = "disputed", _("Disputed by the firm")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="service_records"
    )
    dispatch = models.ForeignKey(
        Dispatch, verbose_name=_("dispatch"), on_delete=models.PROTECT, related_name="records"
    )
    commissioner = user_fk(_("commissioner"), "service_records")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("firm"),
        on_delete=models.CASCADE,
        related_name="service_records",
    )
    whistle = models.ForeignKey(
        WhistleRequest,
        verbose_name=_("answers the whistle request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="records",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.VISIT)
    mode = models.CharField(_("where"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    served_on = models.DateField(_("date"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    participants = models.CharField(_("who took part"), max_length=500, blank=True)
    findings = models.TextField(_("what was found"))
    actions = models.TextField(_("what was done"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    response = models.TextField(_("the firm's comment"), blank=True)
    responded_by = user_fk(_("answered by"), null=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("logged"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("service record")
        verbose_name_plural = _("service records")
        ordering = ["-served_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1, duration_minutes__lte=MAX_DURATION_MINUTES),
                name="servicerecord_sane_duration",
            ),
        ]
        indexes = [
            models.Index(fields=["office", "served_on"], name="record_office"),
            models.Index(fields=["organization", "-served_on"], name="record_firm"),
            models.Index(fields=["commissioner", "-served_on"], name="record_commissioner"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} · {self.served_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("projects:commissioners:record", args=[self.pk])


def record_file_upload_to(instance, filename: str) -> str:
    return unguessable_name("commissioners", filename)


class RecordFile(models.Model):
    """A photo or document of a service record; it leaves only through a checked view."""

    record = models.ForeignKey(
        ServiceRecord,
        verbose_name=_("service record"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    file = models.FileField(_("file"), upload_to=record_file_upload_to)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = user_fk(_("uploaded by"), null=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("service record file")
        verbose_name_plural = _("service record files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name
