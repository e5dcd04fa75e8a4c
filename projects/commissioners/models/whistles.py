"""Whistle requests (项目吹哨、专员报到) and the response deadlines each office sets."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Organization
from talentbridge.models import Office

from .dispatches import user_fk


class WhistlePolicy(models.Model):
    """How fast an office's commissioners must acknowledge and close a whistle request."""

    office = models.OneToOneField(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="whistle_policy"
    )
    acknowledge_hours = models.PositiveSmallIntegerField(_("hours to acknowledge"), default=24)
    close_hours = models.PositiveSmallIntegerField(_("hours to close"), default=120)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("response deadlines")
        verbose_name_plural = _("response deadlines")
        constraints = [
            models.CheckConstraint(
                condition=Q(acknowledge_hours__gte=1) & Q(close_hours__gte=F("acknowledge_hours")),
                name="whistlepolicy_sane_hours",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office}: {self.acknowledge_hours} h / {self.close_hours} h"


class WhistleRequest(models.Model):
    """项目吹哨: a firm or key project asks for help; the assigned commissioner reports (报到),
    acknowledging by ``acknowledge_by`` and closing by ``close_by`` (the office's deadlines,
    fixed when the request is raised). Each missed deadline escalates once."""

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Normal")
        URGENT = "urgent", _("Urgent")

    class Status(models.TextChoices):
        OPEN = "open", _("Awaiting acknowledgement")
        ACKNOWLEDGED = "acknowledged", _("Being handled")
        CLOSED = "closed", _("Closed")

    OPEN_STATUSES = (Status.OPEN, Status.ACKNOWLEDGED)

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="whistles"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("firm"), on_delete=models.CASCADE, related_name="whistles"
    )
    key_project = models.CharField(_("key project"), max_length=200, blank=True)
    title = models.CharField(_("what is needed"), max_length=200)
    details = models.TextField(_("details"), blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    raised_by = user_fk(_("raised by"))
    raised_at = models.DateTimeField(_("raised"), default=timezone.now)
    commissioner = user_fk(_("commissioner"), "whistles", null=True)
    acknowledge_by = models.DateTimeField(_("acknowledge by"))
    close_by = models.DateTimeField(_("close by"))
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.OPEN
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    resolution = models.TextField(_("what was done"), blank=True)
    acknowledge_escalated_at = models.DateTimeField(null=True, blank=True)
    close_escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("whistle request")
        verbose_name_plural = _("whistle requests")
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(close_by__gte=F("acknowledge_by")), name="whistle_deadline_order"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "acknowledge_by"], name="whistle_ack_due"),
            models.Index(fields=["status", "close_by"], name="whistle_close_due"),
            models.Index(fields=["office", "-raised_at"], name="whistle_office"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:commissioners:whistle", args=[self.pk])

    @property
    def acknowledged_late(self) -> bool:
        return self.acknowledged_at is not None and self.acknowledged_at > self.acknowledge_by

    @property
    def closed_late(self) -> bool:
        return self.closed_at is not None and self.closed_at > self.close_by
