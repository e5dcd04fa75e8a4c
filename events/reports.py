"""Presenting the figures: headline cards, the report paragraph in the style of the summit
reports (in Chinese and in English), the tables, the charts' data and the .docx report."""

import io
from decimal import Decimal

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from docx import Document

from . import statistics
from .models import Event
from .statistics import FUNNEL, Scope
from .statistics.contests import CONTEST_FIGURES, contest_tables

# The headline cards: figure key, label, whether it is an amount of money.
HEADLINE = [
    ("mentors", gettext_lazy("Experts"), False),
    ("mentees", gettext_lazy("Mentees"), False),
    ("collected", gettext_lazy("Projects and demands collected"), False),
    ("posted_on_site", gettext_lazy("Posted on site"), False),
    ("roadshow", gettext_lazy("In a roadshow"), False),
    ("demand_organizations", gettext_lazy("Organisations posting demands"), False),
    ("claims", gettext_lazy("Claims"), False),
    ("claims_accepted", gettext_lazy("Claims accepted"), False),
    ("pairings_formed", gettext_lazy("Pairings formed"), False),
    ("pairings_celebrated", gettext_lazy("Pairings celebrated"), False),
    ("registered", gettext_lazy("People registered"), False),
    ("checked_in", gettext_lazy("People checked in"), False),
    ("no_show", gettext_lazy("No-shows"), False),
    ("landed", gettext_lazy("Landed"), False),
    ("counties", gettext_lazy("Counties and districts reached"), False),
    ("towns", gettext_lazy("Towns and sub-districts reached"), False),
    ("villages", gettext_lazy("Villages and communities reached"), False),
    ("intended", gettext_lazy("Intended investment"), True),
    ("signed", gettext_lazy("Signed investment"), True),
]

# Suffixes the province names of the records carry and the map's names do not.
PROVINCE_SUFFIXES = (
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)


def _trim(number: Decimal) -> str:
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _is_english() -> bool:
    return (translation.get_language() or "").startswith("en")


def grouped(value):
    """A whole number with thousands separators (92,000,000), in every language; anything
    else as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return value


def format_yuan(amount: int) -> str:
    """An amount of yuan the way reports write it: 35亿元 / 9200万元, ¥3.5 billion."""
    if _is_english():
        if amount >= 10**9:
            return f"¥{_trim(Decimal(amount) / 10**9)} billion"
        if amount >= 10**6:
            return f"¥{_trim(Decimal(amount) / 10**6)} million"
        return f"¥{amount:,}"
    if amount >= 10**8:
        return f"{_trim(Decimal(amount) / 10**8)}亿元"
    if amount >= 10**4:
        return f"{_trim(Decimal(amount) / 10**4)}万元"
    return f"{amount}元"


def map_name(province: str) -> str:
    """The name the China map uses for a province as recorded (“福建省” → “福建”)."""
    for suffix in PROVINCE_SUFFIXES:
        if province.endswith(suffix) and len(province) > len(suffix):
            return province[: -len(suffix)]
    return province


def headline_cards(figures: dict) -> list[dict]:
    """The headline figures as cards: label and displayed value."""
    numbers = figures["headline"]
    return [
        {
            "key": key,
            "label": str(label),
            "value": format_yuan(numbers[key]) if money else numbers[key],
        }
        for key, label, money in HEADLINE
    ]


def paragraph(event: Event, figures: dict) -> str:
    """The headline figures as a short paragraph, in the active language, in the style of
    the summit reports ("此次大会共征集53个项目，其中19个项目通过现场张榜…"). Every word of
    it is in that language, honours included, and its tense follows the event's date."""
    numbers = figures["headline"]
    when = date_format(timezone.localtime(event.starts_at), "DATE_FORMAT")
    held = event.is_past
    language = "en" if _is_english() else "zh"
    intro = (
        _("On %(date)s, %(title)s was held at %(venue)s.")
        if held
        else _("%(title)s takes place at %(venue)s on %(date)s.")
    ) % {"date": when, "title": event.title, "venue": event.venue}
    honours = _(", ").join(
        _("%(count)s with the honour “%(honour)s”")
        % {"count": row["count"], "honour": row["names"][language]}
        for row in figures["mentors_by_honour"]
    )
    people = ngettext(
        "The event brought together %(mentors)s expert as a mentor%(honours)s, and "
        "%(mentees)s mentees.",
        "The event brought together %(mentors)s experts as mentors%(honours)s, and "
        "%(mentees)s mentees.",
        numbers["mentors"],
    ) % {
        "mentors": numbers["mentors"],
        "honours": _(", among them %(list)s") % {"list": honours} if honours else "",
        "mentees": numbers["mentees"],
    }
    boards = ngettext(
        "It collected %(collected)s project or demand (%(projects)s projects, %(challenges)s "
        "demands); %(on_site)s were posted on site, and %(roadshow)s were presented in "
        "roadshows to %(organizations)s organisations posting demands.",
        "It collected %(collected)s projects and demands (%(projects)s projects, "
        "%(challenges)s demands); %(on_site)s were posted on site, and %(roadshow)s were "
        "presented in roadshows to %(organizations)s organisations posting demands.",
        numbers["collected"],
    ) % {
        "collected": numbers["collected"],
        "projects": numbers["collected_projects"],
        "challenges": numbers["collected_challenges"],
        "on_site": numbers["posted_on_site"],
        "roadshow": numbers["roadshow"],
        "organizations": numbers["demand_organizations"],
    }
    matches = ngettext(
        "%(claims)s claim was made, %(accepted)s of them accepted; %(formed)s mentor–mentee "
        "pairings were formed, %(celebrated)s of them celebrated at the pairing ceremony.",
        "%(claims)s claims were made, %(accepted)s of them accepted; %(formed)s mentor–mentee "
        "pairings were formed, %(celebrated)s of them celebrated at the pairing ceremony.",
        numbers["claims"],
    ) % {
        "claims": numbers["claims"],
        "accepted": numbers["claims_accepted"],
        "formed": numbers["pairings_formed"],
        "celebrated": numbers["pairings_celebrated"],
    }
    if held:
        attendance = ngettext(
            "%(registered)s person registered and %(checked_in)s checked in.",
            "%(registered)s people registered and %(checked_in)s checked in.",
            numbers["registered"],
        ) % {"registered": numbers["registered"], "checked_in": numbers["checked_in"]}
    else:
        attendance = ngettext(
            "So far %(registered)s person has registered.",
            "So far %(registered)s people have registered.",
            numbers["registered"],
        ) % {"registered": numbers["registered"]}
    if numbers["landed"]:
        landing = ngettext(
            "%(landed)s project has landed, in %(counties)s counties or districts, with "
            "intended investment of %(intended)s and signed investment of %(signed)s.",
            "%(landed)s projects have landed, in %(counties)s counties or districts, with "
            "intended investment of %(intended)s and signed investment of %(signed)s.",
            numbers["landed"],
        ) % {
            "landed": numbers["landed"],
            "counties": numbers["counties"],
            "intended": format_yuan(numbers["intended"]),
            "signed": format_yuan(numbers["signed"]),
        }
    else:
        landing = _("No project has landed yet.")
    # Chinese sentences follow each other without a space.
    joiner = " " if _is_english() else ""
    return joiner.join([intro, people, boards, matches, attendance, landing])


