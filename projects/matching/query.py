"""An item analysed against an index: weighted query terms and what the signals need."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .config import MatchConfig
from .index import Index, conflict_keys, tag_keys
from .places import detect_languages, place_parts
from .records import Item
from .text import CONCEPT_PREFIX, NGRAM_PREFIX, Analyzer


@dataclass
class Query:
    """An analysed item: weighted term ids plus the pieces the structured signals need."""

    term_ids: np.ndarray  # sorted, unique, in-vocabulary
    weights: np.ndarray  # qw * idf for each of term_ids
    position: dict[int, int]  # term id → index in term_ids
    weight_list: list[float]
    upper: float  # the best BM25 any document could reach for this query
    surfaces: dict[int, str]
    tag_ids: np.ndarray
    tag_surfaces: dict[int, str]
    n_tags: int
    place: tuple[str, ...]
    region_text: str
    lang_mask: int
    lang_codes: frozenset[str]
    conflicted: list[int]  # expert positions in conflict with the item
    semantic: np.ndarray | None  # unit vector in the index's latent space


def analyse(ix: Index, analyzer: Analyzer, cfg: MatchConfig, item: Item) -> Query:
    """Return ``item`` as a query against ``ix``."""
    tokens = analyzer.tokens(item.text)
    counts: Counter[str] = Counter(t.term for t in tokens)
    surfaces: dict[int, str] = {}
    weights: dict[int, float] = {}
    upper = 0.0
    for tok in tokens:
        tid = ix.vocab.get(tok.term)
        if tid is not None and tid not in surfaces:
            surfaces[tid] = tok.surface
    for term, count in counts.items():
        qw = 1.0 + math.log(count)
        if term[0] == CONCEPT_PREFIX:
            qw *= cfg.concept_weight
        elif term[0] == NGRAM_PREFIX:
            qw *= cfg.ngram_weight
        tid = ix.vocab.get(term)
        idf = ix.idf[tid] if tid is not None else ix.idf_unseen
        # Unseen terms count in the bound too: the score is the share of the item's
        # content an expert covers, not of the part this index happens to know.
        upper += qw * idf * (cfg.k1 + 1.0)
        if tid is not None:
            weights[tid] = qw * idf
    term_ids = np.asarray(sorted(weights), dtype=np.int64)
    w = np.asarray([weights[t] for t in term_ids], dtype=np.float64)

    tag_surfaces: dict[int, str] = {}
    seen_keys: set[str] = set()
    for tag, key in zip(
        [t for t in item.tags if t.strip()], tag_keys(analyzer, item.tags), strict=True
    ):
        if key in seen_keys:
            continue
        seen_keys.add(key)
        tid = ix.tag_vocab.get(key)
        if tid is not None:
            tag_surfaces[tid] = tag.strip().replace(",", " ")
    item_langs = detect_languages(item.text)
    lang_mask = 0
    for code in item_langs:
        bit = ix.lang_bits.get(code)
        if bit is not None and bit < 64:
            lang_mask |= 1 << bit
    conflicted: list[int] = []
    if ix.conflicts and (item.people or item.organizations):
        for key in conflict_keys(item.people, item.organizations):
            conflicted.extend(ix.conflicts.get(key, ()))
    return Query(
        term_ids=term_ids,
        weights=w,
        position={t: j for j, t in enumerate(term_ids.tolist())},
        weight_list=w.tolist(),
        upper=upper,
        surfaces=surfaces,
        tag_ids=np.asarray(sorted(tag_surfaces), dtype=np.int64),
        tag_surfaces=tag_surfaces,
        n_tags=len(seen_keys),
        place=place_parts(item.region),
        region_text=item.region.strip().replace(",", " "),
        lang_mask=lang_mask,
        lang_codes=item_langs,
        conflicted=conflicted,
        semantic=ix.semantic.query(term_ids, w) if ix.semantic is not None else None,
    )
