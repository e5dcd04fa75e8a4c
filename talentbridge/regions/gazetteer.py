"""China's administrative divisions in memory, and how a name a person writes finds them.

Plain Python over the shipped code list (``talentbridge/data/regions.tsv``), so that
matching needs no database and can be tested on its own. A name may be written at any
level, in part ("金乡", "山东", "济宁"), as an official code, or with its parents
("河南省 嵩县 城关镇", "山东省济宁市金乡县").

How a name is matched, best first: an official code or the full name; the name without its
suffix (金乡县 → 金乡, 广西壮族自治区 → 广西); and, for suggestions while a person
types, names that start with the text. Among the best matches the largest division wins
(金乡 is 金乡县, not the town 金乡镇 in Zhejiang); several of that size are ambiguous
(城关镇) until a parent is named.
"""

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.tsv"

PROVINCE, CITY, COUNTY, TOWN = 1, 2, 3, 4
LEVEL_OF_LENGTH = {2: PROVINCE, 4: CITY, 6: COUNTY, 9: TOWN}
PARENT_LENGTHS = {4: (2,), 6: (4, 2), 9: (6, 4, 2)}
# Longer text than any address names a region is not a region.
MAX_TEXT = 100

# The 55 ethnic minorities' names as they appear in autonomous divisions' names.
_ETHNIC = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|"
    "拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|"
    "塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺"
)
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:{_ETHNIC})族?)*(?:自治[区州县旗]|民族乡|族乡)$")
_SUFFIXES = re.compile(
    r"^(.{2,}?)(?:特别行政区|街道办事处|办事处|街道|地区|林区|新区|特区|苏木|省|市|县|区|旗|盟|镇|乡)$"
)
# Development zones and the like are known by their whole name only.
_NO_SHORT = re.compile(r"(?:开发区|园区|管理区|示范区|试验区|合作区|风景区|保护区|基地)$")
_SEPARATORS = re.compile(r"[\s,;，；、/|>»·…・\-—]+|\.{2,}")


def short_name(name: str) -> str:
    """The name as people say it, without its suffix: 金乡县 → 金乡, 内蒙古自治区 → 内蒙古,
    延边朝鲜族自治州 → 延边; empty when that would leave fewer than two characters."""
    if _NO_SHORT.search(name):
        return ""
    for pattern in (_AUTONOMOUS, _SUFFIXES):
        found = pattern.match(name)
        if found:
            return found.group(1)
    return ""


