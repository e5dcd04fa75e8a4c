"""The organizer's decisions on an event's pairing plan."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Challenge, exactly_one

from .event import Event


class PlanConstraint(models.Model):
    """An organizer's decision on one pair of the event's pairing plan — an expert with a
    mentee or with a demand: locked in (always planned) or ruled out (never planned)."""

    class Kind(models.TextChoices):
        LOCKED = "locked", _("Locked in")
        RULED_OUT = "ruled_out", _("Ruled out")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="plan_constraints"
    )
    mentor = models.ForeignKey(
        "mentors.Mentor", verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="+"
    )
    mentee = models.ForeignKey(
        "mentors.Mentee",
        verbose_name=_("mentee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("demand"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("decision"), max_length=20, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pairing plan decision")
        verbose_name_plural = _("pairing plan decisions")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("mentee", "challenge"), name="plan_pair_one_target"
            ),
            models.UniqueConstraint(fields=["event", "mentor", "mentee"], name="plan_pair_once"),
            models.UniqueConstraint(
                fields=["event", "mentor", "challenge"], name="plan_demand_pair_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.target}: {self.kind}"

    @property
    def target(self):
        return self.mentee or self.challenge
