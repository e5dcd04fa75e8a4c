"""Tokenisation of mixed Chinese/English text into index terms.

One ``Analyzer`` turns a string into a list of ``Token`` (term, surface):

* Chinese runs are segmented into words with rjieba (jieba-rs), so 人工智能 stays one word and
  a mixed string like ``海洋传感器sensor`` splits into 海洋 / 传感器 / sensor.
* Chinese is matched on words **and** character bigrams (``#海洋``, ``#洋传`` …): segmentation
  cuts a compound the dictionary does not know (温盐, 风化壳, a company's name) differently from
  one context to the next, and the bigrams still match it.  Bigrams run over the text between
  stop words, so they never bridge a function word or organisation boilerplate.
* Latin runs are case-folded (after NFKC, so full-width ``ＡＩ`` becomes ``ai``), split on
  anything that is not a letter or digit, and stemmed with the Snowball English stemmer
  (``sensors`` → ``sensor``, ``learning`` → ``learn``).
* Stop words of both languages (function words and organisation boilerplate, ``stopwords.py``),
  single characters and bare numbers are never word terms: they carry no field information.
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

from .stopwords import EN_STOPWORDS, ORG_SUFFIX, WEAK_WORDS, ZH_ORG_BOILERPLATE, ZH_STOPWORDS
from .taxonomy import CONCEPTS, Concept

CONCEPT_PREFIX = "~"
NGRAM_PREFIX = "#"

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"([{_CJK_CLASS}]+)|([a-z0-9]+)")
HAS_CJK = re.compile(rf"[{_CJK_CLASS}]")
_NOT_NAME = re.compile(rf"[^a-z0-9{_CJK_CLASS}]+")


@dataclass(frozen=True, slots=True)
class Token:
    """An index term and the text it came from (for human-readable reasons)."""

    term: str
    surface: str


def normalize(text: str) -> str:
    """Return ``text`` NFKC-normalised and case-folded (full-width forms become ASCII)."""
    return unicodedata.normalize("NFKC", text).casefold()


def organization_key(name: str) -> str:
    """Return a comparison key for an organisation name, legal-form suffixes removed.

    ``四创科技有限公司``, ``四创科技`` and ``四创`` give one key, as do "Acme Co., Ltd." and
    "ACME Inc."; an empty or boilerplate-only name gives "" (which matches nothing).
    """
    key = _NOT_NAME.sub(" ", normalize(name)).strip()
    while key:
        stripped = ORG_SUFFIX.sub("", key).strip()
        if stripped == key:
            break
        key = stripped
    return key.replace(" ", "")


class Analyzer:
    """Turn mixed Chinese/English text into word and concept terms (see module docstring)."""

    def __init__(
        self, concepts: Iterable[Concept] = CONCEPTS, max_ngram: int = 4, char_ngrams: bool = True
    ) -> None:
        concepts = tuple(concepts)
        self.char_ngrams = char_ngrams
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
        self._ngram_cache: dict[str, list[str]] = {}
        # Generic words never shown as reasons, as the index spells them (stems for English),
        # and the concepts named by one of them (~design for 设计).
        weak_concepts = {
            CONCEPT_PREFIX + c.id
            for c in concepts
            if any(normalize(form) in WEAK_WORDS for form in (*c.zh, *c.en))
        }
        self.weak_terms = frozenset(
            {w if HAS_CJK.search(w) else self._stem(w) for w in WEAK_WORDS} | weak_concepts
        )

    def _add_form(self, form: str, concept_id: str) -> None:
        if HAS_CJK.search(form):
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
        if HAS_CJK.search(norm):
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
        for match in _RUNS.finditer(ZH_ORG_BOILERPLATE.sub(" ", norm)):
            cjk = match.group(1)
            if cjk:
                has_cjk = True
                if segments[-1]:
                    segments.append([])
                lone: list[str] = []  # consecutive lone characters: an unknown compound
                for piece in self._jieba.cut(cjk, False):
                    if len(piece) == 1 and piece not in ZH_STOPWORDS:
                        lone.append(piece)
                    else:
                        if lone:
                            self._ngrams("".join(lone), True, terms, surfaces, want_surface)
                            lone = []
                        if piece in ZH_STOPWORDS:
                            continue
                        if len(piece) > 2:
                            self._ngrams(piece, False, terms, surfaces, want_surface)
                    words, concepts = self._expand_cjk(piece)
                    for w in words:
                        terms.append(w)
                        if want_surface:
                            surfaces.append(w)
                    for cid, form in concepts:
                        terms.append(cid)
                        if want_surface:
                            surfaces.append(form)
                if lone:
                    self._ngrams("".join(lone), True, terms, surfaces, want_surface)
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

    def _ngrams(
        self, chunk: str, lone: bool, terms: list[str], surfaces: list[str], want: bool
    ) -> None:
        """Add the character n-grams of an unknown compound (``lone``: the lone characters
        jieba leaves for it, as unigrams and bigrams) or inside a long word (bigrams), so 温盐
        meets 温盐 however each side was cut, and 风化 meets 风化壳."""
        if not self.char_ngrams:
            return
        key = chunk + "|" if lone else chunk
        grams = self._ngram_cache.get(key)
        if grams is None:
            grams = [NGRAM_PREFIX + chunk[i : i + 2] for i in range(len(chunk) - 1)]
            if lone:
                grams.extend(NGRAM_PREFIX + c for c in chunk)
            if len(self._ngram_cache) < 500_000:
                self._ngram_cache[key] = grams
        terms.extend(grams)
        if want:
            surfaces.extend(g[1:] for g in grams)

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
        # A lone character (四, 创, 高) is no word; it still counts inside a bigram.
        if piece in self._zh_terms:
            words = tuple(
                w for w in rjieba.cut(piece, False) if len(w) > 1 and w not in ZH_STOPWORDS
            )
        else:
            words = (piece,) if len(piece) > 1 and piece not in ZH_STOPWORDS else ()
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
