"""Input validation for events: the event itself, categories, questions, agenda, registration,
the check-in desk and the ceremony's running order."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from mentors.forms.imports import SpreadsheetField, StoredUploadForm
from mentors.models import Mentor, Organization
from projects.models import Challenge, Project
from talentbridge.forms import PortalForm, PortalModelForm
from talentbridge.models import Office, User
from talentbridge.parsing import parse_id
from talentbridge.rules import is_admin, managed_office_ids

from .models import (
    AttendeeCategory,
    Ceremony,
    Event,
    EventPosting,
    EventRole,
    ExpertInvitation,
    Question,
    Session,
    Signing,
)

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(PortalModelForm):
    co_hosts = forms.ModelMultipleChoiceField(
        label=_("Co-hosts"),
        queryset=Organization.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    co_host_offices = forms.ModelMultipleChoiceField(
        label=_("Co-host offices"),
        queryset=Office.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
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
            "co_host_offices",
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


class EventCreateForm(EventForm):
    """A new event: it belongs to one of the offices its creator manages."""

    office = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Office.objects.none(),
        help_text=_("The office that runs the event; its managers manage it."),
    )

    field_order = ["office"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offices = Office.objects.order_by("name")
        if not is_admin(user):
            offices = offices.filter(pk__in=managed_office_ids(user))
        office = self.fields["office"]
        office.queryset = offices
        if len(offices) == 1:
            office.initial = offices[0].pk
            office.empty_label = None


class TeamMemberForm(PortalForm):
    """A person to add to the event's team: an account's e-mail address, or an address to
    invite."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=EventRole.choices)


class AssignCategoryForm(PortalForm):
    """Place a person (an account, by its address) in one of the event's invitation-only
    categories."""

    email = forms.EmailField(label=_("E-mail address of the person's account"), max_length=254)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=AttendeeCategory.objects.none(),
        error_messages={"invalid_choice": _("Choose one of the invitation-only categories.")},
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = event.categories.filter(
            access=AttendeeCategory.Access.INVITATION
        )

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.person = User.objects.filter(email__iexact=email).first()
        if self.person is None:
            raise forms.ValidationError(
                _(
                    "No account has this address: the person signs up first, or joins by an "
                    "invitation."
                )
            )
        return email


class InviteExpertsForm(PortalForm):
    """Experts of the office to invite to the event (求贤帖)."""

    experts = forms.ModelMultipleChoiceField(
        label=_("Experts"),
        queryset=Mentor.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one expert."),
            "invalid_choice": _("Choose experts from the list: %(value)s is not one of them."),
        },
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experts"].queryset = candidates


class ReplyForm(PortalForm):
    answer = forms.ChoiceField(
        choices=[
            (ExpertInvitation.Status.ACCEPTED, _("Accept")),
            (ExpertInvitation.Status.DECLINED, _("Decline")),
        ]
    )


class ReopenCallForm(PortalForm):
    closes_at = forms.DateTimeField(label=_("Open until"), widget=DATETIME_WIDGET)


CALL_IMPORT_KINDS = [("projects", _("Projects")), ("challenges", _("Demands"))]


class CallImportForm(PortalForm):
    """A spreadsheet of new projects or demands for the event's call."""

    kind = forms.ChoiceField(label=_("What the file holds"), choices=CALL_IMPORT_KINDS)
    file = SpreadsheetField()


class CallImportCommitForm(StoredUploadForm):
    kind = forms.ChoiceField(choices=CALL_IMPORT_KINDS)


class StatusForm(PortalForm):
    status = forms.ChoiceField(choices=Event.Status.choices)


class CategoryForm(PortalModelForm):
    class Meta:
        model = AttendeeCategory
        fields = ["name", "kind", "capacity", "access", "order"]


class QuestionForm(PortalModelForm):
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


class SessionForm(PortalModelForm):
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


class RegistrationForm(PortalForm):
    """The register form: a category, the organizers' questions and the contact consent."""

    category = forms.ModelChoiceField(
        label=_("I attend as"),
        queryset=AttendeeCategory.objects.none(),
        error_messages={
            "invalid_choice": _(
                "Choose one of the categories open for registration: the organizers register "
                "the attendees of invitation-only categories themselves."
            )
        },
    )
    organization_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Title / position"), max_length=200, required=False)
    consent_share_contacts = forms.BooleanField(
        label=_("Share my contact details with other attendees"), required=False
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        choices = event.categories.exclude(access=AttendeeCategory.Access.INVITATION)
        category = self.fields["category"]
        category.queryset = choices
        category.label_from_instance = _category_label
        if self.is_bound:
            # A posted form shows the posted choice: no query for a default.
            if self.data.get(self.add_prefix("category")):
                category.empty_label = None
        else:
            # The default is the first open category, never one that needs approval.
            first_open = choices.filter(access=AttendeeCategory.Access.OPEN).first()
            if first_open is not None:
                category.empty_label = None
                category.initial = first_open.pk
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


def _category_label(category: AttendeeCategory) -> str:
    if category.requires_approval:
        return _("%(category)s (requires approval)") % {"category": category.name}
    return category.name


class CheckInForm(PortalForm):
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


class CeremonyForm(PortalModelForm):
    group_count = forms.IntegerField(label=_("Number of groups"), min_value=1, max_value=10)

    class Meta:
        model = Ceremony
        fields = ["title", "group_count"]


class AddPairForm(PortalForm):
    pairing = forms.CharField(widget=forms.HiddenInput, max_length=40)
    group = forms.IntegerField(label=_("Group"), min_value=1, max_value=10)

    def clean_pairing(self) -> int:
        pk = parse_id(self.cleaned_data["pairing"])
        if pk is None:
            raise forms.ValidationError(_("Choose a pairing from the list."))
        return pk


class LinkPostingForm(PortalForm):
    """A public project or demand to collect into the event's call, by its id."""

    kind = forms.ChoiceField(
        choices=[(Project.kind, Project.kind), (Challenge.kind, Challenge.kind)],
        required=False,
    )
    posting = forms.CharField(
        max_length=40,
        error_messages={"required": _("Choose a project or demand from the list.")},
    )

    @property
    def model(self):
        return Challenge if self.cleaned_data.get("kind") == Challenge.kind else Project

    def clean_posting(self):
        pk = parse_id(self.cleaned_data["posting"])
        if pk is None:
            raise forms.ValidationError(_("Choose a project or demand from the list."))
        return pk

    def clean(self):
        data = super().clean()
        pk = data.get("posting")
        if pk is not None:
            data["posting"] = self.model.objects.filter(pk=pk).first()
            if data["posting"] is None:
                self.add_error("posting", _("This project or demand no longer exists."))
        return data


class EventPostingForm(PortalModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = self.instance.event.sessions.all()

    class Meta:
        model = EventPosting
        fields = ["posted_on_site", "session", "slot_order"]


class SigningForm(PortalModelForm):
    """An agreement signed at the event; the project is one the event's call collected."""

    class Meta:
        model = Signing
        fields = ["title", "parties", "project", "amount", "signed_on", "on_stage"]
        widgets = {"signed_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.filter(
            event_links__event=event
        ).distinct()
        self.fields["on_stage"].validators.append(MinValueValidator(1))