def normalize(text: str) -> list[str]:
    """The parts of ``text`` (full-width forms folded), split where a person separates levels."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return [part for part in _SEPARATORS.split(text) if part]


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    short: str
    parent: str

    @property
    def level(self) -> int:
        return LEVEL_OF_LENGTH[len(self.code)]


class Gazetteer:
    """Every division by code, by name and by short name, with the parent of each."""

    def __init__(self, rows):
        self.by_code: dict[str, Division] = {}
        self._by_name: dict[str, list[str]] = {}
        self._by_short: dict[str, list[str]] = {}
        for code, name in rows:
            parent = next(
                (
                    code[:length]
                    for length in PARENT_LENGTHS.get(len(code), ())
                    if code[:length] in self.by_code
                ),
                "",
            )
            division = Division(code, name, short_name(name), parent)
            self.by_code[code] = division
            self._by_name.setdefault(name, []).append(code)
            if division.short:
                self._by_short.setdefault(division.short, []).append(code)
        self._sorted_names = sorted((d.name, d.code) for d in self.by_code.values())
        self._longest = max(len(name) for name in self._by_name)

    def divisions(self) -> list[Division]:
        """Every division, parents before their children."""
        return sorted(self.by_code.values(), key=lambda d: (d.level, d.code))

    def lineage(self, code: str) -> list[Division]:
        """The division of ``code`` and its parents, the province first."""
        chain = []
        while code:
            division = self.by_code[code]
            chain.append(division)
            code = division.parent
        return chain[::-1]

    def full_name(self, code: str) -> str:
        """``山东省 济宁市 金乡县``: the names from the province down, space-separated."""
        return " ".join(division.name for division in self.lineage(code))

    def match(self, text: str, within: str = "") -> list[str]:
        """The codes ``text`` names best (one if it is unambiguous), inside ``within``."""
        return self._best(self._resolve_parts(text, within))

    def search(self, text: str, within: str = "", limit: int = 20) -> list[str]:
        """Codes whose names fit ``text``, best first: for suggestions as a person types."""
        parts = normalize(text)
        if not parts or sum(map(len, parts)) > MAX_TEXT:
            return []
        scopes = self._chain(parts[:-1], [within] if within else [])
        if scopes is None:
            return []
        last = parts[-1]
        ranked: dict[str, tuple[int, int, str]] = {}
        for tier, codes in enumerate(self._tiers(last, scopes, partial=True)):
            for code in codes:
                ranked.setdefault(code, (tier, len(code), code))
        if not ranked:
            for code in self._split(last, scopes, partial=True):
                ranked[code] = (4, len(code), code)
        return sorted(ranked, key=ranked.__getitem__)[:limit]

    def _resolve_parts(self, text: str, within: str) -> list[str]:
        parts = normalize(text)
        if not parts or sum(map(len, parts)) > MAX_TEXT:
            return []
        return self._chain(parts, [within] if within else []) or []

    def _chain(self, parts: list[str], scopes: list[str]) -> list[str] | None:
        """Match each part inside the matches of the part before it; None if one fails."""
        for part in parts:
            scopes = self._match_part(part, scopes)
            if not scopes:
                return None
        return scopes

    def _match_part(self, part: str, scopes: list[str], partial: bool = False) -> list[str]:
        for codes in self._tiers(part, scopes, partial):
            if codes:
                return codes
        return self._split(part, scopes, partial)

    def _split(self, part: str, scopes: list[str], partial: bool = False) -> list[str]:
        """A part that names several levels run together: 山东省济宁市金乡县."""
        for size in range(min(len(part) - 1, self._longest), 1, -1):
            head = part[:size]
            heads = self._inside(self._by_name.get(head, []), scopes) or self._inside(
                self._by_short.get(head, []), scopes
            )
            if heads:
                found = self._match_part(part[size:], heads, partial)
                if found:
                    return found
        return []

    def _tiers(self, part: str, scopes: list[str], partial: bool = False):
        """Matches of the whole part: by code, full name, short name, then (for ``partial``
        text still being typed) names that start with it."""
        yield self._inside([part] if part in self.by_code else [], scopes)
        yield self._inside(self._by_name.get(part, []), scopes)
        yield self._inside(self._by_short.get(part, []), scopes)
        if partial:
            yield self._inside(self._prefixed(part), scopes)

    def _prefixed(self, prefix: str) -> list[str]:
        start = bisect_left(self._sorted_names, (prefix, ""))
        codes = []
        for name, code in self._sorted_names[start:]:
            if not name.startswith(prefix):
                break
            codes.append(code)
        return codes

    @staticmethod
    def _inside(codes: list[str], scopes: list[str]) -> list[str]:
        """The ``codes`` strictly below one of ``scopes`` (all of them without scopes)."""
        if not scopes:
            return list(codes)
        return [
            code
            for code in codes
            if any(code.startswith(scope) and len(code) > len(scope) for scope in scopes)
        ]

    @staticmethod
    def _best(codes: list[str]) -> list[str]:
        """The largest divisions among ``codes``: an ancestor wins over its descendants."""
        if not codes:
            return []
        shortest = min(len(code) for code in codes)
        return sorted({code for code in codes if len(code) == shortest})


def read_rows(path: Path = DATA_FILE) -> list[tuple[str, str]]:
    """``(code, name)`` rows of the shipped code list, parents first."""
    rows = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            code, name = line.rstrip("\n").split("\t")
            rows.append((code, name))
    return rows


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of the shipped code list, read once per process."""
    return Gazetteer(read_rows())
