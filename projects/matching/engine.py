"""BM25 + structured-signal ranking of experts for an item (challenge or project).

The index is two sparse matrices of BM25 document weights (experts × terms and its transpose),
so ranking one item costs one slice of the posting rows of its terms and a few vectorised
passes over the experts; nothing is looped per expert in Python.

Scores are in [0, 1] and comparable across items: each signal is divided by what the item could
attain at best (see ``MatchConfig``).  Reasons are ``kind:value[,value...]`` strings (values never
contain a comma) in this fixed order; the UI translates the kind:

* ``terms:海洋,传感器,sensor`` — words of the item that the expert's texts share, as written in
  the item (Latin words lower-cased), strongest first;
* ``concepts:marine_economy,sensor`` — taxonomy concept ids both sides mention, whatever the
  language each side used (this is how an English profile meets a Chinese challenge);
* ``tags:海洋经济`` — item tags the expert carries (compared through the taxonomy, case-folded);
* ``region:福州`` — the item's region, when the expert works there;
* ``hometown:福建省福州市`` — the expert's hometown, when it is the item's region;
* ``language:en`` — languages of the item text that the expert speaks.
"""

from __future__ import annotations

import math
import multiprocessing
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .config import MatchConfig
from .text import (
    CONCEPT_PREFIX,
    Analyzer,
    detect_languages,
    normalize,
    normalize_language,
    place_parts,
)


@dataclass(frozen=True)
class Expert:
    """A person who can be matched: free texts, field tags, places, languages, capacity left."""

    id: str
    texts: Sequence[str]
    tags: Sequence[str] = ()
    region: str = ""
    hometown: str = ""
    languages: Sequence[str] = ()
    capacity: int = 1


@dataclass(frozen=True)
class Item:
    """A thing to match experts to: a challenge, a project, a founder's need."""

    id: str
    text: str
    tags: Sequence[str] = ()
    region: str = ""


@dataclass(frozen=True)
class Suggestion:
    """One ranked expert for an item, with a score in [0, 1] and readable reasons."""

    expert_id: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Query:
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


class _Places:
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


_worker_engine: MatchEngine | None = None


def _rank_chunk(args: tuple[list[Item], int]) -> list[list[tuple[str, float, list[str]]]]:
    # Plain tuples cross the process boundary: pickling them is several times cheaper
    # than pickling dataclass instances.
    items, k = args
    if _worker_engine is None:  # pragma: no cover - set by rank_many before forking
        raise RuntimeError("worker started without an engine")
    return [
        [(s.expert_id, s.score, s.reasons) for s in _worker_engine.rank(item, k)] for item in items
    ]


