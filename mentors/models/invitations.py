"""Invitations for experts an office holds to claim their profile (求贤帖): a signed,
expiring, single-use link by e-mail, on a printed sheet or in a text for SMS and WeChat."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.models import Office

from .profiles import Mentor


class ClaimStatus(models.TextChoices):
    """Where an expert stands with an office's invitations (computed, not stored)."""

    NOT_INVITED = "not_invited", _("Not invited")
    INVITED = "invited", _("Invited")
    OPENED = "opened", _("Opened")
    JOINED = "joined", _("Joined")
    EXPIRED = "expired", _("Expired")
    BOUNCED = "bounced", _("Bounced")


class ProfileInvitation(models.Model):
    """One link inviting an expert to claim their profile.

    The link is signed with the site's secret and names this row and its random ``key``, so
    the table alone does not give working links, and a printed sheet can show the same link
    as the e-mail. At most one invitation per office and expert is pending at a time.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Invited")
        ACCEPTED = "accepted", _("Joined")
        REVOKED = "revoked", _("Replaced")
        BOUNCED = "bounced", _("Bounced")

    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="profile_invitations",
    )
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(
        _("e-mail address"), blank=True, help_text=_("Empty when the link was handed out only.")
    )
    key = models.CharField(max_length=40)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued"), default=timezone.now)
    # When the office last asked to e-mail the link, and when the mail last left: a repeated
    # mail task sends nothing once the latter has caught up with the former.
    email_requested_at = models.DateTimeField(_("e-mail requested"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("profile invitation")
        verbose_name_plural = _("profile invitations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "mentor"],
                condition=Q(status="pending"),
                name="profile_invitation_one_pending",
            ),
        ]
        indexes = [
            models.Index(
                fields=["office", "mentor", "-created_at"], name="profile_invitation_latest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} ← {self.office}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
