"""Events (大会 / 活动): a summit, forum, roadshow or matchmaking day and its call."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentor, Organization
from talentbridge.models import Office


class Event(models.Model):
    """A summit, forum, roadshow or matchmaking day, run by the managers of its office with
    the event's team."""

    class Kind(models.TextChoices):
        SUMMIT = "summit", _("Summit")
        FORUM = "forum", _("Forum")
        ROADSHOW = "roadshow", _("Roadshow")
        MATCHMAKING = "matchmaking", _("Matchmaking day")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        REGISTRATION_OPEN = "registration_open", _("Registration open")
        CLOSED = "closed", _("Registration closed")
        HELD = "held", _("Held")
        ARCHIVED = "archived", _("Archived")

    # Statuses in which the event page is public.
    PUBLIC = (
        Status.PUBLISHED,
        Status.REGISTRATION_OPEN,
        Status.CLOSED,
        Status.HELD,
        Status.ARCHIVED,
    )

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SUMMIT)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200)
    city = models.CharField(_("city"), max_length=60, blank=True)
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        null=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The office that runs the event; its managers manage it."),
    )
    co_host_offices = models.ManyToManyField(
        Office, verbose_name=_("co-host offices"), blank=True, related_name="co_hosted_events"
    )
    host = models.ForeignKey(
        Organization,
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
    )
    co_hosts = models.ManyToManyField(
        Organization, verbose_name=_("co-hosts"), blank=True, related_name="co_hosted_events"
    )
    description = models.TextField(_("description"), blank=True)
    call_text = models.TextField(
        _("call for projects and demands"),
        blank=True,
        help_text=_("The call (征集令) published with the event."),
    )
    call_opens_at = models.DateTimeField(_("call opens"), null=True, blank=True)
    call_closes_at = models.DateTimeField(_("call closes"), null=True, blank=True)
    invited_mentors = models.ManyToManyField(
        Mentor,
        verbose_name=_("invited experts"),
        related_name="invited_to_events",
        blank=True,
        help_text=_("Experts invited as mentors (师傅) of this event; counted in its figures."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_start")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC

    @property
    def is_past(self) -> bool:
        """Whether the event is over: reports speak of it in the past tense."""
        return self.ends_at < timezone.now()

    @property
    def call_is_open(self) -> bool:
        now = timezone.now()
        return bool(
            self.call_opens_at
            and self.call_closes_at
            and self.call_opens_at <= now <= self.call_closes_at
        )
