"""Dispatches of commissioners to firms, and firms' requests for a commissioner."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Organization
from talentbridge.models import Office


def user_fk(verbose_name, related_name="+", *, null=False):
    """A link to an account: kept (PROTECT) when required, emptied (SET_NULL) when optional."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=null,
        blank=null,
        on_delete=models.SET_NULL if null else models.PROTECT,
        related_name=related_name,
    )


class Dispatch(models.Model):
    """A commissioner sent by an office to serve a firm (or one of its key projects)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Serving")
        ENDED = "ended", _("Ended")

    class Source(models.TextChoices):
        MANUAL = "manual", _("Chosen by the office")
        SUGGESTED = "suggested", _("From the suggestions")
        REQUESTED = "requested", _("At the firm's request")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="dispatches"
    )
    commissioner = user_fk(_("commissioner"), "dispatches")
    organization = models.ForeignKey(
        Organization, verbose_name=_("firm"), on_delete=models.CASCADE, related_name="dispatches"
    )
    key_project = models.CharField(_("key project"), max_length=200, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    source = models.CharField(
        _("chosen"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    note = models.TextField(_("note"), blank=True)
    created_by = user_fk(_("dispatched by"), null=True)
    created_at = models.DateTimeField(_("dispatched"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "commissioner", "organization"],
                condition=Q(status="active"),
                name="dispatch_one_active_per_firm",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="dispatch_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status"], name="dispatch_firm"),
            models.Index(fields=["commissioner", "status"], name="dispatch_commissioner"),
        ]

    def __str__(self) -> str:
        return f"{self.commissioner} → {self.organization}"


class CommissionerRequest(models.Model):
    """A firm asks an office for a commissioner, usually one found in the directory."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting the office")
        ACCEPTED = "accepted", _("Commissioner dispatched")
        DECLINED = "declined", _("Declined")

    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.CASCADE,
        related_name="commissioner_requests",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("firm"),
        on_delete=models.CASCADE,
        related_name="commissioner_requests",
    )
    commissioner = user_fk(_("commissioner asked for"))
    requested_by = user_fk(_("requested by"))
    message = models.TextField(_("what the firm needs"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = user_fk(_("decided by"), null=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_message = models.TextField(_("answer"), blank=True)
    dispatch = models.ForeignKey(
        Dispatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)

    class Meta:
        verbose_name = _("request for a commissioner")
        verbose_name_plural = _("requests for a commissioner")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "organization", "commissioner"],
                condition=Q(status="pending"),
                name="commissionerrequest_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.office}"
