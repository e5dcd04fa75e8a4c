"""Needs distilled from service records into drafts of demands for the firm to submit."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain
from projects.models.postings import Challenge

from .dispatches import user_fk
from .records import ServiceRecord


class DemandDraft(models.Model):
    """A need the commissioner distilled from a service record (挖掘、凝练企业技术需求).

    The firm reviews it and submits it as a demand in one step; from then on the demand goes
    through review, matching and 揭榜挂帅 like any other, and the draft points to it.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Awaiting the firm")
        SUBMITTED = "submitted", _("Submitted as a demand")
        DECLINED = "declined", _("Declined by the firm")

    record = models.OneToOneField(
        ServiceRecord,
        verbose_name=_("service record"),
        on_delete=models.CASCADE,
        related_name="demand_draft",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    details = models.TextField(_("details"), blank=True)
    problem_kind = models.CharField(
        _("kind of problem"),
        max_length=20,
        choices=Challenge.ProblemKind.choices,
        default=Challenge.ProblemKind.BOTTLENECK,
    )
    required_expertise = models.CharField(_("required expertise"), max_length=300, blank=True)
    fields = models.ManyToManyField(
        IndustryChain, verbose_name=_("fields"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    challenge = models.OneToOneField(
        Challenge,
        verbose_name=_("demand"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissioner_draft",
    )
    drafted_by = user_fk(_("drafted by"))
    decided_by = user_fk(_("decided by"), null=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("why the firm declined"), blank=True)
    created_at = models.DateTimeField(_("drafted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("demand draft")
        verbose_name_plural = _("demand drafts")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:commissioners:draft", args=[self.pk])
