"""China's administrative divisions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A division of China with its official code; its descendants' codes start with it."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Province")
        CITY = 2, _("City")
        COUNTY = 3, _("County")
        TOWN = 4, _("Town")

    code = models.CharField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("place name"), max_length=50, db_index=True)
    full_name = models.CharField(_("full name"), max_length=150)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name
