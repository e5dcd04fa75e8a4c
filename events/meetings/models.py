"""Matchmaking-day rows: opt-in profiles, slots, tables, unavailability, requests, meetings
and their follow-ups. Importable from ``events.models``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models.event import Event

DEFAULT_CAP = 8


class MeetingProfile(models.Model):
    """A registered attendee's opt-in to the day's one-to-one meetings."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_profiles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="meeting_profiles",
    )
    offers = models.TextField(_("what I offer"), max_length=1000)
    seeks = models.TextField(_("what I seek"), max_length=1000)
    projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("linked projects"), blank=True, related_name="+"
    )
    challenges = models.ManyToManyField(
        "projects.Challenge", verbose_name=_("linked demands"), blank=True, related_name="+"
    )
    max_meetings = models.PositiveSmallIntegerField(_("most meetings"), default=DEFAULT_CAP)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("matchmaking profile")
        verbose_name_plural = _("matchmaking profiles")
        ordering = ["event", "user__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="meetingprofile_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event}"


class MeetingSlot(models.Model):
    """One time slot of the day in which every table holds one meeting."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_slots"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="meetingslot_unique"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meetingslot_ends_after"
            ),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        return f"{start:%H:%M}–{end:%H:%M}"


class MeetingTable(models.Model):
    """A table or booth of the meeting area (对接交流区)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_tables"
    )
    name = models.CharField(_("table"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("meeting table")
        verbose_name_plural = _("meeting tables")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="meetingtable_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Unavailability(models.Model):
    """A slot a participant cannot attend."""

    profile = models.ForeignKey(
        MeetingProfile, on_delete=models.CASCADE, related_name="unavailable"
    )
    slot = models.ForeignKey(MeetingSlot, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("unavailable slot")
        verbose_name_plural = _("unavailable slots")
        constraints = [
            models.UniqueConstraint(fields=["profile", "slot"], name="unavailability_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.profile.user} ✗ {self.slot}"


class MeetingRequest(models.Model):
    """One participant asks another for a meeting; the other side accepts or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN = (Status.PENDING, Status.ACCEPTED)

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="meeting_requests"
    )
    requester = models.ForeignKey(
        MeetingProfile,
        verbose_name=_("requester"),
        on_delete=models.CASCADE,
        related_name="sent_requests",
    )
    recipient = models.ForeignKey(
        MeetingProfile,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="received_requests",
    )
    message = models.TextField(_("message"), max_length=1000)
    priority = models.BooleanField(_("priority"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # Why the last scheduler run left this accepted request out (a code of ``scheduling``).
    unplaced_reason = models.CharField(_("not placed because"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=Q(status__in=["pending", "accepted"]),
                name="meetingrequest_one_open",
            ),
            models.CheckConstraint(
                condition=~Q(requester=models.F("recipient")), name="meetingrequest_not_self"
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="meetingrequest_status")]

    def __str__(self) -> str:
        return f"{self.requester.user} → {self.recipient.user}"


class Meeting(models.Model):
    """An accepted request placed at one table in one slot."""

    class NoShow(models.TextChoices):
        NONE = "", _("Both came")
        REQUESTER = "requester", _("Requester did not come")
        RECIPIENT = "recipient", _("Recipient did not come")
        BOTH = "both", _("Neither came")

    request = models.OneToOneField(
        MeetingRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="meeting"
    )
    slot = models.ForeignKey(
        MeetingSlot, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="meetings"
    )
    table = models.ForeignKey(
        MeetingTable, verbose_name=_("table"), on_delete=models.PROTECT, related_name="meetings"
    )
    locked = models.BooleanField(_("locked"), default=False)
    no_show = models.CharField(
        _("no-show"), max_length=10, choices=NoShow.choices, default=NoShow.NONE, blank=True
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__starts_at", "table__order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "table"], name="meeting_one_per_table"),
        ]

    def __str__(self) -> str:
        return f"{self.request} · {self.slot} · {self.table}"


class MeetingFollowUp(models.Model):
    """One side's word on whether a meeting led anywhere, after the day, 3 or 6 months."""

    class Stage(models.TextChoices):
        DAY = "day", _("After the day")
        MONTH3 = "m3", _("After 3 months")
        MONTH6 = "m6", _("After 6 months")

    class Outcome(models.TextChoices):
        NONE = "none", _("Nothing came of it")
        CONTACT = "contact", _("In contact")
        COOPERATION = "cooperation", _("Cooperation")
        CONTRACT = "contract", _("Contract signed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    profile = models.ForeignKey(MeetingProfile, on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(_("when"), max_length=4, choices=Stage.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    amount = models.DecimalField(
        _("contract amount (10k yuan)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting follow-up")
        verbose_name_plural = _("meeting follow-ups")
        ordering = ["meeting", "stage", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "profile", "stage"], name="meetingfollowup_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.get_stage_display()}: {self.get_outcome_display()}"
