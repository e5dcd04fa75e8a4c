"""Which offices hold which people: the office imported them, created their profile, invited
them, or they registered at its event. A holding office's managers see the person's contact
details and edit the profile."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.models import Office

from .profiles import Mentee, Mentor, Organization


def exactly_one(*names: str) -> Q:
    """A condition true when exactly one of the named nullable columns is set."""
    condition = Q()
    for name in names:
        others = {f"{other}__isnull": True for other in names if other != name}
        condition |= Q(**{f"{name}__isnull": False}, **others)
    return condition


# The columns of a holding, one of which names what is held.
HELD = ("mentor", "mentee", "organization")


def _held_fk(model, verbose_name):
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="holdings",
    )


class Holding(models.Model):
    """One office holds one expert, mentee or organisation."""

    class Source(models.TextChoices):
        IMPORTED = "imported", _("Imported from a spreadsheet")
        CREATED = "created", _("Profile created by the office")
        INVITED = "invited", _("Invited by the office")
        REGISTERED = "registered", _("Registered at the office's event")
        ROSTER = "roster", _("On the office's hometown roster")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="holdings"
    )
    mentor = _held_fk(Mentor, _("expert"))
    mentee = _held_fk(Mentee, _("mentee"))
    organization = _held_fk(Organization, _("organisation"))
    source = models.CharField(_("how"), max_length=20, choices=Source.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("person held by an office")
        verbose_name_plural = _("people held by offices")
        ordering = ["office", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=exactly_one(*HELD), name="holding_one_held"),
            *(
                models.UniqueConstraint(
                    fields=["office", name],
                    condition=Q(**{f"{name}__isnull": False}),
                    name=f"holding_unique_{name}",
                )
                for name in HELD
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} · {self.held}"

    @property
    def held(self) -> Mentor | Mentee | Organization:
        return self.mentor or self.mentee or self.organization
