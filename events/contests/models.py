"""Contests, their tracks, criteria, rounds, entries, judges' sheets and awards."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from talentbridge.storage import unguessable_name

DEFAULT_JUDGES_PER_ENTRY = 3
DEFAULT_ENTRIES_PER_JUDGE = 40


def entry_file_upload_to(instance, filename: str) -> str:
    return unguessable_name("contests", filename)


class Contest(models.Model):
    """An innovation and entrepreneurship contest run by an office, usually at an event."""

    office = models.ForeignKey(
        "talentbridge.Office", on_delete=models.PROTECT, related_name="contests"
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contests",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    rules = models.TextField(_("rules"), blank=True)
    prizes = models.TextField(_("prizes"), blank=True)
    timeline = models.TextField(_("timeline"), blank=True)
    groups = models.CharField(
        _("groups"), max_length=200, blank=True, help_text=_("One per line or comma-separated")
    )
    deadline = models.DateTimeField(_("entry deadline"))
    judges_per_entry = models.PositiveSmallIntegerField(
        _("judges per entry"), default=DEFAULT_JUDGES_PER_ENTRY
    )
    entries_per_judge = models.PositiveSmallIntegerField(
        _("entries per judge at most"), default=DEFAULT_ENTRIES_PER_JUDGE
    )
    blind = models.BooleanField(_("blind review (team names hidden from judges)"), default=False)
    is_public = models.BooleanField(_("public"), default=True)
    results_published = models.BooleanField(_("results published"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def group_list(self) -> list[str]:
        return [g.strip() for g in self.groups.replace(",", "\n").splitlines() if g.strip()]

    @property
    def is_open(self) -> bool:
        return timezone.now() < self.deadline


class Track(models.Model):
    """A track (赛道) of a contest with its own judges."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(pgettext_lazy("of a thing", "name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    judges = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="judged_tracks"
    )
    finalists = models.PositiveSmallIntegerField(_("finalists"), default=10)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["contest", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "name"], name="track_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """A scoring criterion with its weight; a judge gives 0 … ``max_score`` points."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(pgettext_lazy("of a thing", "name"), max_length=100)
    weight = models.PositiveSmallIntegerField(_("weight"), default=25)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=10)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["contest", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(max_score__gte=1), name="criterion_max_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight})"


class EligibilityQuestion(models.Model):
    """A yes/no or short question the organizer asks every team."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["contest", "position", "id"]

    def __str__(self) -> str:
        return self.text


class Round(models.Model):
    """The preliminary (online) or final (on site) round; judges score while it is open."""

    class Kind(models.TextChoices):
        PRELIMINARY = "preliminary", _("Preliminary")
        FINAL = "final", _("Final")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("round"), max_length=20, choices=Kind.choices)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The final's team on stage, shown on the big screen.
    current = models.ForeignKey(
        "events.Entry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["contest", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "kind"], name="round_unique_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.contest} · {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Entry(models.Model):
    """A team's entry (参赛项目): a draft until submitted before the deadline."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("contest entry", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("contest entry", "Submitted")
        WITHDRAWN = "withdrawn", pgettext_lazy("contest entry", "Withdrawn")
        FINALIST = "finalist", pgettext_lazy("contest entry", "Advanced to the final")
        NOT_ADVANCED = "not_advanced", pgettext_lazy("contest entry", "Not advanced")
        AWARDED = "awarded", pgettext_lazy("contest entry", "Awarded")

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PROTOTYPE = "prototype", _("Prototype")
        REVENUE = "revenue", _("First revenue")
        GROWTH = "growth", _("Growing")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries")
    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="entries")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contest_entries"
    )
    team_name = models.CharField(_("team"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    members = models.TextField(_("members"), blank=True, help_text=_("One person per line"))
    project_title = models.CharField(_("project"), max_length=200)
    summary = models.TextField(_("project summary"), blank=True)
    group = models.CharField(_("group"), max_length=50, blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    region = models.CharField(_("region"), max_length=100, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    business_plan = models.FileField(upload_to=entry_file_upload_to, blank=True)
    business_plan_name = models.CharField(max_length=200, blank=True)
    slides = models.FileField(upload_to=entry_file_upload_to, blank=True)
    slides_name = models.CharField(max_length=200, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    final_position = models.PositiveSmallIntegerField(null=True, blank=True)
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contest entry")
        verbose_name_plural = _("contest entries")
        ordering = ["contest", "track", "id"]
        indexes = [models.Index(fields=["contest", "status"], name="entry_contest_status")]

    def __str__(self) -> str:
        return f"{self.team_name} · {self.project_title}"


class Conflict(models.Model):
    """A judge's declared conflict of interest with one entry; never assigned to it."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="conflicts")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contest_conflicts"
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "judge"], name="conflict_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.judge} × {self.entry}"


class AssignmentRule(models.Model):
    """An organizer's decision on one judge × entry of a round: always (locked) or never."""

    class Kind(models.TextChoices):
        LOCKED = "locked", _("Locked")
        RULED_OUT = "ruled_out", _("Ruled out")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="rules")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "entry", "judge"], name="assignment_rule_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.judge} × {self.entry}"


class JudgeAssignment(models.Model):
    """One judge's sheet for one entry in one round, with the expertise fit that chose it."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assignments")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="assignments")
    judge = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judge_assignments"
    )
    fit = models.FloatField(default=0.0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["round", "entry", "judge"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "entry", "judge"], name="judge_assignment_unique"
            ),
        ]
        indexes = [models.Index(fields=["judge", "round"], name="assignment_judge_round")]

    def __str__(self) -> str:
        return f"{self.judge} × {self.entry}"


class Score(models.Model):
    """A judge's marks on one sheet: points per criterion and the weighted total (0–100)."""

    assignment = models.OneToOneField(
        JudgeAssignment, on_delete=models.CASCADE, related_name="score"
    )
    marks = models.JSONField(default=dict)
    total = models.FloatField(default=0.0)
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.assignment} · {self.total}"


class Award(models.Model):
    """A prize of a track and group, proposed from the ranking and confirmed by an organizer."""

    class Prize(models.TextChoices):
        FIRST = "first", _("First prize")
        SECOND = "second", _("Second prize")
        THIRD = "third", _("Third prize")
        EXCELLENCE = "excellence", _("Excellence award")

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="award")
    prize = models.CharField(_("prize"), max_length=20, choices=Prize.choices)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["entry__track", "prize", "entry"]

    def __str__(self) -> str:
        return f"{self.get_prize_display()}: {self.entry}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