def bilingual_paragraphs(event: Event, figures: dict) -> list[dict]:
    """The paragraph in Chinese and in English, whatever the reader's language: each one
    written wholly in its own language."""
    result = []
    for code, name in (("zh-hans", "中文"), ("en", "English")):
        with translation.override(code):
            result.append({"lang": code, "name": name, "text": paragraph(event, figures)})
    return result


def _rows(rows: list[dict], *keys: str) -> list[list]:
    return [[row[key] for key in keys] for row in rows]


def tables(figures: dict) -> list[dict]:
    """The report's tables: title, column headers, rows (numbers stay numbers)."""
    attendance = figures["attendance"]
    residence = figures["residence"]
    hometown = figures["hometown"]
    money = _("Intended investment (yuan)"), _("Signed investment (yuan)")
    return [
        {
            "key": "stages",
            "title": _("Projects and demands by stage"),
            "headers": [_("Stage"), _("Projects"), _("Demands"), _("Total")],
            "rows": _rows(figures["stages"], "label", "projects", "challenges", "total"),
        },
        {
            "key": "honours",
            "title": _("Experts by honour"),
            "headers": [_("Honour"), _("Experts")],
            "rows": _rows(figures["mentors_by_honour"], "label", "count"),
        },
        {
            "key": "residence",
            "title": _("Overseas and domestic experts"),
            "headers": [_("Residence"), _("Experts")],
            "rows": [[_("Domestic"), residence["domestic"]], [_("Overseas"), residence["overseas"]]]
            + _rows(residence["countries"], "label", "count"),
        },
        {
            "key": "hometown",
            "title": _("Hometown experts of %(place)s") % {"place": hometown["home"]}
            if hometown["home"]
            else _("Experts by hometown province"),
            "headers": [
                _("Where they live") if hometown["home"] else _("Hometown province"),
                _("Experts"),
            ],
            "rows": _rows(hometown["rows"], "label", "count"),
        },
        {
            "key": "mentees",
            "title": _("Mentees by kind"),
            "headers": [_("Kind"), _("Mentees")],
            "rows": _rows(figures["mentees_by_kind"], "label", "count"),
        },
        {
            "key": "organizations",
            "title": _("Organisations by kind"),
            "headers": [_("Kind"), _("Organisations")],
            "rows": _rows(figures["organizations_by_kind"], "label", "count"),
        },
        {
            "key": "claims",
            "title": _("Claims by status"),
            "headers": [_("Status"), _("Claims")],
            "rows": _rows(figures["claims_by_status"], "label", "count"),
        },
        {
            "key": "pairings",
            "title": _("Pairings by status"),
            "headers": [_("Status"), _("Pairings")],
            "rows": _rows(figures["pairings"]["by_status"], "label", "count"),
        },
        {
            "key": "fields",
            "title": _("Pairings formed by field"),
            "headers": [_("Field"), _("Pairings")],
            "rows": _rows(figures["pairings_by_field"], "label", "count"),
        },
        {
            "key": "attendance",
            "title": _("Registrations by category"),
            "headers": [
                _("Category"),
                _("People registered"),
                _("People checked in"),
                _("No-shows"),
                _("Waitlisted"),
                _("Cancelled"),
            ],
            "rows": _rows(attendance["rows"], "label", *statistics.attendance.COLUMNS)
            + [[_("Total"), *(attendance["total"][c] for c in statistics.attendance.COLUMNS)]],
        },
        {
            "key": "days",
            "title": _("Registrations over time"),
            "headers": [_("Day"), _("Registrations"), _("Running total")],
            "rows": _rows(figures["registrations_over_time"], "day", "count", "cumulative"),
        },
        {
            "key": "provinces",
            "title": _("Landings by province"),
            "headers": [_("Province"), _("Landings"), *money],
            "rows": _rows(
                figures["landings_by_province"], "province", "count", "intended", "signed"
            ),
        },
        {
            "key": "counties",
            "title": _("Landings by county or district"),
            "headers": [_("Province"), _("City"), _("County / district"), _("Landings"), *money],
            "rows": _rows(
                figures["landings_by_county"],
                "province",
                "city",
                "county",
                "count",
                "intended",
                "signed",
            ),
        },
        *(contest_tables(figures["contests"]) if figures["contests"]["entries"] else []),
    ]


