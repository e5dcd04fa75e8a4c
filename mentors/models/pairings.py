"""Mentor–mentee pairings (师徒结对)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .profiles import Mentee, Mentor


class Pairing(models.Model):
    """A mentor–mentee pairing (师徒结对) that outlives the event where it was formed.

    Claims (projects/) and ceremonies (events/) point here; this model knows neither.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", pgettext_lazy("pairing status", "Accepted")
        CELEBRATED = "celebrated", _("Celebrated at a ceremony")
        ACTIVE = "active", _("Active")
        CONCLUDED = "concluded", _("Concluded")
        DISSOLVED = "dissolved", _("Dissolved")

    # Statuses in which the pairing takes one of the mentor's capacity places.
    OCCUPYING = (Status.ACCEPTED, Status.CELEBRATED, Status.ACTIVE)
    OPEN = (Status.PROPOSED, *OCCUPYING)

    mentor = models.ForeignKey(
        Mentor, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="pairings"
    )
    mentee = models.ForeignKey(
        Mentee, verbose_name=_("mentee"), on_delete=models.CASCADE, related_name="pairings"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    note = models.TextField(_("note"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    celebrated_at = models.DateTimeField(_("celebrated"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("pairing")
        verbose_name_plural = _("pairings")
        ordering = ["-proposed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=["proposed", "accepted", "celebrated", "active"]),
                name="pairing_one_open_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["mentor", "status"], name="pairing_mentor_status")]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.mentee}"
