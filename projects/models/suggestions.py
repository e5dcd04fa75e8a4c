"""Match suggestions (智能推荐) written by the matching jobs, and users' verdicts on them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor

from .postings import Challenge, Project, exactly_one, posting_fk


class MatchSuggestion(models.Model):
    """One scored, explained candidate for a target, written by the matching jobs.

    Who is suggested and for what: an expert for a demand, a mentee (founder) for a project,
    or an expert for a mentee ("mentors for you"). A target's rows are replaced together,
    so a reader sees either the old list or the new one, never a mix.
    """

    mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("expert"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="match_suggestions",
    )
    mentee = models.ForeignKey(
        Mentee,
        verbose_name=_("mentee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="match_suggestions",
    )
    challenge = posting_fk(Challenge, "suggestions", _("demand"))
    project = posting_fk(Project, "suggestions", _("project"))
    for_mentee = models.ForeignKey(
        Mentee,
        verbose_name=_("for mentee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentor_suggestions",
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    # Engine reasons as written by projects.matching ("terms:海洋,sensor", "tags:…").
    reasons = models.JSONField(_("reasons"), default=list)
    engine_version = models.CharField(_("engine version"), max_length=40)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        verbose_name = _("match suggestion")
        verbose_name_plural = _("match suggestions")
        ordering = ["rank", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(challenge__isnull=False, mentor__isnull=False, mentee__isnull=True)
                | Q(project__isnull=False, mentee__isnull=False, mentor__isnull=True)
                | Q(for_mentee__isnull=False, mentor__isnull=False, mentee__isnull=True),
                name="suggestion_valid_pair",
            ),
            models.CheckConstraint(
                condition=exactly_one("challenge", "project", "for_mentee"),
                name="suggestion_one_target",
            ),
            models.UniqueConstraint(fields=["challenge", "mentor"], name="suggestion_challenge"),
            models.UniqueConstraint(fields=["project", "mentee"], name="suggestion_project"),
            models.UniqueConstraint(fields=["for_mentee", "mentor"], name="suggestion_mentee"),
        ]
        indexes = [
            models.Index(fields=["mentor", "-score"], name="suggestion_by_mentor"),
            models.Index(fields=["mentee", "-score"], name="suggestion_by_mentee"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.target} ({self.score:.2f})"

    @property
    def candidate(self) -> Mentor | Mentee:
        return self.mentor or self.mentee

    @property
    def target(self) -> Challenge | Project | Mentee:
        return self.challenge or self.project or self.for_mentee


class SuggestionFeedback(models.Model):
    """A user's verdict on a suggested pair, kept across recomputes for later tuning."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="suggestion_feedback",
    )
    mentor = models.ForeignKey(
        Mentor, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    mentee = models.ForeignKey(
        Mentee, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    challenge = models.ForeignKey(
        Challenge, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    for_mentee = models.ForeignKey(
        Mentee, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    relevant = models.BooleanField(_("relevant"))
    score = models.FloatField(_("score"))
    engine_version = models.CharField(_("engine version"), max_length=40)
    created_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("suggestion feedback")
        verbose_name_plural = _("suggestion feedback")
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("challenge", "project", "for_mentee"),
                name="feedback_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "challenge", "mentor"], name="feedback_once_challenge"
            ),
            models.UniqueConstraint(
                fields=["user", "project", "mentee"], name="feedback_once_project"
            ),
            models.UniqueConstraint(
                fields=["user", "for_mentee", "mentor"], name="feedback_once_mentee"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {'+' if self.relevant else '-'}"
