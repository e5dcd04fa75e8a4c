"""Figures about the boards: postings along the funnel, claims, pairings, landings and
investment."""

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain, Pairing
from projects.models import PUBLIC_STATUSES, Claim, Landing
from projects.models import Status as PostingStatus

from ..models import EventPosting
from .scope import Scope, challenges_in, claims_in, landings_in, pairings_in, projects_in

# The funnel from collected to landed. A posting counts in every stage it has reached, so
# each stage is at most the one before it (on-site and roadshow are side branches).
STAGES = [
    ("collected", _("Collected")),
    ("published", _("Published")),
    ("posted_on_site", _("Posted on site")),
    ("roadshow", _("In a roadshow")),
    ("claimed", _("Claimed")),
    ("accepted", _("Claim accepted")),
    ("in_progress", _("In progress")),
    ("solved", _("Solved")),
    ("landed", _("Landed")),
]
FUNNEL = ("collected", "published", "claimed", "accepted", "in_progress", "solved", "landed")
IN_PROGRESS_OR_LATER = (PostingStatus.IN_PROGRESS, PostingStatus.SOLVED, PostingStatus.LANDED)
SOLVED_OR_LATER = (PostingStatus.SOLVED, PostingStatus.LANDED)
# Pairings that were formed (accepted by both sides) and not dissolved.
FORMED = (
    Pairing.Status.ACCEPTED,
    Pairing.Status.CELEBRATED,
    Pairing.Status.ACTIVE,
    Pairing.Status.CONCLUDED,
)


def _stage_counts(postings, link: str, scope: Scope) -> dict[str, int]:
    links = EventPosting.objects.filter(**{link: OuterRef("pk")})
    if scope.event:
        links = links.filter(event=scope.event)
    claims = Claim.objects.filter(**{link: OuterRef("pk")})
    landings = Landing.objects.filter(**{link: OuterRef("pk")})
    return postings.annotate(
        on_site=Exists(links.filter(posted_on_site=True)),
        on_roadshow=Exists(links.filter(session__isnull=False)),
        any_claim=Exists(claims),
        accepted_claim=Exists(claims.filter(status=Claim.Status.ACCEPTED)),
        has_landing=Exists(landings),
    ).aggregate(
        collected=Count("pk"),
        published=Count("pk", filter=Q(status__in=PUBLIC_STATUSES)),
        posted_on_site=Count("pk", filter=Q(on_site=True)),
        roadshow=Count("pk", filter=Q(on_roadshow=True)),
        claimed=Count("pk", filter=Q(any_claim=True)),
        accepted=Count("pk", filter=Q(accepted_claim=True)),
        in_progress=Count("pk", filter=Q(status__in=IN_PROGRESS_OR_LATER)),
        solved=Count("pk", filter=Q(status__in=SOLVED_OR_LATER)),
        landed=Count("pk", filter=Q(status=PostingStatus.LANDED) | Q(has_landing=True)),
    )


def postings_by_stage(scope: Scope) -> list[dict]:
    """Projects and demands per stage: collected; published (reached the public boards);
    posted on site (现场张榜) and in a roadshow (at the event, or at any event); claimed (at
    least one claim); claim accepted; in progress, solved and landed (reached that status or
    later — a landing record also counts as landed)."""
    projects = _stage_counts(projects_in(scope), "project", scope)
    challenges = _stage_counts(challenges_in(scope), "challenge", scope)
    return [
        {
            "key": key,
            "label": str(label),
            "projects": projects[key],
            "challenges": challenges[key],
            "total": projects[key] + challenges[key],
        }
        for key, label in STAGES
    ]


def claims_by_status(scope: Scope) -> list[dict]:
    """Claims (揭榜) on the scope's postings per status, every status listed."""
    counts = dict(claims_in(scope).values_list("status").annotate(n=Count("pk")).order_by())
    return [
        {"key": value, "label": str(label), "count": counts.get(value, 0)}
        for value, label in Claim.Status.choices
    ]


def pairing_figures(scope: Scope) -> dict:
    """Pairings formed (accepted and not dissolved: accepted, celebrated, active or
    concluded), celebrated (handed the ribbon at a ceremony, whatever came after), and the
    count per status."""
    pairings = pairings_in(scope)
    counts = dict(pairings.values_list("status").annotate(n=Count("pk")).order_by())
    return {
        "formed": sum(counts.get(status, 0) for status in FORMED),
        "celebrated": pairings.filter(celebrated_at__isnull=False).count(),
        "by_status": [
            {"key": value, "label": str(label), "count": counts.get(value, 0)}
            for value, label in Pairing.Status.choices
        ],
    }


def pairings_by_field(scope: Scope) -> list[dict]:
    """Formed pairings per field of the mentor, most first; a mentor with two fields counts
    the pairing under both. Fields without a pairing are left out."""
    formed = pairings_in(scope).filter(status__in=FORMED).values("pk")
    fields = (
        IndustryChain.objects.annotate(
            count=Count(
                "mentors__pairings",
                filter=Q(mentors__pairings__in=formed),
                distinct=True,
            )
        )
        .filter(count__gt=0)
        .order_by("-count", "order", "slug")
    )
    return [{"key": f.slug, "label": f.name, "count": f.count} for f in fields]


def investment(scope: Scope) -> dict:
    """Intended and signed investment (yuan) over the scope's landings, and their number."""
    totals = landings_in(scope).aggregate(
        landings=Count("pk"), intended=Sum("intended_investment"), signed=Sum("signed_investment")
    )
    return {
        "landings": totals["landings"],
        "intended": totals["intended"] or 0,
        "signed": totals["signed"] or 0,
    }


REGION_LEVELS = {
    "province": ("province",),
    "city": ("province", "city"),
    "county": ("province", "city", "county"),
}


def landings_by_region(scope: Scope, level: str = "province") -> list[dict]:
    """Landings per province, city or county (``level``), with their intended and signed
    investment, most landings first. Unrecorded parts of a place are left empty."""
    columns = REGION_LEVELS[level]
    rows = (
        landings_in(scope)
        .values(*columns)
        .annotate(
            count=Count("pk"),
            intended=Sum("intended_investment"),
            signed=Sum("signed_investment"),
        )
        .order_by("-count", *columns)
    )
    return [
        {
            **{column: row[column] for column in columns},
            "label": "".join(row[column] for column in columns),
            "count": row["count"],
            "intended": row["intended"] or 0,
            "signed": row["signed"] or 0,
        }
        for row in rows
    ]


def landing_coverage(scope: Scope) -> dict:
    """How many distinct provinces, cities, counties, towns and villages the scope's landings
    reach (a place counts only where it was recorded)."""
    landings = landings_in(scope)
    return {
        "provinces": landings.exclude(province="").values("province").distinct().count(),
        "cities": landings.exclude(city="").values("province", "city").distinct().count(),
        "counties": landings.exclude(county="")
        .values("province", "city", "county")
        .distinct()
        .count(),
        "towns": landings.exclude(town="")
        .values("province", "city", "county", "town")
        .distinct()
        .count(),
        "villages": landings.exclude(village="")
        .values("province", "city", "county", "town", "village")
        .distinct()
        .count(),
    }