class MatchEngine:
    """Rank experts for items by BM25 text relevance plus tags, places, language, capacity."""

    def __init__(self, config: MatchConfig | None = None, analyzer: Analyzer | None = None):
        self.config = config or MatchConfig()
        self.analyzer = analyzer or Analyzer()
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._vocab: dict[str, int] = {}
        self._tag_vocab: dict[str, int] = {}
        self._place_vocab: dict[str, int] = {}
        self._lang_bits: dict[str, int] = {}
        self._n = 0
        self._terms: list[str] = []

    # ------------------------------------------------------------------ indexing
    def index(self, experts: Sequence[Expert]) -> None:
        """Replace the index with ``experts``; ids must be unique."""
        cfg = self.config
        ids = [e.id for e in experts]
        if len(set(ids)) != len(ids):
            dupes = sorted(i for i, c in Counter(ids).items() if c > 1)
            raise ValueError(f"duplicate expert ids: {dupes[:5]}")
        self._ids = ids
        self._pos = {eid: i for i, eid in enumerate(ids)}
        self._id_rank = np.empty(len(ids), dtype=np.int64)
        self._id_rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
        n = self._n = len(ids)

        vocab: dict[str, int] = {}
        cols: list[int] = []
        lengths = np.zeros(n, dtype=np.int64)
        terms_of = self.analyzer.terms
        for i, expert in enumerate(experts):
            terms = terms_of("\n".join(expert.texts))
            lengths[i] = len(terms)
            cols.extend([vocab.setdefault(t, len(vocab)) for t in terms])
        self._vocab = vocab
        self._terms = [""] * len(vocab)
        for term, tid in vocab.items():
            self._terms[tid] = term
        rows = np.repeat(np.arange(n, dtype=np.int32), lengths)
        col_arr = np.asarray(cols, dtype=np.int32)
        del cols
        tf = sp.csr_matrix(
            (np.ones(len(col_arr), dtype=np.float32), (rows, col_arr)),
            shape=(n, len(vocab)),
        )
        tf.sum_duplicates()
        del rows, col_arr

        df = np.bincount(tf.indices, minlength=len(vocab)).astype(np.float64)
        # Lucene's BM25 idf: always positive, so a very common word still adds a little.
        self._idf = np.log1p((n - df + 0.5) / (df + 0.5))
        self._idf_unseen = math.log1p((n + 0.5) / 0.5)
        dl = lengths.astype(np.float32)
        avgdl = float(dl.mean()) if n else 1.0
        norm = cfg.k1 * (1.0 - cfg.b + cfg.b * dl / max(avgdl, 1e-9))
        row_norm = np.repeat(norm, np.diff(tf.indptr))
        data = tf.data
        tf.data = (data * (cfg.k1 + 1.0) / (data + row_norm)).astype(np.float32)
        self._by_doc = tf  # experts × terms, BM25 document weights
        self._by_term = tf.T.tocsr()  # terms × experts: one row slice per query term

        # Tags, through the taxonomy so 海洋经济 and "Marine Economy" are the same tag.
        tag_vocab: dict[str, int] = {}
        t_rows: list[int] = []
        t_cols: list[int] = []
        self._tag_keys: list[tuple[int, ...]] = []
        for i, expert in enumerate(experts):
            keys = sorted(
                {tag_vocab.setdefault(k, len(tag_vocab)) for k in self._tag_keys_of(expert.tags)}
            )
            self._tag_keys.append(tuple(keys))
            t_rows.extend([i] * len(keys))
            t_cols.extend(keys)
        self._tag_vocab = tag_vocab
        tags = sp.csr_matrix(
            (np.ones(len(t_rows), dtype=np.float32), (t_rows, t_cols)),
            shape=(n, max(len(tag_vocab), 1)),
        )
        self._tags_by_tag = tags.T.tocsr()

        place_vocab: dict[str, int] = {}
        self._regions = _Places([place_parts(e.region) for e in experts], place_vocab)
        self._hometowns = _Places([place_parts(e.hometown) for e in experts], place_vocab)
        self._regions.finish(len(place_vocab))
        self._hometowns.finish(len(place_vocab))
        self._place_vocab = place_vocab
        self._hometown_text = [e.hometown.strip() for e in experts]

        lang_bits: dict[str, int] = {"zh": 0, "en": 1}
        self._langs = np.zeros(n, dtype=np.uint64)
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
            self._langs[i] = mask
        self._lang_bits = lang_bits
        self._capacity = np.asarray([e.capacity for e in experts], dtype=np.int64)
        full_factor = 0.0 if cfg.exclude_full else cfg.full_penalty
        self._capacity_factor = np.where(self._capacity > 0, 1.0, full_factor)
        self._lang_cache: dict[int, np.ndarray] = {}
        self._factor_cache: dict[float, np.ndarray] = {}

    def _tag_keys_of(self, tags: Sequence[str]) -> list[str]:
        keys = []
        for tag in tags:
            if not tag.strip():
                continue
            concept = self.analyzer.concept_of(tag)
            keys.append(CONCEPT_PREFIX + concept if concept else normalize(tag).strip())
        return keys

    # ------------------------------------------------------------------ querying
    def _query(self, item: Item) -> _Query:
        cfg = self.config
        tokens = self.analyzer.tokens(item.text)
        counts: Counter[str] = Counter(t.term for t in tokens)
        surfaces: dict[int, str] = {}
        weights: dict[int, float] = {}
        upper = 0.0
        for tok in tokens:
            tid = self._vocab.get(tok.term)
            if tid is not None and tid not in surfaces:
                surfaces[tid] = tok.surface
        for term, count in counts.items():
            qw = 1.0 + math.log(count)
            if term.startswith(CONCEPT_PREFIX):
                qw *= cfg.concept_weight
            tid = self._vocab.get(term)
            idf = self._idf[tid] if tid is not None else self._idf_unseen
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
            [t for t in item.tags if t.strip()], self._tag_keys_of(item.tags), strict=True
        ):
            if key in seen_keys:
                continue
            seen_keys.add(key)
            tid = self._tag_vocab.get(key)
            if tid is not None:
                tag_surfaces[tid] = tag.strip().replace(",", " ")
        item_langs = detect_languages(item.text)
        lang_mask = 0
        for code in item_langs:
            bit = self._lang_bits.get(code)
            if bit is not None and bit < 64:
                lang_mask |= 1 << bit
        return _Query(
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
        )

    def _signals(self, q: _Query) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Return the final score of every expert, and the per-signal vectors behind it."""
        # Written as few full-length float32 passes as possible, in place: at city scale each
        # pass over the experts costs about as much as the BM25 posting slice itself (and
        # masked ufuncs, np.add(..., where=), are ten times slower than a multiply-add).
        cfg = self.config
        n = self._n
        signals: dict[str, np.ndarray] = {}
        denom = cfg.text_weight
        if len(q.term_ids) and q.upper > 0:
            sub = self._by_term[q.term_ids]
            scaled = (q.weights * (cfg.text_weight / q.upper)).astype(np.float32)
            total = np.asarray(sub.T @ scaled, dtype=np.float32).ravel()
            relevant = total > 0
        else:
            total = np.zeros(n, dtype=np.float32)
            relevant = np.zeros(n, dtype=bool)
        if q.n_tags:
            denom += cfg.tag_weight
            if len(q.tag_ids):
                sub = self._tags_by_tag[q.tag_ids]
                # Tag postings are short: touch only the experts they hit (an expert may carry
                # several of the item's tags, hence the counts).
                if len(q.tag_ids) == 1:
                    hit, counts = sub.indices, np.ones(len(sub.indices))
                else:
                    hit, counts = np.unique(sub.indices, return_counts=True)
                tag_share = np.zeros(n, dtype=np.float32)
                tag_share[hit] = counts / q.n_tags
                signals["tags"] = tag_share
                total[hit] += np.float32(cfg.tag_weight) * tag_share[hit]
                relevant[hit] = True
        if q.place:
            denom += cfg.region_weight
            region = self._regions.match(q.place, self._place_vocab)
            signals["region"] = region
            total += np.float32(cfg.region_weight) * region
            if cfg.hometown_bonus:
                denom += cfg.hometown_weight
                home = self._hometowns.match(q.place, self._place_vocab)
                signals["hometown"] = home
                total += np.float32(cfg.hometown_weight) * home
        if q.lang_mask:
            denom += cfg.language_weight
            lang = self._lang_match(q.lang_mask)
            signals["language"] = lang
            total += np.float32(cfg.language_weight) * lang
        # Gate (no relevance, no score), then capacity (0, a penalty or 1) over the mean.
        total *= relevant
        total *= self._capacity_over(denom)
        return total, signals

    def _capacity_over(self, denom: float) -> np.ndarray:
        factor = self._factor_cache.get(denom)
        if factor is None:
            factor = (self._capacity_factor / denom).astype(np.float32)
            self._factor_cache[denom] = factor
        return factor

    def _lang_match(self, mask: int) -> np.ndarray:
        hit = self._lang_cache.get(mask)
        if hit is None:
            hit = (self._langs & np.uint64(mask)) != 0
            self._lang_cache[mask] = hit
        return hit

    def rank(self, item: Item, k: int = 20) -> list[Suggestion]:
        """Return the ``k`` best experts for ``item``, best first; only pairs scoring above 0.

        Ties are broken by expert id, so the output is deterministic.
        """
        if self._n == 0 or k <= 0:
            return []
        q = self._query(item)
        total, signals = self._signals(q)
        positive = np.flatnonzero(total > 0)
        if len(positive) > k:
            # Keep every candidate tied with the k-th so the id tie-break is exact.
            kth = np.partition(total[positive], len(positive) - k)[len(positive) - k]
            positive = positive[total[positive] >= kth]
        # Best score first, then expert id (via its precomputed sort rank), all vectorised:
        # a tag-only query can tie thousands of experts.
        order = positive[np.lexsort((self._id_rank[positive], -total[positive]))][:k].tolist()
        return [
            Suggestion(self._ids[i], float(total[i]), self._reasons(q, i, signals)) for i in order
        ]

    def rank_many(
        self, items: Sequence[Item], k: int = 20, *, workers: int = 1, chunk: int = 256
    ) -> list[list[Suggestion]]:
        """Return ``rank(item, k)`` for every item, in order, optionally over forked workers.

        Workers are forked after indexing, so they share the index pages copy-on-write
        instead of each building or unpickling its own.
        """
        if workers <= 1 or len(items) <= chunk:
            return [self.rank(item, k) for item in items]
        global _worker_engine
        _worker_engine = self
        try:
            ctx = multiprocessing.get_context("fork")
            batches = [(list(items[i : i + chunk]), k) for i in range(0, len(items), chunk)]
            with ctx.Pool(workers) as pool:
                parts = pool.map(_rank_chunk, batches, chunksize=1)
        finally:
            _worker_engine = None
        return [[Suggestion(*row) for row in ranked] for part in parts for ranked in part]

    def score(self, item: Item, expert_ids: Sequence[str]) -> list[float]:
        """Return the score of each given expert for ``item``, in the order given.

        The values equal those ``rank`` reports; an expert with no text or tag relevance
        scores 0.0.  Unknown ids raise ``KeyError``.
        """
        positions = [self._pos[eid] for eid in expert_ids]
        if not positions:
            return []
        total, _ = self._signals(self._query(item))
        return [float(total[p]) for p in positions]

    # ------------------------------------------------------------------ reasons
    def _reasons(self, q: _Query, i: int, signals: dict[str, np.ndarray]) -> list[str]:
        cfg = self.config
        reasons: list[str] = []
        start, end = int(self._by_doc.indptr[i]), int(self._by_doc.indptr[i + 1])
        # A document row has a few dozen terms: plain dict look-ups beat numpy set
        # operations here, whose per-call overhead dominates at this size.
        position = q.position
        weights = q.weight_list
        words: list[tuple[float, str]] = []
        concepts: list[tuple[float, str]] = []
        inverse = self._terms
        for tid, w in zip(
            self._by_doc.indices[start:end].tolist(),
            self._by_doc.data[start:end].tolist(),
            strict=True,
        ):
            j = position.get(tid)
            if j is None:
                continue
            c = w * weights[j]
            term = inverse[tid]
            if term.startswith(CONCEPT_PREFIX):
                concepts.append((c, term[len(CONCEPT_PREFIX) :]))
            else:
                words.append((c, q.surfaces[tid].replace(",", " ")))
        for kind, entries in (("terms", words), ("concepts", concepts)):
            if entries:
                best: dict[str, float] = {}
                for c, label in entries:
                    best[label] = max(c, best.get(label, 0.0))
                ranked = sorted(best.items(), key=lambda e: (-e[1], e[0]))[: cfg.reason_terms]
                reasons.append(f"{kind}:" + ",".join(label for label, _ in ranked))
        if len(q.tag_ids):
            mine = set(self._tag_keys[i])
            shared_tags = sorted(q.tag_surfaces[t] for t in q.tag_ids.tolist() if t in mine)
            if shared_tags:
                reasons.append("tags:" + ",".join(shared_tags))
        if "region" in signals and signals["region"][i]:
            reasons.append("region:" + q.region_text)
        if "hometown" in signals and signals["hometown"][i]:
            reasons.append("hometown:" + self._hometown_text[i].replace(",", " "))
        if "language" in signals and signals["language"][i]:
            bits = int(self._langs[i])
            shared = sorted(c for c in q.lang_codes if bits >> self._lang_bits[c] & 1)
            reasons.append("language:" + ",".join(shared))
        return reasons
