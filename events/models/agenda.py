"""The agenda: the sessions of an event's day."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .event import Event


class Session(models.Model):
    """An agenda item: project sharing, demand roadshow, 揭榜挂帅, the ceremony, a forum."""

    class Kind(models.TextChoices):
        PROJECT_SHARING = "project_sharing", _("Project sharing session")
        DEMAND_ROADSHOW = "demand_roadshow", _("Demand roadshow")
        OPEN_CHALLENGE = "open_challenge", _("Open challenge (揭榜挂帅) session")
        PAIRING_CEREMONY = "pairing_ceremony", _("Pairing ceremony")
        FORUM = "forum", _("Forum")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title
