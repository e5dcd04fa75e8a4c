"""A posting's form (demand or project), who posts it, and the organizers' send-back."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Challenge, Project
from projects.queries.postings import organization_named
from projects.rules import NOT_A_MEMBER, can_post_for_organization
from talentbridge.forms import PortalForm, PortalModelForm
from talentbridge.models import Office

from .uploads import AttachmentsField


def poster_choices(user) -> list[tuple[str, str]]:
    """Who the user can post as: their profiles and the organisations they belong to."""
    choices = []
    mentor = getattr(user, "mentor_profile", None)
    mentee = getattr(user, "mentee_profile", None)
    if mentor:
        choices.append((f"mentor:{mentor.pk}", _("Expert: %(name)s") % {"name": mentor.name}))
        if mentor.affiliation_id:
            choices.append((f"org:{mentor.affiliation_id}", str(mentor.affiliation)))
    if mentee:
        choices.append((f"mentee:{mentee.pk}", _("Mentee: %(name)s") % {"name": mentee.name}))
        if mentee.organization_id:
            choices.append((f"org:{mentee.organization_id}", str(mentee.organization)))
    seen = {value for value, _label in choices}
    for organization in user.organizations.all():
        if f"org:{organization.pk}" not in seen:
            seen.add(f"org:{organization.pk}")
            choices.append((f"org:{organization.pk}", organization.name))
    return choices


class PostingForm(PortalModelForm):
    """Fields every posting has, plus who posts it and its attachments."""

    post_as = forms.ChoiceField(label=_("Posted by"), required=False)
    organization_name = forms.CharField(
        label=_("…or the name of your organisation"),
        required=False,
        max_length=200,
        help_text=_("Leave empty if you post as one of the above."),
    )
    attachments = AttachmentsField(label=_("Attachments"))

    field_order = ["office", "post_as", "organization_name"]
    common_fields = [
        "office",
        "title",
        "summary",
        "details",
        "confidential",
        "fields",
        "province",
        "city",
        "county",
        "deadline",
        "slots",
    ]

    def __init__(self, *args, user, office: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self._choose_office(office)
        choices = poster_choices(user)
        self.fields["post_as"].choices = [("", "—"), *choices]
        self.fields["fields"].widget = forms.CheckboxSelectMultiple()
        self.fields["fields"].queryset = self.fields["fields"].queryset.order_by("order", "slug")
        self.fields["deadline"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["slots"].widget.attrs.update(min=1, max=50)
        self.fields["slots"].max_value = 50
        self.fields["province"].label = _("Landing region: province")
        if self.instance.pk:
            poster = self.instance
            current = (
                f"mentor:{poster.poster_mentor_id}"
                if poster.poster_mentor_id
                else f"mentee:{poster.poster_mentee_id}"
                if poster.poster_mentee_id
                else f"org:{poster.poster_organization_id}"
            )
            if current not in dict(choices):
                self.fields["post_as"].choices.append((current, str(poster.poster)))
            self.initial["post_as"] = current
        elif choices:
            self.initial["post_as"] = choices[0][0]

    def _choose_office(self, preselected: int | None) -> None:
        """The office the posting is submitted to: required once offices exist; a new
        posting starts on ``preselected`` (``?office=``), else the first office."""
        field = self.fields["office"]
        field.queryset = Office.objects.order_by("name")
        offices = list(field.queryset.values_list("pk", flat=True))
        field.required = bool(offices)
        field.empty_label = None if offices else field.empty_label
        field.label = _("Submit to")
        if not self.instance.pk and offices:
            self.initial["office"] = preselected if preselected in offices else offices[0]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if len(title) < 4:
            raise ValidationError(_("Give a title of at least 4 characters."), code="short")
        return title

    def clean_slots(self):
        slots = self.cleaned_data["slots"]
        if not 1 <= slots <= 50:
            raise ValidationError(_("Between 1 and 50 claims can be accepted."), code="slots")
        return slots

    def clean_deadline(self):
        deadline = self.cleaned_data.get("deadline")
        changed = deadline != self.instance.deadline
        if deadline and changed and deadline < timezone.localdate():
            raise ValidationError(_("The deadline cannot be in the past."), code="past")
        return deadline

    def clean(self):
        data = super().clean()
        post_as = data.get("post_as") or ""
        name = (data.get("organization_name") or "").strip()
        allowed = dict(self.fields["post_as"].choices)
        if name:
            organization = organization_named(name)
            if organization is None:
                data["poster"] = name
            elif can_post_for_organization(self.user, organization):
                data["poster"] = organization
            else:
                self.add_error("organization_name", NOT_A_MEMBER % {"name": organization.name})
        elif post_as and post_as in allowed:
            kind, pk = post_as.split(":")
            model = {"mentor": "poster_mentor", "mentee": "poster_mentee"}.get(kind)
            related = self.instance._meta.get_field(model or "poster_organization").related_model
            data["poster"] = related.objects.get(pk=pk)
        else:
            self.add_error(
                "organization_name", _("Choose who posts this, or name your organisation.")
            )
        return data


class ChallengeForm(PostingForm):
    """A demand: the problem, the expertise it needs and the reward."""

    class Meta:
        model = Challenge
        fields = [
            *PostingForm.common_fields,
            "problem_kind",
            "required_expertise",
            "reward_min",
            "reward_max",
            "reward_negotiable",
        ]

    def clean(self):
        data = super().clean()
        low, high = data.get("reward_min"), data.get("reward_max")
        if low is not None and high is not None and high < low:
            self.add_error("reward_max", _("The upper bound is below the lower bound."))
        return data


class ProjectForm(PostingForm):
    """A project: its stage, what it seeks and the intended investment."""

    class Meta:
        model = Project
        fields = [
            *PostingForm.common_fields,
            "stage",
            "seeks_cofounder",
            "seeks_investment",
            "seeks_landing",
            "intended_investment",
        ]


class SendBackForm(PortalForm):
    """What the organizers ask the poster to change."""

    comment = forms.CharField(
        label=_("What should the poster change?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
