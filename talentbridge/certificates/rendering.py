"""Certificates as PDF: one page each, with the office's wording and seal and a QR code that
leads to the public verification page.

fpdf2 draws the pages; the Chinese text is set in Noto Serif SC and Noto Sans SC from the
``pylopdf-fonts-zh-cn`` package (SIL Open Font License), embedded as subsets, so a PDF shows
the same on any machine and the portal needs no system font.
"""

import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pylopdf_fonts_zh_cn as noto
import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from ..models import Certificate

# fontTools reports every step of subsetting a font at INFO level.
logging.getLogger("fontTools").setLevel(logging.WARNING)

WIDTH, HEIGHT = 297, 210  # A4 landscape, in mm
MARGIN = 18
RED = (150, 28, 28)
INK = (30, 30, 30)
GREY = (110, 110, 110)
SEAL_SIZE = 42
QR_SIZE = 30
PT = 25.4 / 72  # a point, in mm
BODY_SIZES = (17, 15, 13, 11, 9, 7)
# Runs of Latin letters and digits (up to 24) stay on one line; anything else stands alone.
_TOKENS = re.compile(r"[A-Za-z0-9.,:;/%+@_'’·-]{1,24}|\s+|.")
_NO_LINE_START = set("，。、；：？！）》」』”’…%,.;:?!)")


@dataclass
class Page:
    """What one page shows; ``seal`` is the seal image's bytes (or empty)."""

    certificate: Certificate
    wording: dict
    seal: bytes = b""


def verification_url(certificate: Certificate) -> str:
    path = reverse("certificate_verify", args=[certificate.code])
    return settings.SITE_URL.rstrip("/") + path


def render_pdf(pages: Iterable[Page]) -> bytes:
    """One PDF with a page per certificate (a batch prints in one file)."""
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creator("TalentBridge")
    pdf.add_font("serif", "", noto.serif_path())
    pdf.add_font("sans", "", noto.sans_path())
    for page in pages:
        with translation.override(page.wording.get("language") or settings.LANGUAGE_CODE):
            _draw_page(pdf, page)
    return bytes(pdf.output())


def _draw_page(pdf: FPDF, page: Page) -> None:
    certificate, wording = page.certificate, page.wording
    pdf.add_page()
    mark = _watermark(certificate)
    if mark:
        _draw_watermark(pdf, mark)
    _draw_border(pdf)
    if certificate.number:
        pdf.set_font("sans", size=10)
        pdf.set_text_color(*GREY)
        pdf.set_xy(MARGIN + 10, MARGIN + 6)
        pdf.cell(
            w=WIDTH - 2 * MARGIN - 20,
            text=_("No. %(number)s") % {"number": certificate.number},
            align="R",
        )
    pdf.set_font("serif", size=34)
    pdf.set_text_color(*RED)
    pdf.set_char_spacing(6 if _is_chinese(wording) else 1)
    pdf.set_xy(MARGIN, MARGIN + 20)
    pdf.cell(w=WIDTH - 2 * MARGIN, h=16, text=wording["heading"], align="C")
    pdf.set_char_spacing(0)
    _draw_body(pdf, wording)
    _draw_signature(pdf, wording, page.seal)
    _draw_qr(pdf, certificate)


def _is_chinese(wording: dict) -> bool:
    return str(wording.get("language", "")).startswith("zh")


def _draw_border(pdf: FPDF) -> None:
    pdf.set_draw_color(*RED)
    pdf.set_line_width(1.4)
    pdf.rect(MARGIN - 8, MARGIN - 8, WIDTH - 2 * MARGIN + 16, HEIGHT - 2 * MARGIN + 16)
    pdf.set_line_width(0.4)
    pdf.rect(MARGIN - 5, MARGIN - 5, WIDTH - 2 * MARGIN + 10, HEIGHT - 2 * MARGIN + 10)


def _draw_body(pdf: FPDF, wording: dict) -> None:
    """The wording between heading and signature, in the largest size at which it fits."""
    left, top, width, height = MARGIN + 22, MARGIN + 52, WIDTH - 2 * MARGIN - 44, 86
    pdf.set_text_color(*INK)
    for size in BODY_SIZES:
        pdf.set_font("serif", size=size)
        indent, line = (2 * size * PT if _is_chinese(wording) else 0), size * PT * 1.8
        paragraphs = [
            _wrap(pdf, text.strip(), width, indent) for text in wording["body"].splitlines()
        ]
        if sum(map(len, paragraphs)) * line <= height:
            break
    y = top
    for lines in paragraphs:
        for number, text in enumerate(lines):
            offset = indent if number == 0 else 0
            pdf.set_xy(left + offset, y)
            pdf.cell(w=width - offset, h=line, text=text)
            y += line


def _wrap(pdf: FPDF, text: str, width: float, indent: float) -> list[str]:
    """Lines of ``text`` that fit ``width`` (the first one ``indent`` less). Chinese breaks
    between any two characters, but never inside a number or a Latin word, and closing
    punctuation never starts a line."""
    lines, current, limit = [], "", width - indent
    for token in _TOKENS.findall(text):
        fits = pdf.get_string_width(current + token) <= limit
        if fits or not current.strip() or token.isspace() or token in _NO_LINE_START:
            current += token
            continue
        lines.append(current.rstrip())
        current, limit = token, width
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _draw_signature(pdf: FPDF, wording: dict, seal: bytes) -> None:
    right = WIDTH - MARGIN - 24
    top = HEIGHT - MARGIN - 48
    block = 90
    if seal:
        pdf.image(
            io.BytesIO(seal),
            x=right - block / 2 - SEAL_SIZE / 2,
            y=top - 10,
            w=SEAL_SIZE,
            h=SEAL_SIZE,
            keep_aspect_ratio=True,
        )
    pdf.set_font("serif", size=15)
    pdf.set_text_color(*INK)
    pdf.set_xy(right - block, top)
    pdf.multi_cell(w=block, h=9, text=wording["signature"], align="C")
    pdf.set_x(right - block)
    pdf.cell(w=block, h=9, text=wording["date"], align="C")


def _draw_qr(pdf: FPDF, certificate: Certificate) -> None:
    url = verification_url(certificate)
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=1)
    left, top = MARGIN + 6, HEIGHT - MARGIN - QR_SIZE - 8
    pdf.image(io.BytesIO(buffer.getvalue()), x=left, y=top, w=QR_SIZE, h=QR_SIZE)
    pdf.set_font("sans", size=8)
    pdf.set_text_color(*GREY)
    pdf.set_xy(left + QR_SIZE + 3, top + QR_SIZE - 14)
    pdf.multi_cell(w=90, h=4.5, text=_("Scan to verify this certificate") + "\n" + url)


def _watermark(certificate: Certificate) -> str:
    if certificate.revoked_at:
        return _("REVOKED")
    if not certificate.issued_at:
        return _("DRAFT — NOT ISSUED")
    return ""


def _draw_watermark(pdf: FPDF, text: str) -> None:
    pdf.set_font("sans", size=44)
    pdf.set_text_color(215, 215, 215)
    with pdf.rotation(20, x=WIDTH / 2, y=HEIGHT / 2):
        pdf.set_xy(0, HEIGHT / 2 - 10)
        pdf.cell(w=WIDTH, h=20, text=text, align="C")
