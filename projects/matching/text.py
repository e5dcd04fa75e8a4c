"""Tokenisation of mixed Chinese/English text into index terms.

One ``Analyzer`` turns a string into a list of ``Token`` (term, surface):

* Chinese runs are segmented into words with rjieba (jieba-rs), so 人工智能 stays one word and
  a mixed string like ``海洋传感器sensor`` splits into 海洋 / 传感器 / sensor.
* Latin runs are case-folded (after NFKC, so full-width ``ＡＩ`` becomes ``ai``), split on
  anything that is not a letter or digit, and stemmed with the Snowball English stemmer
  (``sensors`` → ``sensor``, ``learning`` → ``learn``).
* Stop words of both languages, lone Latin letters and bare numbers are dropped: they carry no
  field information and only lengthen the documents.
* Every taxonomy surface form found in the text adds a concept token ``~<concept_id>`` (see
  ``taxonomy.py``), in addition to the plain words; so 海洋经济 and "marine economy" both yield
  ``~marine_economy``.  Chinese forms are found by substring scan (segmentation may cut them
  differently in context); English forms by matching stemmed word n-grams.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import rjieba
import Stemmer

from .taxonomy import CONCEPTS, Concept

CONCEPT_PREFIX = "~"

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"([{_CJK_CLASS}]+)|([a-z0-9]+)")
_CJK_CHAR = re.compile(rf"[{_CJK_CLASS}]")
_LATIN_WORD = re.compile(r"[a-z]{2,}")
_HAS_CJK = re.compile(rf"[{_CJK_CLASS}]")

_EN_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each etc few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves via per within among including based using use used new
"""

_ZH_STOP_TEXT = """
    的 了 和 与 及 以及 或 或者 在 是 等 等等 对 对于 为 以 于 把 被 从 也 而 并 并且
    之 其 其中 这 那 这些 那些 这个 那个 我 我们 你 你们 他 她 它 他们
    有 将 就 都 中 上 下 个 一 一个 一些 该 各 每
    向 由 到 让 使 能 能够 可 可以 会 要 需要 不 没有 还 又 很 更 最 所 所有 如 如何 什么 哪些 并非
    进行 相关 方面 主要 通过 包括 以上 以下 之一 目前 已经 以来 方向 领域 开展 从事 长期 具有 具备
"""
EN_STOPWORDS = frozenset(_EN_STOP_TEXT.split())
ZH_STOPWORDS = frozenset(_ZH_STOP_TEXT.split())


@dataclass(frozen=True, slots=True)
class Token:
    """An index term and the text it came from (for human-readable reasons)."""

    term: str
    surface: str


def normalize(text: str) -> str:
    """Return ``text`` NFKC-normalised and case-folded (full-width forms become ASCII)."""
    return unicodedata.normalize("NFKC", text).casefold()


