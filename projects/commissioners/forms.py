"""Forms of commissioners' work: every one a PortalForm, so text is capped, integers and dates
stay in range and ids beyond 64 bits are refused with a message, never a 500."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain, Organization
from projects.forms.postings import ChallengeForm
from projects.forms.uploads import AttachmentsField
from projects.models import Challenge
from talentbridge.forms import PortalForm, PortalModelForm
from talentbridge.models import Office, User

from .dashboard import DEFAULT_PERIOD
from .models import MAX_DURATION_MINUTES, DemandDraft, Dispatch, ServiceRecord, WhistleRequest
from .queries import commissioners_of, dispatches_of, open_whistles_of
from .services.records import IN_THE_FUTURE
from .services.whistles import MAX_ACKNOWLEDGE_HOURS, MAX_CLOSE_HOURS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text(label, *, required=True, max_length=2000, rows=3, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kwargs,
    )


class CommissionerChoiceField(forms.ModelChoiceField):
    """A commissioner of the office, shown with their institution."""

    def label_from_instance(self, user):
        mentor = getattr(user, "mentor_profile", None)
        if mentor is not None and mentor.affiliation is not None:
            return f"{user.name} · {mentor.affiliation.name}"
        return user.name


# --- The directory and firms' requests --------------------------------------------------------


class DirectoryFilterForm(PortalForm):
    """The directory's GET parameters; invalid values are ignored rather than reported."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    field = forms.ModelChoiceField(
        label=_("Field"),
        queryset=IndustryChain.objects.order_by("order", "slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )
    institution = forms.CharField(label=_("Institution"), required=False, max_length=100)
    region = forms.CharField(label=_("Region"), required=False, max_length=40)

    def filters(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": (data.get("q") or "").strip(),
            "field": data.get("field"),
            "institution": (data.get("institution") or "").strip(),
            "region": (data.get("region") or "").strip(),
        }


class RequestCommissionerForm(PortalForm):
    organization = forms.ModelChoiceField(
        label=_("For the firm"), queryset=Organization.objects.none()
    )
    office = forms.ModelChoiceField(label=_("From the office"), queryset=User.objects.none())
    message = _text(_("What does the firm need?"), rows=4)

    def __init__(self, *args, user, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = user.organizations.order_by("name")
        self.fields["office"].queryset = offices
        self.fields["organization"].empty_label = None
        self.fields["office"].empty_label = None


# --- Offices: dispatch, requests, deadlines, dashboard ----------------------------------------


class DispatchForm(PortalForm):
    commissioner = CommissionerChoiceField(label=_("Commissioner"), queryset=User.objects.none())
    starts_on = forms.DateField(label=_("From"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Until"), required=False, widget=DATE_INPUT)
    key_project = forms.CharField(
        label=_("Key project"),
        required=False,
        max_length=200,
        help_text=_("If the commissioner serves one of the firm's key projects, name it."),
    )
    note = _text(_("Note"), required=False, rows=2)
    source = forms.ChoiceField(
        choices=Dispatch.Source.choices,
        initial=Dispatch.Source.MANUAL,
        widget=forms.HiddenInput,
        required=False,
    )

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commissioner"].queryset = commissioners_of(office)
        self.initial.setdefault("starts_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end of the period is before its start."))
        return data


class FirmSearchForm(PortalForm):
    q = forms.CharField(label=_("Find a firm"), required=False, max_length=100)


class DecideRequestForm(PortalForm):
    starts_on = forms.DateField(label=_("Serving from"), required=False, widget=DATE_INPUT)
    message = _text(_("Answer to the firm"), required=False, rows=2)


class PolicyForm(PortalForm):
    acknowledge_hours = forms.IntegerField(
        label=_("Hours to acknowledge"), min_value=1, max_value=MAX_ACKNOWLEDGE_HOURS
    )
    close_hours = forms.IntegerField(
        label=_("Hours to close"), min_value=1, max_value=MAX_CLOSE_HOURS
    )

    def clean(self):
        data = super().clean()
        acknowledge, close = data.get("acknowledge_hours"), data.get("close_hours")
        if acknowledge and close and close < acknowledge:
            self.add_error("close_hours", _("Closing cannot be due before acknowledging."))
        return data


class DashboardForm(PortalForm):
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[
            ("30", _("Last 30 days")),
            ("90", _("Last 90 days")),
            ("365", _("Last 12 months")),
            ("all", _("Since the beginning")),
        ],
    )

    def chosen_period(self) -> str:
        return (self.cleaned_data.get("period") if self.is_valid() else "") or DEFAULT_PERIOD


# --- Service records --------------------------------------------------------------------------


class ServiceRecordForm(PortalModelForm):
    """A visit or call: for a new record the commissioner picks the firm (one they serve)."""

    dispatch = forms.ModelChoiceField(label=_("Firm"), queryset=Dispatch.objects.none())
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=MAX_DURATION_MINUTES
    )
    files = AttachmentsField(label=_("Photos and documents"))

    class Meta:
        model = ServiceRecord
        fields = [
            "kind",
            "mode",
            "served_on",
            "duration_minutes",
            "participants",
            "findings",
            "actions",
            "whistle",
        ]
        widgets = {
            "served_on": DATE_INPUT,
            "findings": forms.Textarea(attrs={"rows": 4}),
            "actions": forms.Textarea(attrs={"rows": 3}),
            "kind": forms.RadioSelect,
            "mode": forms.RadioSelect,
        }

    field_order = ["dispatch"]

    def __init__(self, *args, commissioner, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["dispatch"]
        else:
            dispatches = dispatches_of(commissioner)
            self.fields["dispatch"].queryset = dispatches
            self.fields["dispatch"].label_from_instance = lambda d: d.organization.name
            self.fields["dispatch"].empty_label = None
            self.initial.setdefault("served_on", timezone.localdate())
        self.fields["whistle"].queryset = open_whistles_of(
            commissioner, keep=self.instance.whistle_id
        )
        self.fields["whistle"].label_from_instance = lambda w: f"{w.organization.name}: {w.title}"
        self.fields["served_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_served_on(self):
        served_on = self.cleaned_data["served_on"]
        if served_on > timezone.localdate():
            raise ValidationError(IN_THE_FUTURE, code="future")
        return served_on

    def clean(self):
        data = super().clean()
        dispatch = data.get("dispatch") or getattr(self.instance, "dispatch", None)
        served_on, whistle = data.get("served_on"), data.get("whistle")
        if dispatch is None:
            return data
        if served_on and served_on < dispatch.starts_on:
            self.add_error(
                "served_on",
                _("The commissioner has served this firm since %(date)s; the date is before that.")
                % {"date": dispatch.starts_on.isoformat()},
            )
        if whistle and whistle.organization_id != dispatch.organization_id:
            self.add_error("whistle", _("That whistle request is not this firm's request to you."))
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AnswerRecordForm(PortalForm):
    comment = _text(_("Comment"), required=False, rows=2)


class DisputeRecordForm(PortalForm):
    comment = _text(_("What is wrong with the record?"), rows=2)


# --- Demand drafts ----------------------------------------------------------------------------


class DemandDraftForm(PortalModelForm):
    class Meta:
        model = DemandDraft
        fields = ["title", "summary", "details", "problem_kind", "required_expertise", "fields"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "details": forms.Textarea(attrs={"rows": 4}),
            "fields": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].queryset = IndustryChain.objects.order_by("order", "slug")

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if len(title) < 4:
            raise ValidationError(_("Give a title of at least 4 characters."), code="short")
        return title

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "fields"}


class DraftReviewForm(ChallengeForm):
    """The demand form filled in from the draft. It posts in the firm's name and goes to the
    office that dispatched the commissioner, and to no other."""

    def __init__(self, data=None, files=None, *, draft: DemandDraft, user, **kwargs):
        record = draft.record
        firm = record.organization
        fixed = {"post_as": f"org:{firm.pk}", "organization_name": "", "office": record.office_id}
        if data is not None:
            data = data.copy()
            for name, value in fixed.items():
                data[name] = str(value)
        instance = Challenge(
            title=draft.title,
            summary=draft.summary,
            details=draft.details,
            problem_kind=draft.problem_kind,
            required_expertise=draft.required_expertise,
            province=firm.province,
            city=firm.city,
            county=firm.county,
            office_id=record.office_id,
        )
        initial = {"fields": list(draft.fields.all()), **fixed}
        super().__init__(data, files, instance=instance, initial=initial, user=user, **kwargs)
        self.fields["post_as"].choices = [(fixed["post_as"], firm.name)]
        self.fields["office"].queryset = Office.objects.filter(pk=record.office_id)
        for name in fixed:
            self.fields[name].widget = forms.HiddenInput()


class DeclineDraftForm(PortalForm):
    reason = _text(_("Why does the firm not post this demand?"), rows=2)


# --- Whistle requests -------------------------------------------------------------------------


class WhistleForm(PortalForm):
    target = forms.ChoiceField(label=_("Firm"))
    key_project = forms.CharField(label=_("Key project"), required=False, max_length=200)
    title = forms.CharField(label=_("What is needed"), max_length=200)
    details = _text(_("Details"), required=False, rows=4)
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=WhistleRequest.Urgency.choices,
        initial=WhistleRequest.Urgency.NORMAL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {f"{office.pk}:{firm.pk}": (office, firm) for office, firm in targets}
        self.fields["target"].choices = [
            (key, f"{firm.name} · {office.name}") for key, (office, firm) in self.targets.items()
        ]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if len(title) < 4:
            raise ValidationError(_("Say what is needed in at least 4 characters."), code="short")
        return title

    def target_pair(self):
        return self.targets[self.cleaned_data["target"]]


class AssignWhistleForm(PortalForm):
    commissioner = CommissionerChoiceField(label=_("Commissioner"), queryset=User.objects.none())

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commissioner"].queryset = commissioners_of(office)


class CloseWhistleForm(PortalForm):
    resolution = _text(_("What was done"), rows=3)
