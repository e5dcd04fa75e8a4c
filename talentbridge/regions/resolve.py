"""Finding the ``Region`` a person means by a name: any level, partial, or with its parent."""

from dataclasses import dataclass, field

from ..models import Region
from .gazetteer import gazetteer
from .queries import regions_by_code

# How many of an ambiguous name's regions a message names.
SHOWN_CANDIDATES = 5


@dataclass
class RegionMatch:
    """What a text names: one region, several (ambiguous), or none (unknown)."""

    text: str
    region: Region | None = None
    candidates: list[Region] = field(default_factory=list)
    count: int = 0

    @property
    def is_ambiguous(self) -> bool:
        return self.region is None and self.count > 1


def match_region(text: str, parent: Region | None = None) -> RegionMatch:
    """Match ``text`` (inside ``parent`` if given): "金乡" → 金乡县, "山东" → 山东省,
    "河南省 嵩县 城关镇" → that town; "城关镇" alone is ambiguous (88 towns)."""
    codes = gazetteer().match(text, parent.code if parent else "")
    regions = regions_by_code(codes[:SHOWN_CANDIDATES])
    if len(codes) == 1 and regions:
        return RegionMatch(text, region=regions[0], candidates=regions, count=1)
    return RegionMatch(text, candidates=regions, count=len(codes) if regions else 0)


def resolve_region(text: str, parent: Region | None = None) -> Region | None:
    """The one region ``text`` names (inside ``parent``), or None if it names none or several."""
    return match_region(text, parent).region


def search_regions(text: str, parent: Region | None = None, limit: int = 20) -> list[Region]:
    """Regions whose names fit ``text`` as it is being typed, best first (suggestions)."""
    return regions_by_code(gazetteer().search(text, parent.code if parent else "", limit))
