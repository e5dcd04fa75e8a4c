"""Forms of matchmaking days: the profile, availability, a request, the day's slots and
tables, a move, a no-show and a follow-up."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.forms import DATETIME_WIDGET
from events.models import Meeting, MeetingFollowUp, MeetingProfile, MeetingSlot, MeetingTable
from projects.models import Challenge, Project
from talentbridge.forms import PortalForm, PortalModelForm


class ProfileForm(PortalModelForm):
    class Meta:
        model = MeetingProfile
        fields = ["offers", "seeks", "projects", "challenges", "max_meetings"]
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 3}),
            "seeks": forms.Textarea(attrs={"rows": 3}),
            "projects": forms.CheckboxSelectMultiple,
            "challenges": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "offers": _("Technologies, products, orders, capital or know-how you bring."),
            "seeks": _("Partners, experts, customers or investment you are looking for."),
            "max_meetings": _("The scheduler gives you no more meetings than this."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = Project.objects.filter(owner=user)
        self.fields["challenges"].queryset = Challenge.objects.filter(owner=user)
        self.fields["max_meetings"].min_value = 1
        self.fields["max_meetings"].max_value = 24
        self.fields["max_meetings"].widget.attrs.update(min=1, max=24)

    def clean_max_meetings(self):
        value = self.cleaned_data["max_meetings"]
        if not 1 <= value <= 24:
            raise forms.ValidationError(_("Between 1 and 24 meetings."))
        return value


class AvailabilityForm(PortalForm):
    unavailable = forms.ModelMultipleChoiceField(
        label=_("Slots I cannot attend"),
        queryset=MeetingSlot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable"].queryset = event.meeting_slots.all()


class RequestForm(PortalForm):
    message = forms.CharField(
        label=_("Message"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say in a sentence or two why you want to meet."),
    )
    priority = forms.BooleanField(label=_("Priority: I most want this meeting"), required=False)


class SlotsForm(PortalForm):
    starts_at = forms.DateTimeField(label=_("First slot starts"), widget=DATETIME_WIDGET)
    ends_at = forms.DateTimeField(label=_("Last slot ends"), widget=DATETIME_WIDGET)
    minutes = forms.IntegerField(
        label=_("Minutes per slot"), min_value=5, max_value=240, initial=20
    )


class TablesForm(PortalForm):
    count = forms.IntegerField(label=_("How many tables"), min_value=1, max_value=500, initial=10)
    prefix = forms.CharField(label=_("Name prefix"), max_length=10, initial="A", required=False)


class MoveForm(PortalForm):
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=MeetingSlot.objects.none())
    table = forms.ModelChoiceField(label=_("Table"), queryset=MeetingTable.objects.none())

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = event.meeting_slots.all()
        self.fields["table"].queryset = event.meeting_tables.all()


class NoShowForm(PortalForm):
    no_show = forms.ChoiceField(label=_("No-show"), choices=Meeting.NoShow.choices, required=False)


class FollowUpForm(PortalModelForm):
    class Meta:
        model = MeetingFollowUp
        fields = ["stage", "outcome", "amount", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("outcome") == MeetingFollowUp.Outcome.CONTRACT and data.get("amount") is None:
            self.add_error("amount", _("Give the contract amount (0 or more)."))
        if data.get("amount") is not None and data["amount"] < 0:
            self.add_error("amount", _("Give the contract amount (0 or more)."))
        return data
