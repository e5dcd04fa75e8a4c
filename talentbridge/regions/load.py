"""Loading the shipped code list into the ``Region`` table, fast and idempotently."""

from ..models import Region
from .gazetteer import TOWN, Gazetteer, gazetteer

BATCH = 2000


def load_regions(model=Region, source: Gazetteer | None = None) -> int:
    """Insert the regions the table lacks, parents first; return how many were added.

    ``model`` is the ``Region`` model (a migration passes its historical one). Calling it
    again on a full table costs one count; tests that empty the database (transactional
    tests) call it to get the tree back.
    """
    source = source or gazetteer()
    if model.objects.count() >= len(source.by_code):
        return 0
    known = dict(model.objects.values_list("code", "id"))
    added = 0
    for level in range(1, TOWN + 1):
        rows = [
            model(
                code=d.code,
                name=d.name,
                full_name=source.full_name(d.code),
                level=d.level,
                parent_id=known.get(d.parent),
            )
            for d in source.divisions()
            if d.level == level and d.code not in known
        ]
        model.objects.bulk_create(rows, batch_size=BATCH)
        added += len(rows)
        if level < TOWN:
            known.update(model.objects.filter(level=level).values_list("code", "id"))
    return added
