"""The talent map's platform counts, kept as a rollup (see ``events/services/talent_map.py``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TalentCount(models.Model):
    """How many rows of one kind (experts, demands…) the platform, or one office, has in a
    county (or a coarser division, when a row names no finer one; "" when none) and one field
    (``field`` empty: in all fields, each row once). Rebuilt whole by
    ``refresh_talent_counts``; ``counted_at`` says when."""

    kind = models.CharField(_("kind"), max_length=20)
    # The office holding the rows counted; empty: the whole platform's.
    office = models.ForeignKey(
        "talentbridge.Office", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    region_code = models.CharField(_("region code"), max_length=12, blank=True)
    field = models.ForeignKey(
        "mentors.IndustryChain", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField(_("count"))
    counted_at = models.DateTimeField(_("counted at"))

    class Meta:
        verbose_name = _("talent map count")
        verbose_name_plural = _("talent map counts")
        indexes = [
            models.Index(fields=["kind", "office", "region_code"], name="talentcount_lookup")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.region_code or '-'} {self.field_id or '*'}: {self.count}"
