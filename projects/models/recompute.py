"""Full recomputes of the suggestion lists, split into chunks that workers share.

A run's progress (status, total, done, who started it, when it finished) lives in its
``talentbridge.Job``, which every long job's page follows the same way.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The ``Job.kind`` of a full recompute.
RECOMPUTE_JOB = "projects.recompute"


class RecomputeRun(models.Model):
    """A full recompute of every suggestion list; its chunks are the units of its job."""

    job = models.OneToOneField(
        "talentbridge.Job",
        verbose_name=_("job"),
        on_delete=models.CASCADE,
        related_name="recompute_run",
    )

    class Meta:
        verbose_name = _("recompute run")
        verbose_name_plural = _("recompute runs")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.job.done}/{self.job.total}"


class RecomputeChunk(models.Model):
    """One chunk of a run; ``done_at`` is set once, so a re-delivered chunk counts once."""

    run = models.ForeignKey(RecomputeRun, on_delete=models.CASCADE, related_name="chunks")
    kind = models.CharField(max_length=20)
    first_id = models.PositiveBigIntegerField()
    size = models.PositiveIntegerField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "kind", "first_id"], name="chunk_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} from {self.first_id}"
