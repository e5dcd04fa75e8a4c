"""Forms of the hometown programme: roster filters, entries, contacts, appointments."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalForm

from ..forms.directory import TagChoiceField
from ..models import IndustryChain
from .models import ContactLog
from .queries import RosterFilters
from .services.appointments import DEFAULT_TITLE

READINESS = [
    ("", _("Any readiness")),
    ("advise", _("Willing to advise")),
    ("return", _("Willing to return")),
    ("invest", _("Willing to invest")),
]


class DateInput(forms.DateInput):
    """The browser's date picker; it reads and writes ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class RosterFilterForm(PortalForm):
    """The roster's search box and filters; every value lives in the URL."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name, field…")}),
    )
    works_in = forms.CharField(
        label=_("Works in"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("City or province, e.g. 北京")}),
    )
    field = TagChoiceField(
        IndustryChain.objects.all(), label=_("Field"), empty_label=_("All fields")
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=20)
    readiness = forms.ChoiceField(label=_("Readiness"), required=False, choices=READINESS)
    due = forms.BooleanField(label=_("Contact due"), required=False)

    def filters(self) -> RosterFilters:
        if not self.is_valid():
            return RosterFilters()
        data = self.cleaned_data
        return RosterFilters(
            q=data["q"].strip(),
            works_in=data["works_in"].strip(),
            field=data["field"],
            tag=data["tag"].strip(),
            readiness=data["readiness"],
            due=data["due"],
        )


class AddExpertSearchForm(PortalForm):
    q = forms.CharField(
        label=_("Find an expert"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or hometown")}),
    )


class RosterEntryForm(PortalForm):
    """An entry's liaison, tags, readiness and notes."""

    liaison = forms.ModelChoiceField(
        queryset=None, label=_("Liaison"), required=False, empty_label=_("No liaison")
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=200,
        help_text=_("Separated by commas, e.g. 博士联盟, 返乡创业"),
    )
    willing_to_advise = forms.BooleanField(label=_("Willing to advise"), required=False)
    willing_to_return = forms.BooleanField(label=_("Willing to return"), required=False)
    willing_to_invest = forms.BooleanField(label=_("Willing to invest"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args, liaisons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["liaison"].queryset = liaisons


class ContactForm(PortalForm):
    contacted_on = forms.DateField(label=_("Date"), widget=DateInput)
    channel = forms.ChoiceField(label=_("Channel"), choices=ContactLog.Channel.choices)
    note = forms.CharField(label=_("Note"), max_length=2000, widget=forms.Textarea)
    next_contact_on = forms.DateField(label=_("Next contact"), required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"contacted_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class AppointForm(PortalForm):
    title = forms.CharField(label=_("Appointment title"), max_length=100, initial=DEFAULT_TITLE)
    term_start = forms.DateField(label=_("Term from"), widget=DateInput)
    term_end = forms.DateField(label=_("Term until"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        today = timezone.localdate()
        kwargs.setdefault(
            "initial",
            {"term_start": today, "term_end": today + timedelta(days=3 * 365)},
        )
        super().__init__(*args, **kwargs)


class RenewForm(PortalForm):
    term_end = forms.DateField(label=_("New term until"), widget=DateInput)


class EndForm(PortalForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)
