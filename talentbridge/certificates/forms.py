"""Forms of the certificate pages: a template, a new certificate, a revocation, the filters."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from ..forms import PortalForm
from ..models import CertificateKind, CertificateTemplate
from .queries import STATUS_CHOICES
from .wording import PLACEHOLDERS, unknown_placeholders

SEAL_MAX_BYTES = 2 * 1024 * 1024
SEAL_MAX_SIDE = 4000
# A seal is a PNG (ideally with a transparent background) or a JPEG: known by its first bytes,
# whatever its name or declared type says.
SEAL_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


class CertificateTemplateForm(PortalForm):
    language = forms.ChoiceField(label=_("Language of the certificate"), choices=settings.LANGUAGES)
    heading = forms.CharField(label=_("Heading"), max_length=40)
    body = forms.CharField(
        label=_("Wording"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Placeholders: {holder}, {title}, {office}, {number}, {start}, {end}, {date}."),
    )
    signature = forms.CharField(
        label=_("Signature line"),
        max_length=200,
        help_text=_("Printed above the date, e.g. the office's name; {office} prints it."),
    )
    seal = forms.FileField(
        label=_("Seal image"),
        required=False,
        help_text=_("PNG with a transparent background, or JPEG; at most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_seal = forms.BooleanField(label=_("Remove the seal image"), required=False)

    @classmethod
    def for_template(cls, template: CertificateTemplate, data=None, files=None):
        initial = {name: getattr(template, name) for name in ("language", "heading", "body")}
        initial["signature"] = template.signature
        return cls(data, files, initial=initial)

    def clean(self):
        data = super().clean()
        text = " ".join(str(data.get(name, "")) for name in ("heading", "body", "signature"))
        unknown = unknown_placeholders(text)
        if unknown:
            raise forms.ValidationError(
                _("Unknown placeholders: %(names)s. Use %(known)s."),
                code="placeholder",
                params={
                    "names": ", ".join(f"{{{name}}}" for name in unknown),
                    "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                },
            )
        return data

    def clean_seal(self):
        seal = self.cleaned_data.get("seal")
        if not seal:
            return None
        if seal.size > SEAL_MAX_BYTES:
            raise forms.ValidationError(_("The seal image is larger than 2 MB."), code="size")
        head = seal.read(8)
        seal.seek(0)
        if not any(head.startswith(magic) for magic in SEAL_SIGNATURES):
            raise forms.ValidationError(
                _("The seal must be a PNG or JPEG image."), code="not_an_image"
            )
        try:
            with Image.open(seal) as image:
                width, height = image.size
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
            raise forms.ValidationError(
                _("The seal image cannot be read; save it again as PNG or JPEG."), code="broken"
            ) from None
        finally:
            seal.seek(0)
        if max(width, height) > SEAL_MAX_SIDE:
            raise forms.ValidationError(
                _("The seal image is too large: at most %(side)d pixels a side."),
                code="dimensions",
                params={"side": SEAL_MAX_SIDE},
            )
        return seal


class CertificateForm(PortalForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CertificateKind.choices)
    holder_name = forms.CharField(label=_("Holder"), max_length=100)
    title = forms.CharField(
        label=_("Conferred title"),
        max_length=200,
        help_text=_("The appointment (高质量发展顾问), the pairing or the award."),
    )
    term_start = forms.DateField(
        label=_("Term from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    term_end = forms.DateField(
        label=_("Term until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    number = forms.CharField(
        label=_("Number"),
        max_length=40,
        required=False,
        help_text=_("Left empty, the next number of the year is given on issue (2026-0001)."),
    )
    issue_now = forms.BooleanField(label=_("Issue at once"), required=False, initial=True)

    def clean(self):
        data = super().clean()
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("The term cannot end before it starts."))
        return data


class RevokeForm(PortalForm):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class CertificateFilterForm(PortalForm):
    q = forms.CharField(label=_("Holder, title or number"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *CertificateKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *STATUS_CHOICES]
    )
