"""The figures organizers report, each computed by one documented query.

A figure takes a :class:`Scope` — one event, or every event narrowed by period, region and
field — and returns plain numbers, lists and dicts (JSON-ready for the charts).
:func:`figures` gathers them all for the dashboards, the report and the workbook.
"""

from .attendance import event_rows, registrations_by_category, registrations_over_time
from .boards import (
    FUNNEL,
    STAGES,
    claims_by_status,
    investment,
    landing_coverage,
    landings_by_region,
    pairing_figures,
    pairings_by_field,
    postings_by_stage,
)
from .contests import contest_figures_in
from .people import (
    demand_organizations,
    experts_by_residence,
    hometown_experts,
    mentees_by_kind,
    mentor_count,
    mentors_by_honour,
    organizations_by_kind,
)
from .scope import Scope

__all__ = [
    "FUNNEL",
    "STAGES",
    "Scope",
    "claims_by_status",
    "contest_figures_in",
    "demand_organizations",
    "event_rows",
    "experts_by_residence",
    "figures",
    "hometown_experts",
    "investment",
    "landing_coverage",
    "landings_by_region",
    "mentees_by_kind",
    "mentor_count",
    "mentors_by_honour",
    "organizations_by_kind",
    "pairing_figures",
    "pairings_by_field",
    "postings_by_stage",
    "registrations_by_category",
    "registrations_over_time",
]


def figures(scope: Scope) -> dict:
    """Every figure of the scope, by name, plus the headline numbers the cards show."""
    stages = {row["key"]: row for row in postings_by_stage(scope)}
    claims = claims_by_status(scope)
    pairings = pairing_figures(scope)
    attendance = registrations_by_category(scope)
    organizations = organizations_by_kind(scope)
    mentees = mentees_by_kind(scope)
    demand_posters = demand_organizations(scope)
    money = investment(scope)
    coverage = landing_coverage(scope)
    residence = experts_by_residence(scope)
    return {
        "mentors": residence["domestic"] + residence["overseas"],
        "mentors_by_honour": mentors_by_honour(scope),
        "mentees_by_kind": mentees,
        "demand_organizations": demand_posters,
        "organizations_by_kind": organizations,
        "stages": list(stages.values()),
        "claims_by_status": claims,
        "pairings": pairings,
        "pairings_by_field": pairings_by_field(scope),
        "attendance": attendance,
        "registrations_over_time": registrations_over_time(scope),
        "investment": money,
        "coverage": coverage,
        "landings_by_province": landings_by_region(scope, "province"),
        "landings_by_county": landings_by_region(scope, "county"),
        "residence": residence,
        "hometown": hometown_experts(scope),
        "contests": contest_figures_in(scope),
        "headline": {
            "mentors": residence["domestic"] + residence["overseas"],
            "mentees": sum(row["count"] for row in mentees),
            "enterprises": next(
                row["count"] for row in organizations if row["key"] == "enterprise"
            ),
            "demand_organizations": demand_posters,
            "collected": stages["collected"]["total"],
            "collected_projects": stages["collected"]["projects"],
            "collected_challenges": stages["collected"]["challenges"],
            "posted_on_site": stages["posted_on_site"]["total"],
            "roadshow": stages["roadshow"]["total"],
            "claims": sum(row["count"] for row in claims),
            "claims_accepted": next(row["count"] for row in claims if row["key"] == "accepted"),
            "pairings_formed": pairings["formed"],
            "pairings_celebrated": pairings["celebrated"],
            "registered": attendance["total"]["registered"],
            "checked_in": attendance["total"]["checked_in"],
            "no_show": attendance["total"]["no_show"],
            "landed": stages["landed"]["total"],
            "intended": money["intended"],
            "signed": money["signed"],
            "counties": coverage["counties"],
            "towns": coverage["towns"],
            "villages": coverage["villages"],
        },
    }
