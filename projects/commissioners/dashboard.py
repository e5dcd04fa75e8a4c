"""An office's figures: service records per commissioner and per firm, whistle requests
acknowledged and closed on time (受理率, 办结率), the median response time, and needs
distilled → published → claimed → solved, by field and by region — in a constant number of
queries, whatever the number of rows — and their .xlsx export."""

import io
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from mentors.models import IndustryChain
from projects.models import Claim, PostingEvent, Status
from talentbridge.models import Office

from .models import DemandDraft, ServiceRecord, WhistleRequest
from .queries import commissioners_of

# The periods the dashboard offers, in days back from today (None: since the beginning).
PERIODS = {"30": 30, "90": 90, "365": 365, "all": None}
DEFAULT_PERIOD = "365"

SOLVED = Q(challenge__status__in=[Status.SOLVED, Status.LANDED]) | Q(
    challenge__history__action=PostingEvent.Action.SOLVED
)
PIPELINE = {
    "distilled": Count("pk", distinct=True),
    "submitted": Count("pk", filter=Q(challenge__isnull=False), distinct=True),
    "published": Count("pk", filter=Q(challenge__published_at__isnull=False), distinct=True),
    "claimed": Count(
        "pk", filter=Q(challenge__claims__status=Claim.Status.ACCEPTED), distinct=True
    ),
    "solved": Count("pk", filter=SOLVED, distinct=True),
}


@dataclass(frozen=True)
class Rate:
    """``done`` of ``due`` on time; ``percent`` is None while nothing is due."""

    done: int
    due: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.due) if self.due else None


@dataclass
class Figures:
    since: date | None
    until: date
    totals: dict
    per_commissioner: list[dict]
    per_firm: list[dict]
    whistles: dict
    acknowledged: Rate
    closed: Rate
    median_response_hours: float | None
    pipeline: dict
    by_field: list[dict] = field(default_factory=list)
    by_region: list[dict] = field(default_factory=list)


def period_start(period: str, today: date) -> date | None:
    days = PERIODS.get(period, PERIODS[DEFAULT_PERIOD])
    return None if days is None else today - timedelta(days=days - 1)


def _records(office: Office, since: date | None, until: date) -> QuerySet[ServiceRecord]:
    records = ServiceRecord.objects.filter(office=office, served_on__lte=until)
    return records.filter(served_on__gte=since) if since else records


def _whistles(office: Office, since: date | None, until: date) -> QuerySet[WhistleRequest]:
    whistles = WhistleRequest.objects.filter(office=office, raised_at__date__lte=until)
    return whistles.filter(raised_at__date__gte=since) if since else whistles


def _drafts(office: Office, since: date | None, until: date) -> QuerySet[DemandDraft]:
    drafts = DemandDraft.objects.filter(record__office=office, created_at__date__lte=until)
    return drafts.filter(created_at__date__gte=since) if since else drafts


RECORD_COUNTS = {
    "records": Count("pk", distinct=True),
    "visits": Count("pk", filter=Q(kind=ServiceRecord.Kind.VISIT), distinct=True),
    "calls": Count("pk", filter=Q(kind=ServiceRecord.Kind.CALL), distinct=True),
    "confirmed": Count("pk", filter=Q(status=ServiceRecord.Status.CONFIRMED), distinct=True),
    "disputed": Count("pk", filter=Q(status=ServiceRecord.Status.DISPUTED), distinct=True),
    "firms": Count("organization", distinct=True),
}


def _per_commissioner(office: Office, records: QuerySet) -> list[dict]:
    counted = {
        row["commissioner"]: row
        for row in records.values("commissioner").annotate(
            **RECORD_COUNTS, minutes=Sum("duration_minutes")
        )
    }
    rows = []
    for user in commissioners_of(office):
        mentor = getattr(user, "mentor_profile", None)
        affiliation = mentor.affiliation if mentor else None
        row = counted.get(user.pk, {})
        rows.append(
            {
                "name": user.name,
                "institution": affiliation.name if affiliation else "",
                **{key: row.get(key) or 0 for key in (*RECORD_COUNTS, "minutes")},
            }
        )
    return sorted(rows, key=lambda row: (-row["records"], row["name"]))


def _per_firm(records: QuerySet) -> list[dict]:
    rows = records.values(
        "organization", "organization__name", "organization__city", "organization__county"
    ).annotate(**RECORD_COUNTS, minutes=Sum("duration_minutes"))
    return [
        {
            "name": row["organization__name"],
            "region": row["organization__county"] or row["organization__city"],
            **{key: row[key] or 0 for key in (*RECORD_COUNTS, "minutes")},
        }
        for row in rows.order_by("-records", "organization__name")
    ]


def _whistle_figures(whistles: QuerySet, now: datetime) -> tuple[dict, Rate, Rate, float | None]:
    rows = list(
        whistles.values_list(
            "raised_at", "acknowledge_by", "acknowledged_at", "close_by", "closed_at", "status"
        )
    )
    ack_due = ack_done = close_due = close_done = overdue = 0
    waits = []
    for raised, ack_by, acked, close_by, closed, status in rows:
        if acked is not None or ack_by <= now:
            ack_due += 1
            ack_done += acked is not None and acked <= ack_by
        if closed is not None or close_by <= now:
            close_due += 1
            close_done += closed is not None and closed <= close_by
        if acked is not None:
            waits.append((acked - raised).total_seconds() / 3600)
        late_ack = status == WhistleRequest.Status.OPEN and ack_by < now
        overdue += status != WhistleRequest.Status.CLOSED and (late_ack or close_by < now)
    counts = {
        "raised": len(rows),
        "open": sum(row[5] != WhistleRequest.Status.CLOSED for row in rows),
        "overdue": overdue,
    }
    median = round(statistics.median(waits), 1) if waits else None
    return counts, Rate(ack_done, ack_due), Rate(close_done, close_due), median