def chart_data(figures: dict) -> dict:
    """What static/events/charts.js draws: the funnel, pairings by field, landings on the
    China map and registrations over time, with translated series names."""
    stages = {row["key"]: row for row in figures["stages"]}
    return {
        "funnel": [{"name": stages[k]["label"], "value": stages[k]["total"]} for k in FUNNEL],
        "fields": [
            {"name": row["label"], "value": row["count"]} for row in figures["pairings_by_field"]
        ],
        "map": [
            {"name": map_name(row["province"]), "value": row["count"], "label": row["province"]}
            for row in figures["landings_by_province"]
            if row["province"]
        ],
        "days": figures["registrations_over_time"],
        "labels": {
            "postings": _("Projects and demands"),
            "pairings": _("Pairings"),
            "landings": _("Landings"),
            "registrations": _("Registrations"),
            "cumulative": _("Running total"),
        },
    }


def figures_sheet(scope: Scope) -> tuple[str, list[str], list[list]]:
    """The first sheet of an event's workbook: the headline figures."""
    figures = statistics.figures(scope)
    numbers, contests = figures["headline"], figures["contests"]
    rows = [[str(label), numbers[key]] for key, label, _money in HEADLINE]
    rows += [[str(label), contests[key]] for key, label in CONTEST_FIGURES]
    for table in contest_tables(contests)[1:]:  # by track, by region
        rows += [[f"{table['title']} · {name}", n] for name, n in table["rows"]]
    return _("Figures"), [_("Figure"), _("Value")], rows


def report_docx(event: Event, figures: dict) -> bytes:
    """The report as a Word document: title, the paragraph in both languages, the tables."""
    document = Document()
    document.add_heading(_("Report: %(title)s") % {"title": event.title}, level=0)
    for item in bilingual_paragraphs(event, figures):
        document.add_paragraph(item["text"])
    cards = headline_cards(figures)
    table = document.add_table(rows=1, cols=2)
    table.style = "Light Grid Accent 1"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = _("Figure"), _("Value")
    for card in cards:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = card["label"], str(grouped(card["value"]))
    for item in tables(figures):
        document.add_heading(item["title"], level=2)
        grid = document.add_table(rows=1, cols=len(item["headers"]))
        grid.style = "Light Grid Accent 1"
        for target, header in zip(grid.rows[0].cells, item["headers"], strict=True):
            target.text = str(header)
        for row in item["rows"]:
            for target, value in zip(grid.add_row().cells, row, strict=True):
                target.text = str(grouped(value))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
