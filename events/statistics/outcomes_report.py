"""Presenting outcomes over years: the paragraph in the style of the programme reports
("先后有…名专家…促成…个项目落地，意向投资…亿元，覆盖…个县、…个乡镇、…个村") in Chinese
and in English, the tables, the bars of the charts and the .docx report."""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document

from ..reports import format_yuan, grouped

# The headline figures: key, label, whether it is an amount of money.
HEADLINE = [
    ("experts", gettext_lazy("Experts taking part"), False),
    ("studios", gettext_lazy("Studios"), False),
    ("backbone", gettext_lazy("Local backbone staff trained"), False),
    ("trainees", gettext_lazy("Trainees"), False),
    ("collected", gettext_lazy("Projects collected"), False),
    ("founders", gettext_lazy("Leading entrepreneurs"), False),
    ("venture_firms", gettext_lazy("Venture firms"), False),
    ("returning_youth", gettext_lazy("Returning youth"), False),
    ("landed", gettext_lazy("Projects landed"), False),
    ("intended", gettext_lazy("Intended investment"), True),
    ("counties", gettext_lazy("Counties reached"), False),
    ("towns", gettext_lazy("Towns reached"), False),
    ("villages", gettext_lazy("Villages reached"), False),
    ("rural_talents", gettext_lazy("Rural talents"), False),
    ("signings", gettext_lazy("Agreements signed at events"), False),
    ("signed_on_stage", gettext_lazy("Signed on stage"), False),
    ("followed_up", gettext_lazy("Landings followed up"), False),
    ("operating", gettext_lazy("Operating"), False),
    ("jobs", gettext_lazy("Jobs created"), False),
    ("contest_entries", gettext_lazy("Contest entries"), False),
    ("contest_awarded", gettext_lazy("Contest entries awarded"), False),
    ("contest_landed", gettext_lazy("Awarded contest entries landed"), False),
]
YEAR_COLUMNS = ("collected", "landed", "intended", "studios", "trainees", "backbone", "signings")
CHARTS = (
    ("landed", gettext_lazy("Projects landed by year")),
    ("collected", gettext_lazy("Projects collected by year")),
    ("trainees", gettext_lazy("Trainees by year")),
)


def _english() -> bool:
    return (translation.get_language() or "").startswith("en")


def _number(value: int) -> str:
    """Reports in Chinese write 3063项; in English 3,063."""
    return f"{value:,}" if _english() else str(value)


def period_label(since: int | None, until: int | None) -> str:
    if since and until and since != until:
        return _("From %(since)s to %(until)s") % {"since": since, "until": until}
    if since and until:
        return _("In %(year)s") % {"year": since}
    if since:
        return _("Since %(year)s") % {"year": since}
    if until:
        return _("Up to %(year)s") % {"year": until}
    return _("To date")


def paragraph(totals: dict, *, who: str, since: int | None, until: int | None) -> str:
    """The outcomes as a paragraph in the active language, every figure from ``totals``."""
    n = {key: _number(value) for key, value in totals.items()}
    sentences = [
        _(
            "%(period)s, %(who)s brought together %(experts)s experts, who set up %(studios)s "
            "studios, trained %(backbone)s local backbone staff and reached %(trainees)s "
            "trainees."
        )
        % {"period": period_label(since, until), "who": who, **n},
        _(
            "%(collected)s projects were collected, attracting %(founders)s leading "
            "entrepreneurs, %(venture_firms)s venture firms and %(returning_youth)s returning "
            "young founders; %(landed)s projects landed, with intended investment of "
            "%(intended)s, covering %(counties)s counties, %(towns)s towns and %(villages)s "
            "villages, and %(rural_talents)s rural talents were cultivated."
        )
        % (n | {"intended": format_yuan(totals["intended"])}),
    ]
    if totals["signings"]:
        sentences.append(
            _(
                "%(signings)s agreements were signed at events, %(signed_on_stage)s of them "
                "on stage."
            )
            % n
        )
    if totals["followed_up"]:
        sentences.append(
            _(
                "Follow-ups of %(followed_up)s landed projects found %(operating)s operating, "
                "with %(jobs)s jobs created and %(talents_brought)s talents brought in."
            )
            % n
        )
    return (" " if _english() else "").join(sentences)


def bilingual(totals: dict, *, who: dict, since: int | None, until: int | None) -> list[dict]:
    """The paragraph in Chinese and in English, each wholly in its own language; ``who``
    names the offices in each language (``{"zh-hans": …, "en": …}``)."""
    result = []
    for code, name in (("zh-hans", "中文"), ("en", "English")):
        with translation.override(code):
            text = paragraph(totals, who=who[code], since=since, until=until)
            result.append({"lang": code, "name": name, "text": text})
    return result


def cards(totals: dict) -> list[dict]:
    return [
        {
            "key": key,
            "label": str(label),
            "value": format_yuan(totals[key]) if money else totals[key],
        }
        for key, label, money in HEADLINE
    ]


def year_table(years: list[dict]) -> dict:
    return {
        "key": "years",
        "title": _("Outcomes by year"),
        "headers": [
            _("Year"),
            _("Projects collected"),
            _("Projects landed"),
            _("Intended investment (yuan)"),
            _("Studios opened"),
            _("Trainees"),
            _("Local backbone staff trained"),
            _("Agreements signed"),
        ],
        "rows": [[row["year"], *(row[key] for key in YEAR_COLUMNS)] for row in years],
    }


def bar_charts(years: list[dict]) -> list[dict]:
    """Horizontal bars per year, drawn by the template as SVG: each bar's length is its
    share of the largest value (0–100)."""
    charts = []
    for key, title in CHARTS:
        top = max((row[key] for row in years), default=0) or 1
        bars = [
            {
                "label": row["year"],
                "value": row[key],
                "length": round(row[key] * 100 / top, 1),
                "y": index * 24,
            }
            for index, row in enumerate(years)
        ]
        charts.append({"key": key, "title": str(title), "bars": bars, "height": len(bars) * 24})
    return charts


def report_docx(title: str, paragraphs: list[dict], totals: dict, years: list[dict]) -> bytes:
    """The report as a Word document: title, the paragraph in both languages, the tables."""
    document = Document()
    document.add_heading(title, level=0)
    for item in paragraphs:
        document.add_paragraph(item["text"])
    figures = document.add_table(rows=1, cols=2)
    figures.style = "Light Grid Accent 1"
    figures.rows[0].cells[0].text, figures.rows[0].cells[1].text = _("Figure"), _("Value")
    for card in cards(totals):
        cells = figures.add_row().cells
        cells[0].text, cells[1].text = card["label"], str(grouped(card["value"]))
    table = year_table(years)
    document.add_heading(table["title"], level=2)
    grid = document.add_table(rows=1, cols=len(table["headers"]))
    grid.style = "Light Grid Accent 1"
    for cell, header in zip(grid.rows[0].cells, table["headers"], strict=True):
        cell.text = str(header)
    for year, *values in table["rows"]:
        texts = [str(year), *(str(grouped(value)) for value in values)]
        for cell, text in zip(grid.add_row().cells, texts, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
