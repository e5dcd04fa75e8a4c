"""Reads of the region tree: subtrees, lineages and filters on rows that point to a region."""

from django.db.models import Q, QuerySet

from ..models import Region


def region_and_descendants(region: Region) -> QuerySet[Region]:
    """``region`` and every region inside it (山东 → its cities, counties and towns)."""
    return Region.objects.filter(code__startswith=region.code)


def within_region(field: str, region: Region) -> Q:
    """A filter on a foreign key ``field`` to ``Region``: rows in ``region`` or inside it.

    ``Mentor.objects.filter(within_region("hometown_region", shandong))`` finds everyone from
    Shandong in one query (the code prefix uses the code's index).
    """
    return Q(**{f"{field}__code__startswith": region.code})


def region_lineage(region: Region) -> list[Region]:
    """The province down to ``region`` (its ancestors and itself), in one query."""
    prefixes = [region.code[:length] for length in (2, 4, 6, 9) if length <= len(region.code)]
    return list(Region.objects.filter(code__in=prefixes).order_by("level"))


def regions_by_code(codes: list[str]) -> list[Region]:
    """The regions of ``codes``, in that order (codes the table lacks are left out)."""
    found = Region.objects.in_bulk(codes, field_name="code")
    return [found[code] for code in codes if code in found]
