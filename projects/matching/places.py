"""Helpers shared by the analyzer and the engine: languages and administrative places."""

from __future__ import annotations

import re

from .text import HAS_CJK, normalize

_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[a-z]{2,}")


def detect_languages(text: str) -> frozenset[str]:
    """Return the languages ("zh", "en") that make up at least a quarter of ``text``.

    Chinese is counted in characters and English in words times two (an English word carries
    about as much as two Chinese characters), so a Chinese brief with a few English terms is
    "zh" only and an even mix is both.
    """
    norm = normalize(text)
    zh = len(_CJK_CHAR.findall(norm))
    en = 2 * len(_LATIN_WORD.findall(norm))
    total = zh + en
    if total == 0:
        return frozenset()
    langs = set()
    if zh >= 0.25 * total:
        langs.add("zh")
    if en >= 0.25 * total:
        langs.add("en")
    return frozenset(langs)


_LANGUAGE_ALIASES = {
    "zh": "zh",
    "zh-hans": "zh",
    "zh-hant": "zh",
    "zh-cn": "zh",
    "cn": "zh",
    "chinese": "zh",
    "mandarin": "zh",
    "中文": "zh",
    "汉语": "zh",
    "普通话": "zh",
    "en": "en",
    "en-us": "en",
    "en-gb": "en",
    "english": "en",
    "英语": "en",
    "英文": "en",
}


def normalize_language(code: str) -> str:
    """Return a canonical language code ("zh", "en", or the case-folded input)."""
    key = normalize(code).strip().replace("_", "-")
    return _LANGUAGE_ALIASES.get(key, key)


_PLACE_UNIT = re.compile(
    r"(.{2,}?)(特别行政区|自治区|自治州|自治县|省|市|地区|县|区|盟|旗|镇|乡|街道|村)"
)


def place_parts(place: str) -> tuple[str, ...]:
    """Split a place name into its administrative parts, coarse to fine, suffixes removed.

    ``福建省福州市`` → (福建, 福州); ``福州`` → (福州,); ``Fuzhou, Fujian`` → (fujian, fuzhou)
    (English places are written fine-to-coarse, so comma lists are reversed).
    """
    norm = re.sub(r"\s+", " ", normalize(place)).strip()
    if not norm:
        return ()
    if HAS_CJK.search(norm):
        norm = norm.replace(" ", "")
        parts: list[str] = []
        pos = 0
        # A unit needs two characters before its suffix, so 和县 or 福州 stay whole.
        for match in _PLACE_UNIT.finditer(norm):
            parts.append(match.group(1))
            pos = match.end()
        if pos < len(norm):
            parts.append(norm[pos:])
        return tuple(p for p in parts if p)
    pieces = [p.strip() for p in re.split(r"[,;/]", norm) if p.strip()]
    pieces = [re.sub(r"\s+(province|city|county|district)$", "", p) for p in pieces]
    return tuple(reversed(pieces))
