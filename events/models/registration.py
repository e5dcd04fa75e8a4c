"""Registration (报名): attendee categories with their seats and access, the organizers'
questions, and each person's place at an event with its check-in code."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .event import Event

# Unambiguous upper-case letters and digits for codes typed at the check-in desk.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def new_registration_code() -> str:
    """A random 12-character check-in code (60 bits): forging one by guessing is hopeless."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class AttendeeCategory(models.Model):
    """A kind of attendee with its own seats; a full category puts newcomers on a waitlist.

    ``access`` says who may take a seat: anyone (open), anyone once an organizer approves
    (approval), or only the people the organizers register (invitation: guests of honour,
    staff, the press).
    """

    class Kind(models.TextChoices):
        GUEST = "guest", _("Guest")
        EXPERT = "expert", _("Expert")
        MENTEE = "mentee", _("Mentee")
        ENTERPRISE = "enterprise", _("Enterprise representative")
        INVESTOR = "investor", _("Investor")
        MEDIA = "media", _("Media")
        STAFF = "staff", _("Staff")

    class Access(models.TextChoices):
        OPEN = "open", _("Open registration")
        APPROVAL = "approval", _("Requires approval")
        INVITATION = "invitation", _("By invitation only")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="categories"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GUEST)
    name = models.CharField(pgettext_lazy("of a thing", "name"), max_length=100)
    capacity = models.PositiveIntegerField(_("seats"))
    access = models.CharField(
        _("access"),
        max_length=20,
        choices=Access.choices,
        default=Access.OPEN,
        help_text=_(
            "Approval: an organizer approves each registration before it takes a seat. "
            "Invitation: the category is not offered on the registration form."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("attendee category")
        verbose_name_plural = _("attendee categories")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="category_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def requires_approval(self) -> bool:
        return self.access == self.Access.APPROVAL

    @property
    def is_invitation_only(self) -> bool:
        return self.access == self.Access.INVITATION


class Question(models.Model):
    """A question the organizers ask every registrant (or those of one category)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("Choice")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="questions"
    )
    category = models.ForeignKey(
        AttendeeCategory,
        verbose_name=_("only for category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    options = models.TextField(
        _("options"), blank=True, help_text=_("For a choice question: one option per line.")
    )
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class Registration(models.Model):
    """A person's place at an event (报名). Seats are counted from confirmed rows, never stored."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")
        CHECKED_IN = "checked_in", _("Checked in")

    # Statuses that hold a seat in the category.
    SEATED = (Status.CONFIRMED, Status.CHECKED_IN)
    ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITLISTED, Status.CHECKED_IN)

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    category = models.ForeignKey(
        AttendeeCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attendee"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    code = models.CharField(
        _("check-in code"), max_length=CODE_LENGTH, unique=True, default=new_registration_code
    )
    organization_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("title / position"), max_length=200, blank=True)
    consent_share_contacts = models.BooleanField(
        _("share my contact details with other attendees"), default=False
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    waitlisted_at = models.DateTimeField(_("waitlisted"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="registration_one_active_per_user",
            ),
        ]
        indexes = [
            models.Index(fields=["category", "status"], name="registration_category_status"),
            models.Index(fields=["category", "waitlisted_at"], name="registration_waitlist"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event}"

    @property
    def display_code(self) -> str:
        """The code in groups of four, easier to read out and type."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))


class Answer(models.Model):
    """A registrant's answer to one question."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="answer_unique"),
        ]

    def __str__(self) -> str:
        return self.value
