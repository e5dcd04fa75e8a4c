"""Offices, their members and invitations."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    """A body that runs programmes: a talent service centre, a district government, a
    county's 顾问之家. It owns its events, review queue, the people it holds and its staff."""

    class Kind(models.TextChoices):
        TALENT_CENTRE = "talent_centre", _("Talent service centre")
        GOVERNMENT = "government", _("Local government")
        ORGANISATION_DEPARTMENT = "organisation_department", _("Organisation department")
        HOMETOWN = "hometown", _("Hometown advisers' office")
        MINISTRY = "ministry", _("Ministry body")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    region = models.CharField(_("region"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficeRole(models.TextChoices):
    """A person's role in one office; one person may hold several."""

    OWNER = "owner", _("Owner")
    MANAGER = "manager", _("Manager")
    REVIEWER = "reviewer", _("Reviewer")
    STAFF = "staff", _("Staff")
    JUDGE = "judge", _("Judge")
    COMMISSIONER = "commissioner", _("Technology commissioner")
    LIAISON = "liaison", _("Liaison")


# Roles that run the office: its events, members, imports, contacts and exports.
MANAGING_ROLES = (OfficeRole.OWNER, OfficeRole.MANAGER)


class Membership(models.Model):
    """One role of one person in one office."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=OfficeRole.choices)
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("office member")
        verbose_name_plural = _("office members")
        ordering = ["office", "user__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "user", "role"], name="membership_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.office}"


class Invitation(models.Model):
    """An invitation by e-mail to join an office in a role: expiring, single use.

    The link carries a random token; only its SHA-256 is stored, so the table does not leak
    working links.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Invited")
        ACCEPTED = "accepted", _("Joined")
        REVOKED = "revoked", _("Withdrawn")

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=OfficeRole.choices)
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
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("office invitation")
        verbose_name_plural = _("office invitations")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email} → {self.office}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
