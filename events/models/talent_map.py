"""The talent map's platform counts, kept as a rollup (see ``events/services/talent_map.py``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TalentCount(models.Model):
    """How many rows of one kind (experts, demands…) a county (or a coarser division, when the
    row names no finer one; "" when none) holds in one field (``field`` empty: in all fields,
    each row once). Rebuilt whole by ``refresh_talent_counts``; ``counted_at`` says when."""

    kind = models.CharField(_("kind"), max_length=20)
    region_code = models.CharField(_("region code"), max_length=12, blank=True)
    field = models.ForeignKey(
        "mentors.IndustryChain", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField(_("count"))
    counted_at = models.DateTimeField(_("counted at"))

    class Meta:
        verbose_name = _("talent map count")
        verbose_name_plural = _("talent map counts")
        indexes = [models.Index(fields=["kind", "region_code"], name="talentcount_kind_region")]

    def __str__(self) -> str:
        return f"{self.kind} {self.region_code or '-'} {self.field_id or '*'}: {self.count}"
