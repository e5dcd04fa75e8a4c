"""The boards: projects (成果榜单), challenges (需求榜单, 揭榜挂帅), claims (揭榜), attachments,
landings and the history of every posting. Imports mentors/ and talentbridge/, never events/."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain, Mentee, Mentor, Organization, Pairing, Region
from talentbridge.storage import attachment_upload_to


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


def exactly_one(*names: str) -> Q:
    """A condition true when exactly one of the named nullable columns is set."""
    condition = Q()
    for name in names:
        others = {f"{other}__isnull": True for other in names if other != name}
        condition |= Q(**{f"{name}__isnull": False}, **others)
    return condition


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


def _posting_fk(model, related_name: str, verbose_name, *, one=False):
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


class Claim(PostingPart):
    """An offer to take on a posting (揭榜), with a proposal; the poster accepts or declines."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Claims that block the same person from claiming the posting again.
    OPEN = (Status.SUBMITTED, Status.ACCEPTED)

    project = _posting_fk(Project, "claims", _("project"))
    challenge = _posting_fk(Challenge, "claims", _("demand"))
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claimant"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    mentor = models.ForeignKey(
        Mentor,
        verbose_name=_("as expert"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
    )
    mentee = models.ForeignKey(
        Mentee,
        verbose_name=_("as mentee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
    )
    organization_name = models.CharField(_("on behalf of"), max_length=200, blank=True)
    approach = models.TextField(_("approach"))
    timeline = models.CharField(_("timeline"), max_length=300)
    team = models.TextField(_("team"), blank=True)
    expected_result = models.TextField(_("expected result"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    decision_message = models.TextField(_("message from the poster"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    pairing = models.ForeignKey(
        Pairing,
        verbose_name=_("pairing"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("claimed"), default=timezone.now)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge"), name="claim_one_posting"
            ),
            models.UniqueConstraint(
                fields=["claimant", "project"],
                condition=Q(status__in=["submitted", "accepted"]),
                name="claim_one_open_per_project",
            ),
            models.UniqueConstraint(
                fields=["claimant", "challenge"],
                condition=Q(status__in=["submitted", "accepted"]),
                name="claim_one_open_per_challenge",
            ),
        ]
        indexes = [models.Index(fields=["claimant", "status"], name="claim_by_claimant")]

    def __str__(self) -> str:
        return f"{self.claimant} → {self.posting}"


class Attachment(PostingPart):
    """A file attached to a posting or a claim; checked for size and type on upload."""

    project = _posting_fk(Project, "attachments", _("project"))
    challenge = _posting_fk(Challenge, "attachments", _("demand"))
    claim = models.ForeignKey(
        Claim,
        verbose_name=_("claim"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_upload_to)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge", "claim"),
                name="attachment_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def posting(self) -> Project | Challenge:
        return self.claim.posting if self.claim_id else super().posting


class Landing(PostingPart, Region):
    """Where a posting landed (落地) and with what investment; feeds the event statistics."""

    project = _posting_fk(Project, "landing", _("project"), one=True)
    challenge = _posting_fk(Challenge, "landing", _("demand"), one=True)
    intended_investment = models.PositiveBigIntegerField(
        _("intended investment (yuan)"), null=True, blank=True
    )
    signed_investment = models.PositiveBigIntegerField(
        _("signed investment (yuan)"), null=True, blank=True
    )
    town = models.CharField(_("town / sub-district"), max_length=40, blank=True)
    village = models.CharField(_("village / community"), max_length=40, blank=True)
    landed_on = models.DateField(_("landing date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("landing")
        verbose_name_plural = _("landings")
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge"), name="landing_one_posting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.posting} @ {self.region_label}"

    @property
    def region_label(self) -> str:
        """The place down to the town and village, where they were recorded."""
        return super().region_label + "".join(part for part in (self.town, self.village) if part)


class PostingEvent(PostingPart):
    """One entry in a posting's history: who did what, when, from which status to which."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        SENT_BACK = "sent_back", _("Sent back")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CLAIMED = "claimed", _("Claim received")
        CLAIM_ACCEPTED = "claim_accepted", _("Claim accepted")
        CLAIM_DECLINED = "claim_declined", _("Claim declined")
        CLAIM_WITHDRAWN = "claim_withdrawn", _("Claim withdrawn")
        STARTED = "started", _("Work started")
        SOLVED = "solved", _("Solved")
        LANDED = "landed", _("Landing recorded")
        CLOSED = "closed", _("Closed")

    project = _posting_fk(Project, "history", _("project"))
    challenge = _posting_fk(Challenge, "history", _("demand"))
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge"), name="postingevent_one_posting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.posting}: {self.action}"


# --- Match suggestions (智能推荐) ----------------------------------------------------------------


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
    challenge = _posting_fk(Challenge, "suggestions", _("demand"))
    project = _posting_fk(Project, "suggestions", _("project"))
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


class RecomputeRun(models.Model):
    """A full recompute of every suggestion list, split into chunks that workers share."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    total = models.PositiveIntegerField(_("lists to compute"), default=0)
    done = models.PositiveIntegerField(_("lists computed"), default=0)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("recompute run")
        verbose_name_plural = _("recompute runs")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)


class RecomputeChunk(models.Model):
    """One chunk of a run; ``done_at`` is set once, so a re-delivered chunk counts once."""

    run = models.ForeignKey(RecomputeRun, on_delete=models.CASCADE, related_name="chunks")
    kind = models.CharField(max_length=20)
    first_id = models.PositiveBigIntegerField()
    size = models.PositiveIntegerField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "kind", "first_id"], name="chunk_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} from {self.first_id}"
