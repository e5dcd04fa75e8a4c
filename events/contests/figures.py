"""The contest's figures: entries by track and by region, finalists, awards, projects posted."""

from django.db.models import Count, Q

from .models import Contest, Entry

COUNTED = [s for s in Entry.Status.values if s not in (Entry.Status.DRAFT, Entry.Status.WITHDRAWN)]


def contest_figures(contest: Contest) -> dict:
    """Four queries whatever the number of entries."""
    entries = Entry.objects.filter(contest=contest, status__in=COUNTED)
    totals = entries.aggregate(
        entries=Count("pk"),
        finalists=Count("pk", filter=Q(final_position__isnull=False)),
        awarded=Count("pk", filter=Q(status=Entry.Status.AWARDED)),
        posted=Count("pk", filter=Q(project__isnull=False)),
    )
    by_track = list(
        entries.values_list("track__name").annotate(n=Count("pk")).order_by("track__position")
    )
    by_region = list(
        entries.exclude(region="").values_list("region").annotate(n=Count("pk")).order_by("-n")[:10]
    )
    return totals | {"by_track": by_track, "by_region": by_region}
