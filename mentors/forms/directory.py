"""The directories' search boxes and filters; every value lives in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from talentbridge.forms import PortalForm

from ..languages import NAMES as LANGUAGE_NAMES
from ..models import Honour, IndustryChain
from ..queries import MentorFilters

LANGUAGE_CHOICES = [("", _("Any language")), *LANGUAGE_NAMES.items()]


class TagChoiceField(forms.ModelChoiceField):
    """A field or honour picked by its code in the URL (?field=marine-economy)."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)

    def label_from_instance(self, obj):
        return obj.name


class MentorFilterForm(PortalForm):
    """The expert directory's search box and filters; every value lives in the URL."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, field, affiliation… e.g. 海洋")}
        ),
    )
    field = TagChoiceField(
        IndustryChain.objects.all(), label=_("Field"), empty_label=_("All fields")
    )
    honour = TagChoiceField(Honour.objects.all(), label=_("Honour"), empty_label=_("All honours"))
    region = forms.ChoiceField(
        label=_("Lives in"),
        required=False,
        choices=[("", _("Anywhere")), ("domestic", _("China")), ("overseas", _("Overseas"))],
    )
    hometown = forms.CharField(
        label=_("Hometown"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("County, city or province")}),
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=LANGUAGE_CHOICES)
    has_capacity = forms.BooleanField(label=_("Has room for a mentee"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name")),
            ("seniority", _("Honours")),
            ("newest", pgettext_lazy("directory sort", "Newest")),
        ],
    )

    def filters(self) -> MentorFilters:
        """The valid filters; an invalid value is dropped (and shown as an error)."""
        self.is_valid()
        data = {key: value for key, value in self.cleaned_data.items() if value}
        return MentorFilters(**data)


class HometownFilterForm(PortalForm):
    """The hometown view's filter: part of a province, city or county name."""

    place = forms.CharField(
        label=_("Hometown"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("County, city or province")}),
    )

    def place_filter(self) -> str:
        """The valid place (empty when the value is invalid)."""
        return self.cleaned_data.get("place", "") if self.is_valid() else ""


class PeopleFilterForm(PortalForm):
    """Search and filters of the mentee and organisation directories."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    field = TagChoiceField(
        IndustryChain.objects.all(), label=_("Field"), empty_label=_("All fields")
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    place = forms.CharField(label=_("Place"), required=False, max_length=40)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]

    def filters(self) -> dict:
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}
