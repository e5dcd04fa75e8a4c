"""Accounts and in-app notifications."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
