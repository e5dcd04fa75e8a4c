"""Accounts and in-app notifications: the lowest layer, imported by every other app."""

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .storage import unguessable_name


class Role(models.TextChoices):
    """The roles a person can hold; one person may hold several at once."""

    ORGANIZER = "organizer", _("Organizer")
    MENTOR = "mentor", _("Expert (mentor)")
    MENTEE = "mentee", _("Mentee")
    ENTERPRISE = "enterprise", _("Enterprise representative")
    ADMIN = "admin", _("Administrator")


# Roles anyone may pick at sign-up; organizer and admin are granted by an administrator.
SELF_SERVICE_ROLES = (Role.MENTOR, Role.MENTEE, Role.ENTERPRISE)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, is_admin=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in; roles are flags so that one account can hold several."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("mobile phone"), max_length=30, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    is_organizer = models.BooleanField(_("organizer"), default=False)
    is_mentor = models.BooleanField(_("expert (mentor)"), default=False)
    is_mentee = models.BooleanField(_("mentee"), default=False)
    is_enterprise = models.BooleanField(_("enterprise representative"), default=False)
    is_admin = models.BooleanField(_("administrator"), default=False)
    is_staff = models.BooleanField(_("can use the admin site"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name

    def has_role(self, role: str) -> bool:
        return bool(getattr(self, f"is_{role}", False))

    @property
    def roles(self) -> list[Role]:
        return [role for role in Role if self.has_role(role.value)]


class Notification(models.Model):
    """A message for one user, shown in the portal and sent by e-mail.

    ``key`` makes delivery idempotent: the same event notified twice yields one row.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=200)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notification_unique_key"),
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.title


class AuditEntry(models.Model):
    """One state change: who did what to which object, the values it changed, and from where.

    Written by the service that makes the change, in the same transaction.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=80)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("object type"), on_delete=models.CASCADE
    )
    object_id = models.CharField(_("object id"), max_length=40)
    object_repr = models.CharField(_("object"), max_length=200)
    changes = models.JSONField(
        _("changed values"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"], name="audit_object"),
            models.Index(fields=["-created_at"], name="audit_recent"),
            models.Index(fields=["action", "-created_at"], name="audit_action"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}"


class Job(models.Model):
    """A long piece of background work whose progress a page follows (exports, recomputes)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=40)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("to do"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE or not self.total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, self.done * 100 // self.total)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


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
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
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


class Region(models.Model):
    """A division of China with its official code; its descendants' codes start with it."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Province")
        CITY = 2, _("City")
        COUNTY = 3, _("County")
        TOWN = 4, _("Town")

    code = models.CharField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("place name"), max_length=50, db_index=True)
    full_name = models.CharField(_("full name"), max_length=150)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class CertificateKind(models.TextChoices):
    APPOINTMENT = "appointment", _("Appointment certificate")
    PAIRING = "pairing", _("Pairing certificate")
    AWARD = "award", _("Award certificate")


def seal_upload_to(instance, filename: str) -> str:
    return unguessable_name("seals", filename)


class CertificateTemplate(models.Model):
    """How an office's certificates of one kind read; the seal image is a private file."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="certificate_templates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    heading = models.CharField(_("heading"), max_length=40)
    body = models.TextField(_("wording"), max_length=1000)
    signature = models.CharField(_("signature line"), max_length=200)
    seal = models.FileField(_("seal image"), upload_to=seal_upload_to, blank=True)

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(fields=["office", "kind"], name="certificate_template_kind")
        ]

    def __str__(self) -> str:
        return f"{self.office} · {self.get_kind_display()}"


def certificate_code() -> str:
    """128 random bits: the public code in a certificate's verification link."""
    return secrets.token_urlsafe(16)


class Certificate(models.Model):
    """A certificate an office issues (to anyone: holder and subject are generic references),
    verifiable by anyone through its unguessable code."""

    office = models.ForeignKey(
        Office, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CertificateKind.choices)
    holder_name = models.CharField(_("holder"), max_length=100)
    holder_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    holder_id = models.CharField(max_length=40, blank=True)
    holder = GenericForeignKey("holder_type", "holder_id")
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_id = models.CharField(max_length=40, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    title = models.CharField(_("conferred title"), max_length=200)
    number = models.CharField(_("number"), max_length=40, blank=True)
    term_start = models.DateField(_("term from"), null=True, blank=True)
    term_end = models.DateField(_("term until"), null=True, blank=True)
    code = models.CharField(max_length=32, unique=True, default=certificate_code)
    # The heading, wording and signature as printed, frozen when the certificate is issued.
    wording = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "number"],
                condition=~models.Q(number=""),
                name="certificate_number",
            )
        ]
        indexes = [
            models.Index(fields=["holder_type", "holder_id"], name="certificate_holder"),
            models.Index(fields=["subject_type", "subject_id"], name="certificate_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.holder_name}"

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        if not self.issued_at:
            return "draft"
        if self.term_end and self.term_end < timezone.localdate():
            return "expired"
        return "valid"
