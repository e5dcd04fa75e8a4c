"""Input validation for events: the event itself, categories, questions, agenda, registration,
the check-in desk and the ceremony's running order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mentors.models import Organization

from .models import AttendeeCategory, Ceremony, Event, EventPosting, Question, Session

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    co_hosts = forms.ModelMultipleChoiceField(
        label=_("Co-hosts"),
        queryset=Organization.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "starts_at",
            "ends_at",
            "venue",
            "city",
            "host",
            "co_hosts",
            "description",
            "call_text",
            "call_opens_at",
            "call_closes_at",
        ]
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "call_opens_at": DATETIME_WIDGET,
            "call_closes_at": DATETIME_WIDGET,
            "description": forms.Textarea(attrs={"rows": 5}),
            "call_text": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        opens, closes = data.get("call_opens_at"), data.get("call_closes_at")
        if opens and closes and closes < opens:
            self.add_error("call_closes_at", _("The call cannot close before it opens."))
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Event.Status.choices)


class CategoryForm(forms.ModelForm):
    class Meta:
        model = AttendeeCategory
        fields = ["name", "kind", "capacity", "requires_approval", "order"]


class QuestionForm(forms.ModelForm):
    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = event.categories.all()

    class Meta:
        model = Question
        fields = ["label", "kind", "options", "required", "category"]
        widgets = {"options": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") == Question.Kind.CHOICE
            and len([line for line in (data.get("options") or "").splitlines() if line.strip()]) < 2
        ):
            self.add_error("options", _("A choice question needs at least two options."))
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["kind", "title", "starts_at", "ends_at", "room", "description"]
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The session cannot end before it starts."))
        return data


class RegistrationForm(forms.Form):
    """The register form: a category, the organizers' questions and the contact consent."""

    category = forms.ModelChoiceField(
        label=_("I attend as"), queryset=AttendeeCategory.objects.none(), empty_label=None
    )
    organization_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Title / position"), max_length=200, required=False)
    consent_share_contacts = forms.BooleanField(
        label=_("Share my contact details with other attendees"), required=False
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = event.categories.all()
        self.questions = list(event.questions.select_related("category"))
        for question in self.questions:
            label = question.label
            if question.category_id:
                label = _("%(question)s (for %(category)s)") % {
                    "question": question.label,
                    "category": question.category.name,
                }
            if question.kind == Question.Kind.CHOICE:
                field = forms.ChoiceField(
                    label=label,
                    choices=[("", "—"), *[(o, o) for o in question.option_list]],
                    required=False,
                )
            else:
                field = forms.CharField(label=label, max_length=1000, required=False)
            self.fields[f"question_{question.pk}"] = field

    def clean(self):
        data = super().clean()
        category = data.get("category")
        for question in self.questions:
            if question.category_id and (category is None or question.category_id != category.pk):
                data.pop(f"question_{question.pk}", None)
                continue
            if question.required and not data.get(f"question_{question.pk}"):
                self.add_error(f"question_{question.pk}", _("Please answer this question."))
        return data

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data[f"question_{question.pk}"]
            for question in self.questions
            if self.cleaned_data.get(f"question_{question.pk}")
        }


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "autofocus": True,
                "placeholder": "ABCD-EFGH-JKLM",
            }
        ),
    )


class CeremonyForm(forms.ModelForm):
    group_count = forms.IntegerField(label=_("Number of groups"), min_value=1, max_value=10)

    class Meta:
        model = Ceremony
        fields = ["title", "group_count"]


class AddPairForm(forms.Form):
    pairing = forms.IntegerField(widget=forms.HiddenInput)
    group = forms.IntegerField(label=_("Group"), min_value=1, max_value=10)


class EventPostingForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = self.instance.event.sessions.all()

    class Meta:
        model = EventPosting
        fields = ["posted_on_site", "session", "slot_order"]
