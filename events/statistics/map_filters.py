"""What the talent map and the gap table show: whose data (an office's or the platform's), what
is counted, and inside which region — read from GET parameters, checked against what the
reader may see."""

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalForm
from talentbridge.models import Region

from .talent_map import DEEPEST, DEFAULT_KIND, KINDS, MapScope

PLATFORM = "all"


class MapForm(PortalForm):
    """``offices`` are those the reader may choose; ``platform`` whether the platform's totals
    are among the choices. An invalid value falls back to the default and shows an error."""

    office = forms.ChoiceField(label=_("Data of"), required=False)
    kind = forms.ChoiceField(
        label=_("Count"),
        required=False,
        choices=[(key, kind.label) for key, kind in KINDS.items()],
    )
    region = forms.CharField(required=False, max_length=12, widget=forms.HiddenInput)

    def __init__(self, data, *, offices, platform: bool):
        super().__init__(data)
        self.offices = {str(office.pk): office for office in offices}
        choices = [(PLATFORM, _("The whole platform"))] if platform else []
        choices += [(pk, office.name) for pk, office in self.offices.items()]
        self.fields["office"].choices = choices
        self.default_office = choices[0][0] if choices else ""
        self.is_valid()

    def clean_region(self) -> Region | None:
        code = self.cleaned_data.get("region", "").strip()
        if not code:
            return None
        region = Region.objects.filter(code=code, level__lte=DEEPEST).first()
        if region is None:
            raise forms.ValidationError(_("There is no such region on the map."))
        return region

    def _value(self, name: str, default):
        if name in self.errors:
            return default
        return self.cleaned_data.get(name) or default

    @property
    def office_key(self) -> str:
        return self._value("office", self.default_office)

    @property
    def chosen_kind(self) -> str:
        return self._value("kind", DEFAULT_KIND)

    @property
    def chosen_region(self) -> Region | None:
        return self._value("region", None)

    @property
    def scope(self) -> MapScope:
        """The platform's data only when it was among the choices; never an empty office."""
        key = self.office_key
        if key == PLATFORM:
            return MapScope()
        return MapScope(office=self.offices[key])
