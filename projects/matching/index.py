"""The engine's index of experts: BM25 matrices, tags, places, languages, conflict keys.

Built once by ``build_index`` and then only read, so forked workers share its pages.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .config import MatchConfig
from .places import detect_languages, normalize_language, place_parts
from .records import Expert
from .semantic import Semantic
from .text import CONCEPT_PREFIX, NGRAM_PREFIX, Analyzer, normalize, organization_key


class Places:
    """Experts' places as codes, for the vectorised same-place test."""

    def __init__(self, parts_per_expert: list[tuple[str, ...]], vocab: dict[str, int]) -> None:
        n = len(parts_per_expert)
        self.last = np.full(n, -1, dtype=np.int32)
        rows: list[int] = []
        cols: list[int] = []
        for i, parts in enumerate(parts_per_expert):
            if not parts:
                continue
            codes = [vocab.setdefault(p, len(vocab)) for p in parts]
            self.last[i] = codes[-1]
            rows.extend([i] * len(codes))
            cols.extend(codes)
        self._rows = np.asarray(rows, dtype=np.int32)
        self._cols = np.asarray(cols, dtype=np.int32)
        self.members: sp.csr_matrix | None = None

    def finish(self, n_codes: int) -> None:
        n = len(self.last)
        data = np.ones(len(self._rows), dtype=np.float32)
        by_expert = sp.csr_matrix((data, (self._rows, self._cols)), shape=(n, n_codes))
        self.members = by_expert.T.tocsr()  # place code → experts that have it
        del self._rows, self._cols

    def match(self, place: tuple[str, ...], vocab: dict[str, int]) -> np.ndarray:
        """Boolean per expert: the finest part of either place is a part of the other."""
        codes = [vocab[p] for p in place if p in vocab]
        if not codes:
            return np.zeros(len(self.last), dtype=bool)
        # A place has at most a handful of parts: one equality pass per part is several times
        # faster than np.isin (which sorts) or a table gather (which indexes 200k times).
        out = self.last == codes[0]
        for code in codes[1:]:
            out |= self.last == code
        finest = vocab.get(place[-1])
        if finest is not None and self.members is not None and finest < self.members.shape[0]:
            out[
                self.members.indices[self.members.indptr[finest] : self.members.indptr[finest + 1]]
            ] = True
        return out


def tag_keys(analyzer: Analyzer, tags: Sequence[str]) -> list[str]:
    """Tags as comparison keys: a taxonomy concept when the tag is one, else the folded tag."""
    keys = []
    for tag in tags:
        if not tag.strip():
            continue
        concept = analyzer.concept_of(tag)
        keys.append(CONCEPT_PREFIX + concept if concept else normalize(tag).strip())
    return keys


def conflict_keys(people: Sequence[str], organizations: Sequence[str]) -> set[str]:
    """The keys by which two sides are in conflict: shared people, shared organisations."""
    keys = {"p:" + p.strip() for p in people if p.strip()}
    keys |= {"o:" + k for k in map(organization_key, organizations) if k}
    return keys


@dataclass
class Index:
    """Everything ``MatchEngine`` reads at query time (see ``build_index``)."""

    ids: list[str]
    pos: dict[str, int]
    id_rank: np.ndarray
    vocab: dict[str, int]
    terms: list[str]
    idf: np.ndarray
    idf_unseen: float
    by_doc: sp.csr_matrix  # experts × terms, BM25 document weights
    by_term: sp.csr_matrix  # terms × experts: one row slice per query term
    informative: np.ndarray  # per term: may be shown as a reason
    tag_vocab: dict[str, int]
    tag_keys: list[tuple[int, ...]]
    tags_by_tag: sp.csr_matrix
    place_vocab: dict[str, int]
    regions: Places
    hometowns: Places
    hometown_text: list[str]
    lang_bits: dict[str, int]
    langs: np.ndarray
    capacity_factor: np.ndarray
    conflicts: dict[str, list[int]]  # conflict key → expert positions
    semantic: Semantic | None

    @property
    def n(self) -> int:
        return len(self.ids)


def _bm25(
    analyzer: Analyzer, experts: Sequence[Expert], cfg: MatchConfig
) -> tuple[dict[str, int], sp.csr_matrix, np.ndarray]:
    """Return the vocabulary, the BM25 document weights and the document frequencies.

    Words (and concepts) and Chinese bigrams are two fields with their own length
    normalisation, fused in one matrix.
    """
    n = len(experts)
    vocab: dict[str, int] = {}
    cols: list[int] = []
    lengths = np.zeros(n, dtype=np.int64)
    gram_lengths = np.zeros(n, dtype=np.int64)
    terms_of = analyzer.terms
    for i, expert in enumerate(experts):
        terms = terms_of("\n".join(expert.texts))
        lengths[i] = len(terms)
        gram_lengths[i] = sum(1 for t in terms if t[0] == NGRAM_PREFIX)
        cols.extend([vocab.setdefault(t, len(vocab)) for t in terms])
    rows = np.repeat(np.arange(n, dtype=np.int32), lengths)
    col_arr = np.asarray(cols, dtype=np.int32)
    del cols
    tf = sp.csr_matrix(
        (np.ones(len(col_arr), dtype=np.float32), (rows, col_arr)), shape=(n, len(vocab))
    )
    tf.sum_duplicates()
    del rows, col_arr
    df = np.bincount(tf.indices, minlength=len(vocab)).astype(np.float64)
    is_gram = np.fromiter((t[0] == NGRAM_PREFIX for t in vocab), dtype=bool, count=len(vocab))
    word_lengths = lengths - gram_lengths

    def norm_of(dl: np.ndarray) -> np.ndarray:
        dl = dl.astype(np.float32)
        present = dl[dl > 0]
        avgdl = float(present.mean()) if len(present) else 1.0
        return (cfg.k1 * (1.0 - cfg.b + cfg.b * dl / max(avgdl, 1e-9))).astype(np.float32)

    per_row = np.diff(tf.indptr)
    word_norm = np.repeat(norm_of(word_lengths), per_row)
    gram_norm = np.repeat(norm_of(gram_lengths), per_row)
    row_norm = np.where(is_gram[tf.indices], gram_norm, word_norm)
    del word_norm, gram_norm
    data = tf.data
    tf.data = (data * (cfg.k1 + 1.0) / (data + row_norm)).astype(np.float32)
    return vocab, tf, df


