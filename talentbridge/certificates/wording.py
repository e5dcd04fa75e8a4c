"""What a certificate says: the placeholders an office's wording may use, the default wording
of each kind, and dates written the way a certificate writes them."""

import re
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ..models import Certificate, CertificateKind, CertificateTemplate

PLACEHOLDERS = ("holder", "title", "office", "number", "start", "end", "date")
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_DIGITS = "〇一二三四五六七八九"


def unknown_placeholders(text: str) -> list[str]:
    """The ``{names}`` in ``text`` that are not placeholders (typos an office should see)."""
    return sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each known ``{placeholder}`` replaced; anything else is left as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def _chinese_number(number: int) -> str:
    tens, units = divmod(number, 10)
    if not tens:
        return _DIGITS[units]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def written_date(day: date | None, language: str, *, formal: bool = False) -> str:
    """A date as a certificate writes it: 2026年4月7日, formally 二〇二六年四月七日 (the
    signature date of Chinese documents), or 7 April 2026 in English."""
    if day is None:
        return ""
    if language.startswith("zh"):
        if formal:
            year = "".join(_DIGITS[int(digit)] for digit in str(day.year))
            return f"{year}年{_chinese_number(day.month)}月{_chinese_number(day.day)}日"
        return f"{day.year}年{day.month}月{day.day}日"
    with translation.override("en"):
        return f"{day.day} {day:%B} {day.year}"


def default_template(kind: str, language: str) -> CertificateTemplate:
    """An unsaved template with the default wording of ``kind`` in ``language``."""
    with translation.override(language):
        texts = {
            CertificateKind.APPOINTMENT: (
                pgettext("certificate heading", "Certificate of Appointment"),
                _("{holder} is appointed {title} of {office}, for the term {start} to {end}."),
            ),
            CertificateKind.PAIRING: (
                pgettext("certificate heading", "Certificate of Mentoring"),
                _("{holder} are paired as mentor and mentee in {title}."),
            ),
            CertificateKind.AWARD: (
                pgettext("certificate heading", "Certificate of Award"),
                _("{holder} is awarded {title} by {office}."),
            ),
        }
    heading, body = texts[CertificateKind(kind)]
    return CertificateTemplate(
        kind=kind, language=language, heading=heading, body=body, signature="{office}"
    )


def placeholder_values(certificate: Certificate, language: str, today: date) -> dict[str, str]:
    return {
        "holder": certificate.holder_name,
        "title": certificate.title,
        "office": certificate.office.name,
        "number": certificate.number,
        "start": written_date(certificate.term_start, language),
        "end": written_date(certificate.term_end, language),
        "date": written_date(today, language),
    }


def compose(certificate: Certificate, template: CertificateTemplate, today: date) -> dict:
    """The heading, wording, signature and date as they will be printed on ``certificate``."""
    values = placeholder_values(certificate, template.language, today)
    return {
        "language": template.language,
        "heading": fill(template.heading, values),
        "body": fill(template.body, values),
        "signature": fill(template.signature, values),
        "date": written_date(today, template.language, formal=True),
    }
