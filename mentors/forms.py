"""Forms: directory filters, profile editing, pairing proposals and spreadsheet uploads."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from talentbridge.forms import PortalForm, PortalModelForm

from .languages import NAMES as LANGUAGE_NAMES
from .models import Honour, IndustryChain, Mentee, Mentor, Organization
from .queries import MentorFilters
from .spreadsheets.planning import normalize_phone
from .spreadsheets.reading import EXTENSIONS, MAX_BYTES

LANGUAGE_CHOICES = [("", _("Any language")), *LANGUAGE_NAMES.items()]

IMPORT_KINDS = [
    ("mentors", _("Experts")),
    ("mentees", _("Mentees")),
    ("organizations", _("Organisations")),
]


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


class MentorForm(ContactFieldsMixin, PortalModelForm):
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

    def __init__(self, *args, can_set_honours: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].validators.append(_max_capacity)
        if not can_set_honours:
            # Honours are titles granted by others; organizers record them.
            del self.fields["honours"]

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


class MenteeForm(ContactFieldsMixin, PortalModelForm):
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


class ProposePairingForm(PortalForm):
    """A proposal: which expert and which mentee, and a note for the other side."""

    mentor = forms.ModelChoiceField(
        Mentor.objects.all(), label=_("Expert"), widget=forms.HiddenInput
    )
    mentee = forms.ModelChoiceField(Mentee.objects.order_by("name", "id"), label=_("Mentee"))
    note = forms.CharField(label=_("Note"), required=False, max_length=1000, widget=forms.Textarea)


class UploadForm(PortalForm):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=IMPORT_KINDS)
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        help_text=_("At most 10 MB. CSV files may be UTF-8 or GBK/GB18030 (Excel in China)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise ValidationError(
                _("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."), code="type"
            )
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file is larger than 10 MB."), code="size")
        return upload


class CommitImportForm(PortalForm):
    kind = forms.ChoiceField(choices=IMPORT_KINDS)
    token = forms.RegexField(regex=r"^[0-9a-f]{32}\.(xlsx|csv)$", max_length=40)
    filename = forms.CharField(max_length=255)


class TaxonomyEntryForm(PortalModelForm):
    """An entry of a controlled list: a code that stays unique and both names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # clean_slug says what is wrong in plain words; the stock slug message names “slug”.
        slug = self.fields["slug"]
        slug.validators = [v for v in slug.validators if not isinstance(v, RegexValidator)]
        self.fields["slug"].help_text = _(
            "Lower-case letters, digits, “-” and “_”; spreadsheets name the entry by it."
        )

    def clean_slug(self):
        slug = self.cleaned_data["slug"].strip().lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug):
            raise ValidationError(
                _(
                    "Use only lower-case letters, digits, “-” and “_”, starting with a letter "
                    "or digit."
                ),
                code="invalid",
            )
        model = self._meta.model
        taken = model.objects.exclude(pk=self.instance.pk).filter(slug=slug).first()
        if taken:
            raise ValidationError(
                _("The code “%(slug)s” is already used by “%(name)s”."),
                code="unique",
                params={"slug": slug, "name": taken.name},
            )
        return slug

    def _clean_name(self, name: str) -> str:
        value = " ".join(self.cleaned_data[name].split())
        others = self._meta.model.objects.exclude(pk=self.instance.pk)
        if value and others.filter(**{f"{name}__iexact": value}).exists():
            raise ValidationError(
                _("Another entry is already called “%(name)s”."),
                code="unique",
                params={"name": value},
            )
        return value

    def clean_name_zh(self):
        return self._clean_name("name_zh")

    def clean_name_en(self):
        return self._clean_name("name_en")


class IndustryChainForm(TaxonomyEntryForm):
    class Meta:
        model = IndustryChain
        fields = ["slug", "name_zh", "name_en", "order"]


class HonourForm(TaxonomyEntryForm):
    class Meta:
        model = Honour
        fields = ["slug", "name_zh", "name_en", "level", "order"]
        help_texts = {"level": _("1 is the highest; experts are ranked by their highest honour.")}
