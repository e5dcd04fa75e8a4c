"""Outcomes over years: what a programme brought in and what became of it, across events and
programmes, for one office or all (the platform's administrators).

A figure takes an :class:`OutcomeScope` — offices, a period of whole years, a region as
written in the records (matched against province, city or county) and a field — and returns
plain numbers and lists. Each figure names what it counts; the choices are documented here:

- experts: distinct experts who posted a collected project or run a studio of the scope;
- projects collected: projects submitted to the offices, by year created;
- landings: landings of the offices' postings, by landing date, with intended investment and
  the distinct counties, towns and villages reached;
- talents: mentees held by the offices by kind (rural talents, returning youth, founders) and
  venture firms held, by year the office took them on;
- studios and training: studios opened, training sessions held (trainees, backbone staff);
- signings: agreements signed at the offices' events or for their projects (those signed on
  stage counted apart);
- follow-ups: the latest check-in of each landing — operating or not, jobs, talents;
- contests: entries of the offices' contests by year submitted, those awarded and those
  landed (``contests.py``).
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear

from mentors.models import (
    Holding,
    IndustryChain,
    Mentee,
    Organization,
    Studio,
    TrainingSession,
)
from projects.models import FollowUp, Landing, Project

from ..contests.figures import entry_totals
from ..models import Signing
from .contests import office_contest_entries

OPERATING = (FollowUp.OperatingStatus.OPERATING, FollowUp.OperatingStatus.EXPANDING)


@dataclass(frozen=True)
class OutcomeScope:
    """``offices``: the office ids counted (None: every office); ``since``/``until``: whole
    years, inclusive; ``region``: a province, city or county as written; ``field``."""

    offices: frozenset[int] | None = None
    since: int | None = None
    until: int | None = None
    region: str = ""
    field: IndustryChain | None = None


def _narrow(rows: QuerySet, scope: OutcomeScope, *, office, year, place="", field=""):
    """Filter ``rows`` on the scope: office path, year path, place prefix and field path."""
    if scope.offices is not None:
        rows = rows.filter(**{f"{office}__in": scope.offices})
    if scope.since:
        rows = rows.filter(**{f"{year}__year__gte": scope.since})
    if scope.until:
        rows = rows.filter(**{f"{year}__year__lte": scope.until})
    if scope.region:
        rows = rows.filter(
            Q(**{f"{place}province": scope.region})
            | Q(**{f"{place}city": scope.region})
            | Q(**{f"{place}county": scope.region})
        )
    if scope.field and field:
        rows = rows.filter(**{field: scope.field}).distinct()
    return rows


def projects_collected(scope: OutcomeScope) -> QuerySet:
    return _narrow(Project.objects.all(), scope, office="office", year="created_at", field="fields")


def landings(scope: OutcomeScope) -> QuerySet:
    rows = Landing.objects.all()
    if scope.offices is not None:
        rows = rows.filter(
            Q(project__office__in=scope.offices) | Q(challenge__office__in=scope.offices)
        )
    rows = _narrow(rows, replace_offices(scope), office="", year="landed_on")
    if scope.field:
        rows = rows.filter(
            Q(project__fields=scope.field) | Q(challenge__fields=scope.field)
        ).distinct()
    return rows


def replace_offices(scope: OutcomeScope) -> OutcomeScope:
    """The scope without its office filter (applied on another path by the caller)."""
    return OutcomeScope(since=scope.since, until=scope.until, region=scope.region)


def studios(scope: OutcomeScope) -> QuerySet:
    return _narrow(Studio.objects.all(), scope, office="office", year="opened_on", field="field")


def training_sessions(scope: OutcomeScope) -> QuerySet:
    return _narrow(
        TrainingSession.objects.all(),
        scope,
        office="studio__office",
        year="held_on",
        place="studio__",
        field="studio__field",
    )


def signings(scope: OutcomeScope) -> QuerySet:
    """Agreements signed at the offices' events or for the offices' projects."""
    rows = Signing.objects.all()
    if scope.offices is not None:
        rows = rows.filter(
            Q(event__office__in=scope.offices) | Q(project__office__in=scope.offices)
        )
    return _narrow(
        rows,
        replace_offices(scope),
        office="",
        year="signed_on",
        place="project__",
        field="project__fields",
    )


def held(scope: OutcomeScope, role: str) -> QuerySet:
    """Holdings of one kind of person (``mentee`` or ``organization``) in the scope."""
    rows = Holding.objects.filter(**{f"{role}__isnull": False})
    return _narrow(
        rows, scope, office="office", year="created_at", place=f"{role}__", field=f"{role}__fields"
    )


def experts(scope: OutcomeScope) -> int:
    """Distinct experts who posted a collected project or run a studio of the scope."""
    posting = projects_collected(scope).exclude(poster_mentor=None).values("poster_mentor")
    running = studios(scope).values("mentor")
    ids = set(posting.values_list("poster_mentor", flat=True))
    return len(ids | set(running.values_list("mentor", flat=True)))


def _latest_followups(landing_rows: QuerySet) -> list[FollowUp]:
    """The latest check-in of each landing of ``landing_rows``."""
    latest: dict[int, FollowUp] = {}
    rows = FollowUp.objects.filter(landing__in=landing_rows.values("pk")).order_by(
        "landing_id", "-checked_on", "-pk"
    )
    for followup in rows.only(
        "landing_id", "status", "jobs_created", "talents_brought", "actual_investment"
    ):
        latest.setdefault(followup.landing_id, followup)
    return list(latest.values())


def _coverage(landing_rows: QuerySet) -> dict:
    place = ("province", "city", "county")
    return {
        "counties": landing_rows.exclude(county="").values(*place).distinct().count(),
        "towns": landing_rows.exclude(town="").values(*place, "town").distinct().count(),
        "villages": landing_rows.exclude(village="")
        .values(*place, "town", "village")
        .distinct()
        .count(),
    }


def _kind_counts(rows: QuerySet, path: str) -> dict[str, int]:
    return dict(rows.values(path).annotate(n=Count("pk")).values_list(path, "n").order_by())


def _by_year(rows: QuerySet, when: str, **sums) -> dict[int, dict]:
    values = {"count": Count("pk", distinct=True)} | {
        name: Sum(column) for name, column in sums.items()
    }
    grouped = rows.annotate(year=ExtractYear(when)).values("year").annotate(**values)
    return {row["year"]: row for row in grouped.order_by()}


def outcome_figures(scope: OutcomeScope) -> dict:
    """Every outcome figure of the scope: the totals and the rows by year."""
    landing_rows = landings(scope)
    money = landing_rows.aggregate(intended=Sum("intended_investment"))
    training = training_sessions(scope).aggregate(
        sessions=Count("pk"), trainees=Sum("trainees"), backbone=Sum("backbone_trained")
    )
    signing_rows = signings(scope)
    mentees = _kind_counts(held(scope, "mentee"), "mentee__kind")
    organizations = _kind_counts(held(scope, "organization"), "organization__kind")
    latest = _latest_followups(landing_rows)
    contests = entry_totals(
        office_contest_entries(
            scope.offices, since=scope.since, until=scope.until, region=scope.region
        )
    )
    totals = {
        "experts": experts(scope),
        "collected": projects_collected(scope).count(),
        "landed": landing_rows.count(),
        "intended": money["intended"] or 0,
        **_coverage(landing_rows),
        "rural_talents": mentees.get(Mentee.Kind.RURAL_TALENT, 0),
        "returning_youth": mentees.get(Mentee.Kind.RETURNING_YOUTH, 0),
        "founders": mentees.get(Mentee.Kind.FOUNDER, 0),
        "venture_firms": organizations.get(Organization.Kind.VENTURE, 0),
        "studios": studios(scope).count(),
        "sessions": training["sessions"],
        "trainees": training["trainees"] or 0,
        "backbone": training["backbone"] or 0,
        "signings": signing_rows.count(),
        "signed_on_stage": signing_rows.exclude(on_stage=None).count(),
        "signed_amount": signing_rows.aggregate(total=Sum("amount"))["total"] or 0,
        "followed_up": len(latest),
        "operating": sum(f.status in OPERATING for f in latest),
        "jobs": sum(f.jobs_created for f in latest),
        "talents_brought": sum(f.talents_brought for f in latest),
        "actual_investment": sum(f.actual_investment or 0 for f in latest),
        "contest_entries": contests["entries"],
        "contest_awarded": contests["awarded"],
        "contest_landed": contests["landed"],
    }
    return {"totals": totals, "years": _years(scope, landing_rows, signing_rows)}


def _years(scope: OutcomeScope, landing_rows: QuerySet, signing_rows: QuerySet) -> list[dict]:
    """One row per year that has anything: collected, landed, investment, studios, training,
    signings."""
    columns = {
        "collected": _by_year(projects_collected(scope), "created_at"),
        "landed": _by_year(landing_rows, "landed_on", intended="intended_investment"),
        "studios": _by_year(studios(scope), "opened_on"),
        "training": _by_year(
            training_sessions(scope), "held_on", trainees="trainees", backbone="backbone_trained"
        ),
        "signings": _by_year(signing_rows, "signed_on"),
    }
    years = sorted({year for rows in columns.values() for year in rows if year})
    empty: dict = {}
    return [
        {
            "year": year,
            "collected": columns["collected"].get(year, empty).get("count", 0),
            "landed": columns["landed"].get(year, empty).get("count", 0),
            "intended": columns["landed"].get(year, empty).get("intended") or 0,
            "studios": columns["studios"].get(year, empty).get("count", 0),
            "trainees": columns["training"].get(year, empty).get("trainees") or 0,
            "backbone": columns["training"].get(year, empty).get("backbone") or 0,
            "signings": columns["signings"].get(year, empty).get("count", 0),
        }
        for year in years
    ]
