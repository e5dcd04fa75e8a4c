"""The roster (一录), its contact log and adviser appointments (一书)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.models import Certificate, Office

from ..models.profiles import Mentor


class RosterEntry(models.Model):
    """A native of the office's place working elsewhere, kept on its roster by a liaison."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="roster"
    )
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="roster_entries"
    )
    liaison = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("liaison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roster_entries",
    )
    # Space-free labels separated by commas: “博士联盟,返乡创业”.
    tags = models.CharField(_("tags"), max_length=200, blank=True)
    willing_to_advise = models.BooleanField(_("willing to advise"), default=False)
    willing_to_return = models.BooleanField(_("willing to return"), default=False)
    willing_to_invest = models.BooleanField(_("willing to invest"), default=False)
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    # The next contact the log asks for (from its latest entry): what reminders read.
    next_contact_on = models.DateField(_("next contact"), null=True, blank=True)
    last_contact_on = models.DateField(_("last contact"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("roster entry")
        verbose_name_plural = _("roster entries")
        ordering = ["mentor__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["office", "mentor"], name="roster_entry_unique")
        ]
        indexes = [models.Index(fields=["office", "next_contact_on"], name="roster_due")]

    def __str__(self) -> str:
        return f"{self.mentor} · {self.office}"

    @property
    def tag_list(self) -> list[str]:
        return [tag for tag in self.tags.split(",") if tag]


class ContactLog(models.Model):
    """One contact with a person on the roster: when, how, by whom, what was said."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone call")
        WECHAT = "wechat", _("WeChat")
        VISIT = "visit", _("Visit")
        MEETING = "meeting", _("Meeting or event")
        EMAIL = "email", _("E-mail")
        OTHER = "other", _("Other")

    entry = models.ForeignKey(
        RosterEntry, verbose_name=_("roster entry"), on_delete=models.CASCADE, related_name="log"
    )
    contacted_on = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    contacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contacted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), max_length=2000)
    next_contact_on = models.DateField(_("next contact"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contact log")
        ordering = ["-contacted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.entry} · {self.contacted_on}"


class Appointment(models.Model):
    """An adviser appointment (聘任): a title for a term, numbered as its certificate."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Current")
        RENEWED = "renewed", _("Renewed")
        ENDED = "ended", _("Ended")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="appointments"
    )
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("adviser"), on_delete=models.CASCADE, related_name="appointments"
    )
    title = models.CharField(_("appointment title"), max_length=100)
    number = models.CharField(_("number"), max_length=40, blank=True)
    term_start = models.DateField(_("term from"))
    term_end = models.DateField(_("term until"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    certificate = models.OneToOneField(
        Certificate,
        verbose_name=_("certificate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointment",
    )
    renewed_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="renewal"
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["term_end", "id"]
        indexes = [models.Index(fields=["office", "status", "term_end"], name="appointment_term")]

    def __str__(self) -> str:
        return f"{self.title} · {self.mentor}"
