"""The entries of the controlled lists: fields / industry chains and honours."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalModelForm

from ..models import Honour, IndustryChain


class TaxonomyEntryForm(PortalModelForm):
    """An entry of a controlled list: a code that stays unique and both names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # clean_slug says what is wrong in plain words; the stock slug message names “slug”.
        slug = self.fields["slug"]
        slug.validators = [v for v in slug.validators if not isinstance(v, RegexValidator)]
        self.fields["slug"].help_text = _(
            "Lower-case letters, digits, “-” and “_”; spreadsheets name the entry by it."
        )

    def clean_slug(self):
        slug = self.cleaned_data["slug"].strip().lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug):
            raise ValidationError(
                _(
                    "Use only lower-case letters, digits, “-” and “_”, starting with a letter "
                    "or digit."
                ),
                code="invalid",
            )
        model = self._meta.model
        taken = model.objects.exclude(pk=self.instance.pk).filter(slug=slug).first()
        if taken:
            raise ValidationError(
                _("The code “%(slug)s” is already used by “%(name)s”."),
                code="unique",
                params={"slug": slug, "name": taken.name},
            )
        return slug

    def _clean_name(self, name: str) -> str:
        value = " ".join(self.cleaned_data[name].split())
        others = self._meta.model.objects.exclude(pk=self.instance.pk)
        if value and others.filter(**{f"{name}__iexact": value}).exists():
            raise ValidationError(
                _("Another entry is already called “%(name)s”."),
                code="unique",
                params={"name": value},
            )
        return value

    def clean_name_zh(self):
        return self._clean_name("name_zh")

    def clean_name_en(self):
        return self._clean_name("name_en")


class IndustryChainForm(TaxonomyEntryForm):
    class Meta:
        model = IndustryChain
        fields = ["slug", "name_zh", "name_en", "order"]


class HonourForm(TaxonomyEntryForm):
    class Meta:
        model = Honour
        fields = ["slug", "name_zh", "name_en", "level", "order"]
        help_texts = {"level": _("1 is the highest; experts are ranked by their highest honour.")}
