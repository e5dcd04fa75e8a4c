"""A firm–expert match proposed by an office's matchmaking list."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentor, Organization
from talentbridge.models import Office


class FirmMatch(models.Model):
    """An expert proposed to a firm by an office's matchmaking (老乡专家 ↔ 本地企业)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="firm_matches")
    organization = models.ForeignKey(
        Organization, verbose_name=_("firm"), on_delete=models.CASCADE, related_name="matches"
    )
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="firm_matches"
    )
    score = models.FloatField(_("score"))
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("firm match")
        verbose_name_plural = _("firm matches")
        ordering = ["organization__name", "-score", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "organization", "mentor"], name="firm_match_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ↔ {self.mentor}"
