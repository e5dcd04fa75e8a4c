"""Mentoring activity: studios (名医工作室, expert workstations) an expert runs at a host
institution, and the training sessions held there with their trainee counts."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.models import Office

from .profiles import IndustryChain, Mentor, Organization, Region


class Studio(Region):
    """A studio or workstation: an expert, a host institution, a place, an office."""

    class Kind(models.TextChoices):
        MEDICAL = "medical", _("Renowned doctor studio")
        EXPERT = "expert", _("Expert workstation")
        SKILLS = "skills", _("Skills master studio")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="studios"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.EXPERT)
    mentor = models.ForeignKey(
        Mentor, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="studios"
    )
    host = models.ForeignKey(
        Organization,
        verbose_name=_("host institution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_studios",
    )
    host_name = models.CharField(_("host institution (as written)"), max_length=200, blank=True)
    field = models.ForeignKey(
        IndustryChain,
        verbose_name=_("field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    opened_on = models.DateField(_("opened on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("studio")
        verbose_name_plural = _("studios")
        ordering = ["-opened_on", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def host_label(self) -> str:
        return self.host.name if self.host_id else self.host_name


class TrainingSession(models.Model):
    """A training session held by a studio: how many took part, how many finished as local
    backbone staff (基层骨干)."""

    studio = models.ForeignKey(
        Studio, verbose_name=_("studio"), on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"))
    trainees = models.PositiveIntegerField(_("trainees"))
    backbone_trained = models.PositiveIntegerField(_("local backbone staff trained"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(backbone_trained__lte=models.F("trainees")),
                name="session_backbone_within_trainees",
            )
        ]

    def __str__(self) -> str:
        return self.title
