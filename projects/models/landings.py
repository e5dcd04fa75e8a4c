"""Landings (落地): where a posting settled, down to the village, and with what investment."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Region

from .postings import Challenge, PostingPart, Project, exactly_one, posting_fk


class Landing(PostingPart, Region):
    """Where a posting landed (落地) and with what investment; feeds the event statistics."""

    project = posting_fk(Project, "landing", _("project"), one=True)
    challenge = posting_fk(Challenge, "landing", _("demand"), one=True)
    intended_investment = models.PositiveBigIntegerField(
        _("intended investment (yuan)"), null=True, blank=True
    )
    signed_investment = models.PositiveBigIntegerField(
        _("signed investment (yuan)"), null=True, blank=True
    )
    town = models.CharField(_("town / sub-district"), max_length=40, blank=True)
    village = models.CharField(_("village / community"), max_length=40, blank=True)
    landed_on = models.DateField(_("landing date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("landing")
        verbose_name_plural = _("landings")
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge"), name="landing_one_posting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.posting} @ {self.region_label}"

    @property
    def region_label(self) -> str:
        """The place down to the town and village, where they were recorded."""
        return super().region_label + "".join(part for part in (self.town, self.village) if part)
