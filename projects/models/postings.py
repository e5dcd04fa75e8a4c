"""Projects (成果榜单) and challenges (需求榜单, 揭榜挂帅): the postings of the two boards, their
shared lifecycle, and the base of everything that belongs to one posting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain, Mentee, Mentor, Organization, Region, exactly_one
from talentbridge.models import Office


class Status(models.TextChoices):
    """The lifecycle shared by projects and challenges."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    CLAIMED = "claimed", _("Claimed")
    IN_PROGRESS = "in_progress", _("In progress")
    SOLVED = "solved", _("Solved")
    LANDED = "landed", _("Landed")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses in which a posting is on the public boards.
PUBLIC_STATUSES = (
    Status.PUBLISHED,
    Status.CLAIMED,
    Status.IN_PROGRESS,
    Status.SOLVED,
    Status.LANDED,
    Status.CLOSED,
)
# Statuses in which a posting accepts new claims (while it has a free slot).
CLAIMABLE_STATUSES = (Status.PUBLISHED, Status.CLAIMED)


class Posting(Region):
    """What projects and challenges share. The inherited region is where it should land."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), help_text=_("Public: shown on the board."))
    details = models.TextField(
        _("details"),
        blank=True,
        help_text=_("Shown to logged-in users, or only to accepted claimants if confidential."),
    )
    confidential = models.BooleanField(
        _("confidential details"),
        default=False,
        help_text=_("Show the details only to the parties of an accepted claim."),
    )
    poster_mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("posted by expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    poster_mentee = models.ForeignKey(
        Mentee,
        verbose_name=_("posted by mentee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    poster_organization = models.ForeignKey(
        Organization,
        verbose_name=_("posted by organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The office whose review queue the posting goes to and whose managers run it; empty only
    # on rows from before offices existed (the platform administrators run those).
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        help_text=_("The office that reviews and publishes it."),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    slots = models.PositiveSmallIntegerField(
        _("slots"), default=1, help_text=_("How many claims can be accepted.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Lower-cased title, summary, expertise, region and poster: what the board search matches.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def poster(self) -> Mentor | Mentee | Organization:
        return self.poster_mentor or self.poster_mentee or self.poster_organization

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def reward_label(self) -> str:
        return ""

    def get_absolute_url(self) -> str:
        return reverse("projects:posting", kwargs={"kind": self.kind, "pk": self.pk})


def _poster_constraint(model: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=exactly_one("poster_mentor", "poster_mentee", "poster_organization"),
        name=f"{model}_one_poster",
    )


class Challenge(Posting):
    """A demand (需求) on the demand board: a problem for experts to solve (揭榜挂帅)."""

    class ProblemKind(models.TextChoices):
        BOTTLENECK = "bottleneck", _("Bottleneck technology")
        STARTUP = "startup", _("Start-up problem")
        MANAGEMENT = "management", _("Management")
        OTHER = "other", _("Other")

    kind = "challenges"

    fields = models.ManyToManyField(
        IndustryChain, verbose_name=_("fields"), blank=True, related_name="challenges"
    )
    problem_kind = models.CharField(
        _("kind of problem"),
        max_length=20,
        choices=ProblemKind.choices,
        default=ProblemKind.BOTTLENECK,
    )
    required_expertise = models.CharField(_("required expertise"), max_length=300, blank=True)
    reward_min = models.PositiveBigIntegerField(_("reward from (yuan)"), null=True, blank=True)
    reward_max = models.PositiveBigIntegerField(_("reward up to (yuan)"), null=True, blank=True)
    reward_negotiable = models.BooleanField(_("reward negotiable"), default=False)

    class Meta(Posting.Meta):
        verbose_name = _("demand")
        verbose_name_plural = _("demands")
        constraints = [
            _poster_constraint("challenge"),
            models.CheckConstraint(condition=Q(slots__gte=1), name="challenge_slots_positive"),
            models.CheckConstraint(
                condition=Q(reward_min__isnull=True)
                | Q(reward_max__isnull=True)
                | Q(reward_max__gte=models.F("reward_min")),
                name="challenge_reward_range",
            ),
        ]
        # The "highest amount first" index (NULLS LAST) is PostgreSQL-only: migration 0002.
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="challenge_newest"),
            models.Index(fields=["deadline", "-id"], name="challenge_deadline"),
            models.Index(fields=["status"], name="challenge_status"),
            models.Index(fields=["province"], name="challenge_region"),
        ]


class Project(Posting):
    """A mature project or achievement (成果) on the achievement board, for founders to take up."""

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PROTOTYPE = "prototype", _("Prototype")
        MATURE = "mature", _("Mature industrial project")

    kind = "projects"

    fields = models.ManyToManyField(
        IndustryChain, verbose_name=_("fields"), blank=True, related_name="projects"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.MATURE)
    seeks_cofounder = models.BooleanField(_("seeks a co-founder"), default=False)
    seeks_investment = models.BooleanField(_("seeks investment"), default=False)
    seeks_landing = models.BooleanField(_("seeks a landing site"), default=False)
    intended_investment = models.PositiveBigIntegerField(
        _("intended investment (yuan)"), null=True, blank=True
    )

    class Meta(Posting.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            _poster_constraint("project"),
            models.CheckConstraint(condition=Q(slots__gte=1), name="project_slots_positive"),
        ]
        # The "highest amount first" index (NULLS LAST) is PostgreSQL-only: migration 0002.
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="project_newest"),
            models.Index(fields=["deadline", "-id"], name="project_deadline"),
            models.Index(fields=["status"], name="project_status"),
            models.Index(fields=["province"], name="project_region"),
        ]


def posting_fk(model, related_name: str, verbose_name, *, one=False):
    """A link to a project or a challenge, one of which every posting part sets."""
    field = models.OneToOneField if one else models.ForeignKey
    return field(
        model,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name=related_name,
    )


class PostingPart(models.Model):
    """Something that belongs to exactly one project or one challenge."""

    class Meta:
        abstract = True

    @property
    def posting(self) -> Project | Challenge:
        return self.project or self.challenge
