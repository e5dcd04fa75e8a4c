"""Creating and editing expert, mentee and organisation profiles."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalModelForm

from ..models import Mentee, Mentor, Organization
from ..spreadsheets.planning import normalize_phone


def office_field(offices, *, required: bool, help_text) -> forms.ModelChoiceField:
    """The office in whose name people are created or imported; the office then holds them."""
    return forms.ModelChoiceField(
        offices,
        label=_("Office"),
        required=required,
        empty_label=None if required else _("No office"),
        help_text=help_text,
    )


class HoldingOfficeMixin:
    """A new profile on file asks which office keeps it (``offices``: the offices the user
    may choose; None when the profile is the user's own)."""

    def add_office_field(self, offices, *, required: bool) -> None:
        if offices is None:
            return
        self.fields["office"] = office_field(
            offices,
            required=required,
            help_text=_("The office that keeps this profile; its managers see the contacts."),
        )
        self.order_fields(["office"])


class ContactFieldsMixin:
    """Normalises the phone number as the import does, so that matching finds it."""

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if not phone:
            return ""
        try:
            return normalize_phone(phone)
        except ValueError:
            raise ValidationError(
                _("Enter an 11-digit mobile number, or +country code and number."),
                code="phone",
            ) from None

    def clean_email(self):
        return self.cleaned_data.get("email", "").lower()


class MentorForm(HoldingOfficeMixin, ContactFieldsMixin, PortalModelForm):
    class Meta:
        model = Mentor
        fields = [
            "name",
            "title",
            "affiliation",
            "honours",
            "fields",
            "research_fields",
            "bio",
            "achievements",
            "declared_conflicts",
            "languages",
            "province",
            "city",
            "county",
            "current_city",
            "country",
            "capacity",
            "available",
            "phone",
            "email",
            "wechat",
        ]
        widgets = {
            "honours": forms.CheckboxSelectMultiple,
            "fields": forms.CheckboxSelectMultiple,
        }
        labels = {
            "province": _("Hometown province"),
            "city": _("Hometown city"),
            "county": _("Hometown county / district"),
        }

    def __init__(self, *args, can_set_honours: bool, offices=None, office_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].validators.append(_max_capacity)
        if not can_set_honours:
            # Honours are titles granted by others; the office running the profile records them.
            del self.fields["honours"]
        self.add_office_field(offices, required=office_required)

    def clean_languages(self):
        codes = self.cleaned_data["languages"].lower().replace(",", " ").split()
        if any(not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3) for code in codes):
            raise ValidationError(
                _("Use language codes separated by spaces, e.g. “zh en”."), code="languages"
            )
        return " ".join(dict.fromkeys(codes))


def _max_capacity(value):
    if value > 50:
        raise ValidationError(_("An expert can take at most 50 mentees."), code="capacity")


class MenteeForm(HoldingOfficeMixin, ContactFieldsMixin, PortalModelForm):
    class Meta:
        model = Mentee
        fields = [
            "name",
            "kind",
            "organization",
            "fields",
            "needs",
            "bio",
            "province",
            "city",
            "county",
            "phone",
            "email",
            "wechat",
        ]
        widgets = {"fields": forms.CheckboxSelectMultiple}

    def __init__(self, *args, offices=None, office_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_office_field(offices, required=office_required)


class OrganizationForm(PortalModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "kind",
            "fields",
            "size",
            "province",
            "city",
            "county",
            "country",
            "description",
        ]
        widgets = {"fields": forms.CheckboxSelectMultiple}
