"""An event's expert invitations (求贤帖): the experts the organizers invite to an event as
its mentors (师傅), and each one's reply."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentor

from .event import Event


class ExpertInvitation(models.Model):
    """One expert invited to one event; the reply comes from the e-mailed link or from the
    expert's "my events" page. Only the SHA-256 of the link's token is stored."""

    class Status(models.TextChoices):
        INVITED = "invited", _("No answer yet")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="expert_invitations"
    )
    mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="event_invitations",
    )
    status = models.CharField(
        _("reply"), max_length=20, choices=Status.choices, default=Status.INVITED
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)

    class Meta:
        verbose_name = _("expert invitation (求贤帖)")
        verbose_name_plural = _("expert invitations (求贤帖)")
        ordering = ["event", "mentor__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "mentor"], name="expertinvitation_once"),
        ]
        indexes = [models.Index(fields=["event", "status"], name="expertinvitation_status")]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.event}"
