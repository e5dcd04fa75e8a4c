"""Input validation for postings, claims, decisions, reviews, landings and uploads."""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from mentors.models import Organization

from .models import Challenge, Project

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (doc, xls, ppt)
ZIP = b"PK\x03\x04"  # Office Open XML (docx, xlsx, pptx)
# Allowed extension → the bytes such a file starts with, checked so a renamed file fails.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".doc": (OLE,),
    ".xls": (OLE,),
    ".ppt": (OLE,),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".pptx": (ZIP,),
}


def validate_upload(upload) -> None:
    """Reject files that are too large or whose type is not a document or an image."""
    if upload.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(max)s."),
            code="too_large",
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(MAX_ATTACHMENT_SIZE),
            },
        )
    signatures = SIGNATURES.get(Path(upload.name).suffix.lower())
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if signatures is None or not head.startswith(signatures):
        raise ValidationError(
            _("“%(name)s” is not a PDF, image (PNG, JPEG) or Office document."),
            code="wrong_type",
            params={"name": upload.name},
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several optional files, each checked by ``validate_upload``."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ",".join(SIGNATURES)}),
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            format_lazy(
                _("PDF, PNG, JPEG or Office files; at most {count} files of {size} each."),
                count=MAX_ATTACHMENTS,
                size=f"{MAX_ATTACHMENT_SIZE // (1024 * 1024)} MB",
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(count)s files."),
                code="too_many",
                params={"count": MAX_ATTACHMENTS},
            )
        errors = []
        for upload in files:
            try:
                super().clean(upload, initial)
                validate_upload(upload)
            except ValidationError as exc:
                errors.extend(exc.error_list)
        if errors:
            raise ValidationError(errors)
        return files


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
    for model in (Challenge, Project):
        organizations = Organization.objects.filter(
            pk__in=model.objects.filter(owner=user).values("poster_organization")
        )
        for organization in organizations:
            if f"org:{organization.pk}" not in seen:
                seen.add(f"org:{organization.pk}")
                choices.append((f"org:{organization.pk}", organization.name))
    return choices


class PostingForm(forms.ModelForm):
    """Fields every posting has, plus who posts it and its attachments."""

    post_as = forms.ChoiceField(label=_("Posted by"), required=False)
    organization_name = forms.CharField(
        label=_("…or the name of your organisation"),
        required=False,
        max_length=200,
        help_text=_("Leave empty if you post as one of the above."),
    )
    attachments = AttachmentsField(label=_("Attachments"))

    field_order = ["post_as", "organization_name"]
    common_fields = [
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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
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
            data["poster"] = name
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


class ClaimForm(forms.Form):
    approach = forms.CharField(
        label=_("Approach"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("How you would solve the problem or take the project forward."),
    )
    timeline = forms.CharField(
        label=_("Timeline"),
        max_length=300,
        help_text=_("For example: prototype in 3 months, pilot line in 12 months."),
    )
    team = forms.CharField(
        label=_("Team"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=3000
    )
    expected_result = forms.CharField(
        label=_("Expected result"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000
    )
    organization_name = forms.CharField(
        label=_("On behalf of (organisation)"), required=False, max_length=200
    )
    attachments = AttachmentsField(label=_("Attachments"))


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the claimant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the poster change?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LandingForm(forms.Form):
    province = forms.CharField(label=_("Province"), max_length=40)
    city = forms.CharField(label=_("City"), max_length=40, required=False)
    county = forms.CharField(label=_("County / district"), max_length=40, required=False)
    town = forms.CharField(label=_("Town / sub-district"), max_length=40, required=False)
    village = forms.CharField(label=_("Village / community"), max_length=40, required=False)
    landed_on = forms.DateField(
        label=_("Landing date"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    intended_investment = forms.IntegerField(
        label=_("Intended investment (yuan)"), min_value=0, required=False
    )
    signed_investment = forms.IntegerField(
        label=_("Signed investment (yuan)"), min_value=0, required=False
    )
