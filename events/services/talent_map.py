"""Keeping the talent map's platform rollup (``TalentCount``) current.

At city scale (millions of profiles) a live GROUP BY over every row takes seconds, so the
platform's figures come from counts per county and field, rebuilt whole by a Celery beat task
every ``TALENT_MAP_REFRESH_MINUTES``: the figures are at most that old (plus the rebuild's own
duration), and the page says when they were counted. Each office's figures (what it holds)
are rolled up in the same pass, so no page scans the profiles.
"""

from django.db import connection, transaction
from django.utils import timezone

from ..models import TalentCount
from ..statistics.talent_map import KINDS, county_counts

BATCH = 5000


def refresh_talent_counts() -> int:
    """Rebuild the rollup from the rows (every kind, per county × field and per county, for
    the platform and for each office);
    return how many counts it holds. Readers keep the previous counts until the commit; two
    refreshes at once run one after the other."""
    now = timezone.now()
    counts = []
    for kind in KINDS:
        for by_office in (False, True):
            totals, cells = county_counts(kind, by_office=by_office)
            for key, n in totals.items():
                office, code = key if by_office else (None, key)
                counts.append(
                    TalentCount(
                        kind=kind, office_id=office, region_code=code, count=n, counted_at=now
                    )
                )
            for key, n in cells.items():
                office, code, field = key if by_office else (None, *key)
                counts.append(
                    TalentCount(
                        kind=kind,
                        office_id=office,
                        region_code=code,
                        field_id=field,
                        count=n,
                        counted_at=now,
                    )
                )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # EXCLUSIVE lets readers read the old counts but queues a second refresh.
                cursor.execute(f"LOCK TABLE {TalentCount._meta.db_table} IN EXCLUSIVE MODE")
        TalentCount.objects.all().delete()
        TalentCount.objects.bulk_create(counts, batch_size=BATCH)
    return len(counts)