def _breakdown(records: QuerySet, drafts: QuerySet, record_keys: list[str], label) -> list[dict]:
    """Records and the needs pipeline grouped by the firm's field or region."""
    draft_keys = [f"record__{key}" for key in record_keys]
    rows: dict[tuple, dict] = {}
    empty = {"records": 0, "firms": 0, **dict.fromkeys(PIPELINE, 0)}
    for row in records.values(*record_keys).annotate(
        records=Count("pk", distinct=True), firms=Count("organization", distinct=True)
    ):
        key = tuple(row[k] for k in record_keys)
        rows.setdefault(key, dict(empty)).update(records=row["records"], firms=row["firms"])
    for row in drafts.values(*draft_keys).annotate(**PIPELINE):
        key = tuple(row[k] for k in draft_keys)
        rows.setdefault(key, dict(empty)).update({name: row[name] for name in PIPELINE})
    table = [{"label": label(key), **counts} for key, counts in rows.items()]
    return sorted(table, key=lambda row: (-row["records"], -row["distilled"], row["label"]))


def office_figures(office: Office, *, since: date | None, until: date, now=None) -> Figures:
    """Everything the office's dashboard shows for the period ``since`` … ``until``."""
    now = now or timezone.now()
    records = _records(office, since, until)
    drafts = _drafts(office, since, until)
    totals = records.aggregate(**RECORD_COUNTS, minutes=Sum("duration_minutes"))
    totals = {key: value or 0 for key, value in totals.items()}
    counts, acknowledged, closed, median = _whistle_figures(_whistles(office, since, until), now)
    pipeline = drafts.aggregate(**PIPELINE)
    fields = {f.pk: f.name for f in IndustryChain.objects.all()}
    no_field, no_region = _("No field given"), _("No region given")
    return Figures(
        since=since,
        until=until,
        totals=totals,
        per_commissioner=_per_commissioner(office, records),
        per_firm=_per_firm(records),
        whistles=counts,
        acknowledged=acknowledged,
        closed=closed,
        median_response_hours=median,
        pipeline=pipeline,
        by_field=_breakdown(
            records,
            drafts,
            ["organization__fields"],
            lambda key: fields.get(key[0], no_field),
        ),
        by_region=_breakdown(
            records,
            drafts,
            ["organization__city", "organization__county"],
            lambda key: "".join(part for part in key if part) or no_region,
        ),
    )


# --- Export -----------------------------------------------------------------------------------


def _cell(sheet, value, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        # Text stays text even when it starts with "=": a value never becomes a formula.
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet(workbook: Workbook, title: str, header: list[str], rows) -> None:
    sheet = workbook.create_sheet(title[:31])
    sheet.append([_cell(sheet, text, bold=True) for text in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


def _percent(rate: Rate) -> str:
    return "—" if rate.percent is None else f"{rate.percent}%"


def figures_workbook(office: Office, figures: Figures) -> bytes:
    """The dashboard as an .xlsx file: a summary, then one sheet per table (no contacts)."""
    workbook = Workbook(write_only=True)
    period = f"{figures.since or '…'} – {figures.until}"
    summary = [
        (_("Office"), office.name),
        (_("Period"), period),
        (_("Service records"), figures.totals["records"]),
        (_("Visits"), figures.totals["visits"]),
        (_("Calls"), figures.totals["calls"]),
        (_("Confirmed by the firm"), figures.totals["confirmed"]),
        (_("Firms served"), figures.totals["firms"]),
        (_("Whistle requests"), figures.whistles["raised"]),
        (_("Acknowledged on time (受理率)"), _percent(figures.acknowledged)),
        (_("Closed on time (办结率)"), _percent(figures.closed)),
        (_("Median response (hours)"), figures.median_response_hours or "—"),
        *((_pipeline_label(name), value) for name, value in figures.pipeline.items()),
    ]
    _sheet(workbook, _("Summary"), [_("Figure"), _("Value")], summary)
    counts = [_("Records"), _("Visits"), _("Calls"), _("Confirmed"), _("Disputed"), _("Firms")]
    keys = ("records", "visits", "calls", "confirmed", "disputed", "firms", "minutes")
    _sheet(
        workbook,
        _("Commissioners"),
        [_("Commissioner"), _("Institution"), *counts, _("Minutes")],
        (
            [row["name"], row["institution"], *(row[k] for k in keys)]
            for row in figures.per_commissioner
        ),
    )
    _sheet(
        workbook,
        _("Firms"),
        [_("Firm"), _("Region"), *counts[:5], _("Minutes")],
        (
            [row["name"], row["region"], *(row[k] for k in keys if k != "firms")]
            for row in figures.per_firm
        ),
    )
    breakdown = [_("Records"), _("Firms"), *(_pipeline_label(name) for name in PIPELINE)]
    for title, rows in ((_("By field"), figures.by_field), (_("By region"), figures.by_region)):
        _sheet(
            workbook,
            title,
            [title, *breakdown],
            (
                [row["label"], row["records"], row["firms"], *(row[n] for n in PIPELINE)]
                for row in rows
            ),
        )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _pipeline_label(name: str) -> str:
    return {
        "distilled": _("Needs distilled"),
        "submitted": _("Submitted as demands"),
        "published": _("Published"),
        "claimed": _("Claimed"),
        "solved": _("Solved"),
    }[name]
