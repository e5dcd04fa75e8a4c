"""An event's team: the people who hold a role at one event (co-organizer, reviewer,
check-in staff, ceremony operator), and the invitations by e-mail of those without an
account yet. The managers of the event's office run the event without holding a role."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .event import Event


class EventRole(models.TextChoices):
    """A person's role at one event; each role opens one set of tools."""

    CO_ORGANIZER = "co_organizer", _("Co-organizer")
    REVIEWER = "reviewer", _("Reviewer")
    CHECKIN = "checkin", _("Check-in staff")
    CEREMONY = "ceremony", _("Ceremony operator")
    MEETINGS = "meetings", _("Meeting table staff")


class EventMember(models.Model):
    """One role of one person at one event."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=EventRole.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("event team member")
        verbose_name_plural = _("event team members")
        ordering = ["event", "role", "user__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user", "role"], name="eventmember_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.event}"


class TeamInvitation(models.Model):
    """An invitation by e-mail to join an event's team in a role: expiring, single use.

    Only the SHA-256 of the link's token is stored, so the table does not leak working links.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Invited")
        ACCEPTED = "accepted", _("Joined")
        REVOKED = "revoked", _("Withdrawn")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="team_invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=EventRole.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("event team invitation")
        verbose_name_plural = _("event team invitations")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email} → {self.event}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
