"""Signing records (签约): agreements signed at an event, in on-stage order when there is a
signing ceremony; a signing feeds a landing (落地)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Landing, Project

from .event import Event


class Signing(models.Model):
    """An agreement signed at an event: who signed, for how much, and what it landed as."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="signings"
    )
    title = models.CharField(_("agreement"), max_length=200)
    parties = models.CharField(_("parties"), max_length=300)
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signings",
    )
    amount = models.PositiveBigIntegerField(_("amount (yuan)"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"))
    on_stage = models.PositiveSmallIntegerField(
        _("on-stage order"),
        null=True,
        blank=True,
        help_text=_("Its place in the signing ceremony; empty when signed off stage."),
    )
    landing = models.OneToOneField(
        Landing,
        verbose_name=_("landing"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signing",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("signing")
        verbose_name_plural = _("signings")
        ordering = ["event", models.F("on_stage").asc(nulls_last=True), "signed_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "on_stage"], name="signing_one_per_stage_slot")
        ]

    def __str__(self) -> str:
        return self.title
