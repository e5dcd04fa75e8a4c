"""China's administrative divisions: the region tree, and finding a region by what people write.

- ``resolve_region(text, parent=None)`` / ``match_region`` / ``search_regions``: any level,
  partial names, names with their parents (``talentbridge.regions.resolve``);
- ``region_and_descendants(region)``, ``within_region(field, region)``: a subtree or a
  filter on rows pointing to a region, one indexed query (``talentbridge.regions.queries``);
- ``RegionField``: a form field that resolves typed text, with suggestions
  (``talentbridge.regions.forms``);
- ``load_regions()``: fills the table from the shipped code list (the data migration uses it).
"""

from .forms import RegionField
from .load import load_regions
from .queries import region_and_descendants, region_lineage, regions_by_code, within_region
from .resolve import RegionMatch, match_region, resolve_region, search_regions

__all__ = [
    "RegionField",
    "RegionMatch",
    "load_regions",
    "match_region",
    "region_and_descendants",
    "region_lineage",
    "regions_by_code",
    "resolve_region",
    "search_regions",
    "within_region",
]
