"""Claims (揭榜): offers to take on a posting, with a proposal, decided by its poster."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor, Pairing

from .postings import Challenge, PostingPart, Project, exactly_one, posting_fk


class Claim(PostingPart):
    """An offer to take on a posting (揭榜), with a proposal; the poster accepts or declines."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Claims that block the same person from claiming the posting again.
    OPEN = (Status.SUBMITTED, Status.ACCEPTED)

    project = posting_fk(Project, "claims", _("project"))
    challenge = posting_fk(Challenge, "claims", _("demand"))
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
