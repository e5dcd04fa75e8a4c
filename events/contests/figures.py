"""The contests' figures: entries by track and by region, finalists, awards, projects posted
and landed — for one contest (its entries page) or any set of entries (the statistics)."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from projects.models import Landing

from .models import Contest, Entry

COUNTED = [s for s in Entry.Status.values if s not in (Entry.Status.DRAFT, Entry.Status.WITHDRAWN)]
# The regions listed, most entries first; the rest are summed in the totals only.
TOP_REGIONS = 10


def counted_entries() -> QuerySet:
    """Entries that count: submitted at some point (not drafts, not withdrawn)."""
    return Entry.objects.filter(status__in=COUNTED)


def entry_totals(entries: QuerySet) -> dict[str, int]:
    """One query: entries, finalists, awarded, posted on the achievement board, and landed
    (an awarded entry whose project has a landing)."""
    landed = Exists(Landing.objects.filter(project=OuterRef("project")))
    return entries.aggregate(
        entries=Count("pk"),
        finalists=Count("pk", filter=Q(final_position__isnull=False)),
        awarded=Count("pk", filter=Q(status=Entry.Status.AWARDED)),
        posted=Count("pk", filter=Q(project__isnull=False)),
        landed=Count("pk", filter=Q(landed, status=Entry.Status.AWARDED)),
    )


def entry_figures(entries: QuerySet, *, track_order=("-n", "track__name")) -> dict:
    """Three queries whatever the number of entries or contests: the totals, and the counts
    by track name and by region as written."""
    by_track = list(
        entries.values_list("track__name").annotate(n=Count("pk")).order_by(*track_order)
    )
    by_region = list(
        entries.exclude(region="")
        .values_list("region")
        .annotate(n=Count("pk"))
        .order_by("-n", "region")[:TOP_REGIONS]
    )
    return entry_totals(entries) | {"by_track": by_track, "by_region": by_region}


def contest_figures(contest: Contest) -> dict:
    """One contest's figures, its tracks in their order."""
    return entry_figures(
        counted_entries().filter(contest=contest), track_order=("track__position", "track__pk")
    )
