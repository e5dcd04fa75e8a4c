"""The pairing ceremony (对接仪式): its running order and the log of console steps from
which its live state is replayed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Pairing

from .event import Event


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