class Analyzer:
    """Turn mixed Chinese/English text into word and concept terms (see module docstring)."""

    def __init__(self, concepts: Iterable[Concept] = CONCEPTS, max_ngram: int = 4) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self._stem_cache: dict[str, str] = {}
        self._zh_terms: dict[str, str] = {}
        self._en_terms: dict[tuple[str, ...], str] = {}
        self.concept_ids: set[str] = set()
        for concept in concepts:
            self.concept_ids.add(concept.id)
            for form in (*concept.zh, *concept.en):
                self._add_form(normalize(form), concept.id)
        self._max_ngram = max(max_ngram, max((len(k) for k in self._en_terms), default=1))
        self._en_first = frozenset(k[0] for k in self._en_terms)
        self._zh_max = max((len(k) for k in self._zh_terms), default=0)
        # Forms mixing Latin and Chinese (3d打印) straddle the run split; found by substring.
        self._mixed_forms = {k: v for k, v in self._zh_terms.items() if re.search(r"[a-z0-9]", k)}
        # A private segmenter that knows every Chinese form as a word, so a form is cut as one
        # unit whatever its context; _expand_cjk then gives back the ordinary words inside it.
        self._jieba = rjieba.Jieba()
        for form in self._zh_terms:
            if form not in self._mixed_forms:
                self._jieba.add_word(form, None, None)
        self._cjk_cache: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {}

    def _add_form(self, form: str, concept_id: str) -> None:
        if _HAS_CJK.search(form):
            table: dict = self._zh_terms
            key: object = form
        else:
            key = tuple(self._stem(w) for w in re.findall(r"[a-z0-9]+", form))
            if not key:
                return
            table = self._en_terms
        previous = table.get(key)
        if previous is not None and previous != concept_id:
            raise ValueError(f"taxonomy form {form!r} maps to {previous} and {concept_id}")
        table[key] = concept_id

    def _stem(self, word: str) -> str:
        stem = self._stem_cache.get(word)
        if stem is None:
            stem = word if word.isdigit() else self._stemmer.stemWord(word)
            if len(self._stem_cache) < 500_000:
                self._stem_cache[word] = stem
        return stem

    def concept_of(self, phrase: str) -> str | None:
        """Return the concept id whose surface form is exactly ``phrase``, if any."""
        norm = normalize(phrase).strip()
        if _HAS_CJK.search(norm):
            return self._zh_terms.get(norm)
        key = tuple(self._stem(w) for w in re.findall(r"[a-z0-9]+", norm))
        return self._en_terms.get(key)

    def tokens(self, text: str) -> list[Token]:
        """Return the word and concept tokens of ``text`` (their order carries no meaning)."""
        terms, surfaces = self._analyze(text, want_surface=True)
        return [Token(t, s) for t, s in zip(terms, surfaces, strict=True)]

    def terms(self, text: str) -> list[str]:
        """Return just the index terms of ``text`` (the ``term`` of each of ``tokens``)."""
        return self._analyze(text, want_surface=False)[0]

    def _analyze(self, text: str, want_surface: bool) -> tuple[list[str], list[str]]:
        # One pass shared by ``tokens`` and ``terms``; indexing 200k profiles calls this in a
        # tight loop, so it appends to plain lists instead of building objects.
        norm = normalize(text)
        terms: list[str] = []
        surfaces: list[str] = []
        segments: list[list[tuple[str, str]]] = [[]]  # Latin word runs between Chinese runs
        has_cjk = False
        stem = self._stem
        for match in _RUNS.finditer(norm):
            cjk = match.group(1)
            if cjk:
                has_cjk = True
                if segments[-1]:
                    segments.append([])
                for piece in self._jieba.cut(cjk, False):
                    words, concepts = self._expand_cjk(piece)
                    for w in words:
                        terms.append(w)
                        if want_surface:
                            surfaces.append(w)
                    for cid, form in concepts:
                        terms.append(cid)
                        if want_surface:
                            surfaces.append(form)
            else:
                word = match.group(2)
                st = stem(word)
                segments[-1].append((st, word))
                if len(word) > 1 and word not in EN_STOPWORDS and not word.isdigit():
                    terms.append(st)
                    if want_surface:
                        surfaces.append(word)
        if self._en_terms:
            for segment in segments:
                self._en_concepts(segment, terms, surfaces, want_surface)
        if has_cjk and self._mixed_forms:
            for form, cid in self._mixed_forms.items():
                if form in norm:
                    terms.append(CONCEPT_PREFIX + cid)
                    if want_surface:
                        surfaces.append(form)
        return terms, surfaces

    def _en_concepts(
        self, seg: list[tuple[str, str]], terms: list[str], surfaces: list[str], want: bool
    ) -> None:
        # n-grams never cross a Chinese run: the words were not adjacent in the text.
        n = len(seg)
        table = self._en_terms
        firsts = self._en_first
        for i in range(n):
            if seg[i][0] not in firsts:
                continue
            for j in range(i + 1, min(n, i + self._max_ngram) + 1):
                cid = table.get(tuple(s for s, _ in seg[i:j]))
                if cid is not None:
                    terms.append(CONCEPT_PREFIX + cid)
                    if want:
                        surfaces.append(" ".join(w for _, w in seg[i:j]))

    def _expand_cjk(self, piece: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """Return the words and (concept token, form) pairs that one segmented piece yields.

        A taxonomy form (海洋经济) yields the words ordinary segmentation gives (海洋, 经济) and
        every concept whose form it contains (~marine_economy, ~marine_science); any other
        word yields itself and the concepts of forms inside it (传感器件 → ~sensor).  Cached:
        the number of distinct pieces is the vocabulary size, far below the token count.
        """
        hit = self._cjk_cache.get(piece)
        if hit is not None:
            return hit
        if piece in self._zh_terms:
            words = tuple(w for w in rjieba.cut(piece, False) if w not in ZH_STOPWORDS)
        else:
            words = (piece,) if piece not in ZH_STOPWORDS else ()
        concepts: list[tuple[str, str]] = []
        seen: set[str] = set()
        n = len(piece)
        # Longest forms first so reasons show the most specific surface.
        for length in range(min(n, self._zh_max), 0, -1):
            for start in range(n - length + 1):
                form = piece[start : start + length]
                cid = self._zh_terms.get(form)
                if cid is not None and cid not in seen:
                    seen.add(cid)
                    concepts.append((CONCEPT_PREFIX + cid, form))
        result = (words, tuple(concepts))
        if len(self._cjk_cache) < 1_000_000:
            self._cjk_cache[piece] = result
        return result


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
    if _HAS_CJK.search(norm):
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