def build_index(analyzer: Analyzer, experts: Sequence[Expert], cfg: MatchConfig) -> Index:
    """Index ``experts`` (ids must be unique) for ranking with ``cfg``."""
    ids = [e.id for e in experts]
    if len(set(ids)) != len(ids):
        dupes = sorted(i for i, c in Counter(ids).items() if c > 1)
        raise ValueError(f"duplicate expert ids: {dupes[:5]}")
    n = len(ids)
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[sorted(range(n), key=ids.__getitem__)] = np.arange(n)

    vocab, by_doc, df = _bm25(analyzer, experts, cfg)
    terms = [""] * len(vocab)
    for term, tid in vocab.items():
        terms[tid] = term
    # Lucene's BM25 idf: always positive, so a very common word still adds a little.
    idf = np.log1p((n - df + 0.5) / (df + 0.5))
    max_df = max(cfg.reason_max_df * n, cfg.reason_min_df)
    weak = analyzer.weak_terms
    informative = np.fromiter(
        (t[0] != NGRAM_PREFIX and t not in weak for t in terms), dtype=bool, count=len(terms)
    )
    informative &= df <= max_df

    # Tags, through the taxonomy so 海洋经济 and "Marine Economy" are the same tag.
    tag_vocab: dict[str, int] = {}
    t_rows: list[int] = []
    t_cols: list[int] = []
    keys_of: list[tuple[int, ...]] = []
    for i, expert in enumerate(experts):
        keys = sorted(
            {tag_vocab.setdefault(k, len(tag_vocab)) for k in tag_keys(analyzer, expert.tags)}
        )
        keys_of.append(tuple(keys))
        t_rows.extend([i] * len(keys))
        t_cols.extend(keys)
    tags = sp.csr_matrix(
        (np.ones(len(t_rows), dtype=np.float32), (t_rows, t_cols)),
        shape=(n, max(len(tag_vocab), 1)),
    )

    place_vocab: dict[str, int] = {}
    regions = Places([place_parts(e.region) for e in experts], place_vocab)
    hometowns = Places([place_parts(e.hometown) for e in experts], place_vocab)
    regions.finish(len(place_vocab))
    hometowns.finish(len(place_vocab))

    lang_bits: dict[str, int] = {"zh": 0, "en": 1}
    langs = np.zeros(n, dtype=np.uint64)
    for i, expert in enumerate(experts):
        codes = {normalize_language(c) for c in expert.languages if c.strip()}
        if not codes:
            # No declared languages: assume the ones the profile is written in.
            codes = set(detect_languages("\n".join(expert.texts)))
        mask = 0
        for code in codes:
            bit = lang_bits.setdefault(code, len(lang_bits))
            if bit < 64:
                mask |= 1 << bit
        langs[i] = mask
    capacity = np.asarray([e.capacity for e in experts], dtype=np.int64)
    full_factor = 0.0 if cfg.exclude_full else cfg.full_penalty
    conflicts: dict[str, list[int]] = {}
    for i, expert in enumerate(experts):
        if expert.people or expert.organizations:
            for key in conflict_keys(expert.people, expert.organizations):
                conflicts.setdefault(key, []).append(i)
    return Index(
        ids=ids,
        pos={eid: i for i, eid in enumerate(ids)},
        id_rank=id_rank,
        vocab=vocab,
        terms=terms,
        idf=idf,
        idf_unseen=math.log1p((n + 0.5) / 0.5),
        by_doc=by_doc,
        by_term=by_doc.T.tocsr(),
        informative=informative,
        tag_vocab=tag_vocab,
        tag_keys=keys_of,
        tags_by_tag=tags.T.tocsr(),
        place_vocab=place_vocab,
        regions=regions,
        hometowns=hometowns,
        hometown_text=[e.hometown.strip() for e in experts],
        lang_bits=lang_bits,
        langs=langs,
        capacity_factor=np.where(capacity > 0, 1.0, full_factor),
        conflicts=conflicts,
        semantic=Semantic(
            by_doc, idf, min(cfg.semantic_dims, max(16, int(2 * math.sqrt(n)))), cfg.semantic_sample
        )
        if cfg.semantic_weight > 0
        else None,
    )
