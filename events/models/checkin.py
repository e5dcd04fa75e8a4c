"""Check-in scans a desk made, possibly offline: each carries an id the desk generated, so a
scan replayed after a lost answer is applied once and answers the same."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .event import Event
from .registration import Registration


class CheckInScan(models.Model):
    class Outcome(models.TextChoices):
        CHECKED_IN = "checked_in", _("Checked in")
        ALREADY = "already", _("Already checked in")
        REFUSED = "refused", _("Refused")

    scan_id = models.UUIDField()
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="checkin_scans")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, null=True, blank=True, related_name="scans"
    )
    code = models.CharField(max_length=40)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    message = models.CharField(max_length=300, blank=True)
    scanned_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-scanned_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "scan_id"], name="checkin_scan_once")
        ]

    def __str__(self):
        return f"{self.code} {self.outcome}"
