"""Follow-ups (跟踪回访): yearly or on-demand check-ins on a landing — is it operating, what
was invested, what it earns, the jobs and talents it brought."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .landings import Landing


class FollowUp(models.Model):
    """One check-in on a landed project: its state on ``checked_on``."""

    class OperatingStatus(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        OPERATING = "operating", _("Operating")
        EXPANDING = "expanding", _("Expanding")
        SUSPENDED = "suspended", _("Suspended")
        CLOSED = "closed", _("Closed")

    class RevenueBand(models.TextChoices):
        NONE = "none", _("No revenue yet")
        UNDER_1M = "under_1m", _("Under ¥1 million")
        UNDER_10M = "under_10m", _("¥1–10 million")
        UNDER_100M = "under_100m", _("¥10–100 million")
        OVER_100M = "over_100m", _("¥100 million or more")

    landing = models.ForeignKey(
        Landing, verbose_name=_("landing"), on_delete=models.CASCADE, related_name="followups"
    )
    checked_on = models.DateField(_("checked on"))
    status = models.CharField(_("operating status"), max_length=20, choices=OperatingStatus.choices)
    actual_investment = models.PositiveBigIntegerField(
        _("actual investment (yuan)"), null=True, blank=True
    )
    revenue_band = models.CharField(
        _("revenue band"), max_length=20, choices=RevenueBand.choices, blank=True
    )
    jobs_created = models.PositiveIntegerField(_("jobs created"), default=0)
    talents_brought = models.PositiveIntegerField(_("talents brought in"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-checked_on", "-pk"]
        indexes = [models.Index(fields=["landing", "checked_on"])]

    def __str__(self) -> str:
        return f"{self.landing_id} @ {self.checked_on}"
