"""Events (大会 / 活动): the call, agenda, registration with capacity, check-in and the
pairing ceremony (对接仪式) whose state is derived from a log of recorded steps."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentors.models import Mentor, Organization, Pairing
from projects.models import Challenge, Project, exactly_one
from talentbridge.storage import export_upload_to

# Unambiguous upper-case letters and digits for codes typed at the check-in desk.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def new_registration_code() -> str:
    """A random 12-character check-in code (60 bits): forging one by guessing is hopeless."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Event(models.Model):
    """A summit, forum, roadshow or matchmaking day, run by its organizer team."""

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
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organizer team"),
        related_name="organized_events",
        blank=True,
    )
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
    def call_is_open(self) -> bool:
        now = timezone.now()
        return bool(
            self.call_opens_at
            and self.call_closes_at
            and self.call_opens_at <= now <= self.call_closes_at
        )


class AttendeeCategory(models.Model):
    """A kind of attendee with its own seats; a full category puts newcomers on a waitlist."""

    class Kind(models.TextChoices):
        GUEST = "guest", _("Guest")
        EXPERT = "expert", _("Expert")
        MENTEE = "mentee", _("Mentee")
        ENTERPRISE = "enterprise", _("Enterprise representative")
        INVESTOR = "investor", _("Investor")
        MEDIA = "media", _("Media")
        STAFF = "staff", _("Staff")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="categories"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GUEST)
    name = models.CharField(pgettext_lazy("of a thing", "name"), max_length=100)
    capacity = models.PositiveIntegerField(_("seats"))
    requires_approval = models.BooleanField(
        _("requires approval"),
        default=False,
        help_text=_("An organizer approves each registration before it takes a seat."),
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


class Session(models.Model):
    """An agenda item: project sharing, demand roadshow, 揭榜挂帅, the ceremony, a forum."""

    class Kind(models.TextChoices):
        PROJECT_SHARING = "project_sharing", _("Project sharing session")
        DEMAND_ROADSHOW = "demand_roadshow", _("Demand roadshow")
        OPEN_CHALLENGE = "open_challenge", _("Open challenge (揭榜挂帅) session")
        PAIRING_CEREMONY = "pairing_ceremony", _("Pairing ceremony")
        FORUM = "forum", _("Forum")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EventPosting(models.Model):
    """A project or demand collected by the event's call; it may be posted on site (现场张榜)
    and get a roadshow slot in an agenda session, with its place in the running order."""

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


class Ceremony(models.Model):
    """The on-stage pairing ceremony of an event. Its live state is replayed from its steps;
    ``version`` changes whenever the running order does, so caches can tell."""

    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="ceremony"
    )
    title = models.CharField(_("title"), max_length=200)
    group_count = models.PositiveSmallIntegerField(_("number of groups"), default=5)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("pairing ceremony")
        verbose_name_plural = _("pairing ceremonies")

    def __str__(self) -> str:
        return self.title


class CeremonyPair(models.Model):
    """One pairing's place in the running order: a group (1-based) and a position in it."""

    ceremony = models.ForeignKey(Ceremony, on_delete=models.CASCADE, related_name="pairs")
    pairing = models.ForeignKey(
        Pairing, verbose_name=_("pairing"), on_delete=models.CASCADE, related_name="+"
    )
    group = models.PositiveSmallIntegerField(_("group"))
    position = models.PositiveSmallIntegerField(_("position"))
    project_title = models.CharField(_("project"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ceremony pair")
        verbose_name_plural = _("ceremony pairs")
        ordering = ["group", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["ceremony", "pairing"], name="ceremony_pair_once"),
        ]

    def __str__(self) -> str:
        return str(self.pairing)


class CeremonyStep(models.Model):
    """One press on the console, recorded with its time; the log is the ceremony's state."""

    class Action(models.TextChoices):
        START = "start", _("Start")
        NEXT_PAIR = "next_pair", _("Next pair")
        RIBBON = "ribbon", _("Ribbon handed over")
        NEXT_GROUP = "next_group", _("Next group")
        FINISH = "finish", _("Finish")
        UNDO = "undo", _("Undo last step")

    ceremony = models.ForeignKey(Ceremony, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    pair = models.ForeignKey(
        CeremonyPair, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("ceremony step")
        verbose_name_plural = _("ceremony steps")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.get_action_display()


class ExportLog(models.Model):
    """One export of a list or workbook: who exported what, when, with or without contacts."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (.xlsx)"
        DOCX = "docx", "Word (.docx)"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dataset = models.CharField(_("list"), max_length=30)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    with_contacts = models.BooleanField(_("with contact details"), default=False)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("exported"), default=timezone.now)

    class Meta:
        verbose_name = _("export log entry")
        verbose_name_plural = _("export log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["-created_at", "-id"], name="exportlog_newest")]

    def __str__(self) -> str:
        return f"{self.dataset}.{self.format}"


def new_job_token() -> str:
    """An unguessable id for a job's URLs."""
    return secrets.token_urlsafe(24)


class ExportJob(models.Model):
    """A large export written by a Celery worker; its file is downloadable until it expires."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    token = models.CharField(max_length=40, unique=True, default=new_job_token, editable=False)
    log = models.OneToOneField(ExportLog, on_delete=models.CASCADE, related_name="job")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs"
    )
    language = models.CharField(max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total_rows = models.PositiveIntegerField(default=0)
    done_rows = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=export_upload_to, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name or self.token

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, self.done_rows * 100 // self.total_rows) if self.total_rows else 0

    @property
    def is_expired(self) -> bool:
        return bool(self.expires_at and self.expires_at <= timezone.now())


class PlanConstraint(models.Model):
    """An organizer's decision on one pair of the event's pairing plan — an expert with a
    mentee or with a demand: locked in (always planned) or ruled out (never planned)."""

    class Kind(models.TextChoices):
        LOCKED = "locked", _("Locked in")
        RULED_OUT = "ruled_out", _("Ruled out")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="plan_constraints"
    )
    mentor = models.ForeignKey(
        "mentors.Mentor", verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="+"
    )
    mentee = models.ForeignKey(
        "mentors.Mentee",
        verbose_name=_("mentee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("demand"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("decision"), max_length=20, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pairing plan decision")
        verbose_name_plural = _("pairing plan decisions")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("mentee", "challenge"), name="plan_pair_one_target"
            ),
            models.UniqueConstraint(fields=["event", "mentor", "mentee"], name="plan_pair_once"),
            models.UniqueConstraint(
                fields=["event", "mentor", "challenge"], name="plan_demand_pair_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.target}: {self.kind}"

    @property
    def target(self):
        return self.mentee or self.challenge
