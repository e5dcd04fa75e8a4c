"""Postings of an event's call: projects and demands collected, posted on site (现场张榜)
and given roadshow slots."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Challenge, Project, exactly_one

from .agenda import Session
from .event import Event


class EventPosting(models.Model):
    """A project or demand collected by the event's call — submitted by its poster during the
    call window or added by the organizers; it may be posted on site (现场张榜) and get a
    roadshow slot in an agenda session, with its place in the running order."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="postings"
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_links",
    )
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("demand"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_links",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The poster who submitted it to the call; empty when the organizers added it."),
    )
    posted_on_site = models.BooleanField(_("posted on site"), default=False)
    session = models.ForeignKey(
        Session,
        verbose_name=_("roadshow session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
    )
    slot_order = models.PositiveSmallIntegerField(_("running order"), null=True, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("posting of an event")
        verbose_name_plural = _("postings of an event")
        ordering = ["session", "slot_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge"), name="eventposting_one_posting"
            ),
            models.UniqueConstraint(fields=["event", "project"], name="eventposting_project_once"),
            models.UniqueConstraint(
                fields=["event", "challenge"], name="eventposting_challenge_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.posting)

    @property
    def posting(self) -> Project | Challenge:
        return self.project or self.challenge
