"""Uploading a spreadsheet of people, and committing its dry run."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalForm
from talentbridge.models import Office

from ..spreadsheets.reading import EXTENSIONS, MAX_BYTES
from .profiles import office_field

IMPORT_KINDS = [
    ("mentors", _("Experts")),
    ("mentees", _("Mentees")),
    ("organizations", _("Organisations")),
]


class SpreadsheetField(forms.FileField):
    """An uploaded .xlsx or .csv file of at most 10 MB (what every import reads)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Spreadsheet (.xlsx or .csv)"))
        kwargs.setdefault(
            "help_text",
            _("At most 10 MB. CSV files may be UTF-8 or GBK/GB18030 (Excel in China)."),
        )
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload.name.lower().endswith(EXTENSIONS):
            raise ValidationError(
                _("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."), code="type"
            )
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file is larger than 10 MB."), code="size")
        return upload


class StoredUploadForm(PortalForm):
    """A previewed upload kept between its dry run and its commit."""

    token = forms.RegexField(regex=r"^[0-9a-f]{32}\.(xlsx|csv)$", max_length=40)
    filename = forms.CharField(max_length=255)


class UploadForm(PortalForm):
    """The file, what it holds, and the office that imports it (and holds its people)."""

    kind = forms.ChoiceField(label=_("What the file holds"), choices=IMPORT_KINDS)
    file = SpreadsheetField()

    def __init__(self, *args, offices, office_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"] = office_field(
            offices,
            required=office_required,
            help_text=_("The office that imports the file; it holds every person in it."),
        )
        self.order_fields(["office"])


class CommitImportForm(StoredUploadForm):
    office = forms.ModelChoiceField(Office.objects.all(), required=False)
    kind = forms.ChoiceField(choices=IMPORT_KINDS)
