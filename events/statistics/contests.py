"""Contest figures (以赛引才) in the statistics: entries by track and by region, finalists,
awarded and landed, for the scope of the dashboards and for the offices of the outcomes.

What counts: entries submitted at some point (not drafts, not withdrawn). For one event, the
contests held at it; across events, every contest. For the outcomes, the contests of the
offices the reader may see. Period: the entry's submission; region: the region the team
wrote, matched from its start (山东 = 山东省青岛市 …); field: not applicable (entries carry
none). Landed: an awarded entry whose project on the achievement board has a landing.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..contests.figures import counted_entries, entry_figures
from .scope import Scope

__all__ = [
    "CONTEST_FIGURES",
    "contest_entries_in",
    "contest_figures_in",
    "contest_tables",
    "office_contest_entries",
]

# The headline figures of the contests: key, label.
CONTEST_FIGURES = [
    ("entries", gettext_lazy("Contest entries")),
    ("finalists", gettext_lazy("Contest finalists")),
    ("awarded", gettext_lazy("Contest entries awarded")),
    ("landed", gettext_lazy("Awarded contest entries landed")),
]


def _narrow(entries: QuerySet, *, region: str) -> QuerySet:
    return entries.filter(region__startswith=region) if region else entries


def contest_entries_in(scope: Scope) -> QuerySet:
    """Entries counted by a dashboard's scope."""
    entries = counted_entries()
    if scope.event:
        entries = entries.filter(contest__event=scope.event)
    if scope.since:
        entries = entries.filter(submitted_at__date__gte=scope.since)
    if scope.until:
        entries = entries.filter(submitted_at__date__lte=scope.until)
    return _narrow(entries, region=scope.province)


def office_contest_entries(offices, *, since=None, until=None, region: str = "") -> QuerySet:
    """Entries of the contests of ``offices`` (ids; None: every office), submitted in the
    whole years ``since``–``until``."""
    entries = counted_entries()
    if offices is not None:
        entries = entries.filter(contest__office__in=offices)
    if since:
        entries = entries.filter(submitted_at__year__gte=since)
    if until:
        entries = entries.filter(submitted_at__year__lte=until)
    return _narrow(entries, region=region)


def contest_figures_in(scope: Scope) -> dict:
    """The scope's contest figures (three queries)."""
    return entry_figures(contest_entries_in(scope))


def contest_tables(figures: dict) -> list[dict]:
    """The contest tables of the dashboards, the report and the workbook: the headline
    figures, entries by track, entries by region."""
    return [
        {
            "key": "contests",
            "title": _("Contest figures"),
            "headers": [_("Figure"), _("Value")],
            "rows": [[str(label), figures[key]] for key, label in CONTEST_FIGURES],
        },
        {
            "key": "contest_tracks",
            "title": _("Contest entries by track"),
            "headers": [_("Track"), _("Entries")],
            "rows": [list(row) for row in figures["by_track"]],
        },
        {
            "key": "contest_regions",
            "title": _("Contest entries by region"),
            "headers": [_("Region"), _("Entries")],
            "rows": [list(row) for row in figures["by_region"]],
        },
    ]
