"""BM25 + structured-signal ranking of experts for an item (challenge or project), and back.

The index (``index.py``) is two sparse matrices of BM25 document weights (experts × terms and
its transpose), so ranking one item costs one slice of the posting rows of its terms and a few
vectorised passes over the experts; nothing is looped per expert in Python.

Scores are in [0, 1] and comparable across items: each signal is divided by what the item could
attain at best (see ``MatchConfig``), so one expert's scores for many items can be sorted
("challenges for you", ``rank_items``) and one set of label thresholds serves every list
(``labels.py``).  Reasons are described in ``reasons.py``.

Conflicts of interest are never suggested and always score 0: an expert sharing a person or an
organisation with the item (``Expert.people``/``organizations``, ``Item.people``/
``organizations``), and every (expert_id, item_id) pair in ``exclude`` — declared conflicts,
postings the expert already claimed, won or declined, "not relevant" feedback.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Collection, Sequence

import numpy as np

from .config import MatchConfig
from .index import Index, Places, build_index
from .query import Query, analyse
from .reasons import reasons_for
from .records import Expert, Item, ItemSuggestion, Suggestion
from .text import Analyzer

Pair = tuple[str, str]

_worker_engine: MatchEngine | None = None
_worker_exclude: dict[str, list[str]] = {}


def _rank_chunk(args: tuple[list[Item], int]) -> list[list[tuple[str, float, list[str]]]]:
    # Plain tuples cross the process boundary: pickling them is several times cheaper
    # than pickling dataclass instances.
    items, k = args
    if _worker_engine is None:  # pragma: no cover - set by rank_many before forking
        raise RuntimeError("worker started without an engine")
    return [
        [
            (s.expert_id, s.score, s.reasons)
            for s in _worker_engine._rank(item, k, _worker_exclude.get(item.id, ()))
        ]
        for item in items
    ]


def _by_item(exclude: Collection[Pair]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for expert_id, item_id in exclude:
        out.setdefault(item_id, []).append(expert_id)
    return out


def _match_one(places: Places, place: tuple[str, ...], vocab: dict[str, int], i: int) -> bool:
    """``Places.match`` for one expert position."""
    codes = {vocab[p] for p in place if p in vocab}
    if not codes:
        return False
    if int(places.last[i]) in codes:
        return True
    finest = vocab.get(place[-1])
    members = places.members
    if finest is None or members is None or finest >= members.shape[0]:
        return False
    row = members.indices[members.indptr[finest] : members.indptr[finest + 1]]
    at = int(np.searchsorted(row, i))
    return at < len(row) and int(row[at]) == i


class MatchEngine:
    """Rank experts for items by BM25 text relevance plus tags, places, language, capacity."""

    def __init__(self, config: MatchConfig | None = None, analyzer: Analyzer | None = None):
        self.config = config or MatchConfig()
        self.analyzer = analyzer or Analyzer()
        self._ix: Index | None = None
        self._lang_cache: dict[int, np.ndarray] = {}
        self._factor_cache: dict[float, np.ndarray] = {}
        self._query_cache: dict[tuple, Query] = {}

    # ------------------------------------------------------------------ indexing
    def index(self, experts: Sequence[Expert]) -> None:
        """Replace the index with ``experts``; ids must be unique."""
        self._ix = build_index(self.analyzer, experts, self.config)
        self._lang_cache = {}
        self._factor_cache = {}
        self._query_cache = {}

    @property
    def stats(self) -> dict[str, int]:
        """Size of the index: experts, distinct terms, postings."""
        ix = self._require()
        return {"experts": ix.n, "terms": len(ix.terms), "postings": int(ix.by_doc.nnz)}

    def _require(self) -> Index:
        if self._ix is None:
            raise RuntimeError("call index() first")
        return self._ix

    # ------------------------------------------------------------------ querying
    def _query(self, item: Item) -> Query:
        key = (
            item.id,
            item.text,
            tuple(item.tags),
            item.region,
            tuple(item.people),
            tuple(item.organizations),
        )
        q = self._query_cache.get(key)
        if q is None:
            q = analyse(self._require(), self.analyzer, self.config, item)
            if len(self._query_cache) >= 4096:
                self._query_cache.clear()
            self._query_cache[key] = q
        return q

    def _signals(self, q: Query) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Return the final score of every expert, and the per-signal vectors behind it."""
        # Written as few full-length float32 passes as possible, in place: at city scale each
        # pass over the experts costs about as much as the BM25 posting slice itself (and
        # masked ufuncs, np.add(..., where=), are ten times slower than a multiply-add).
        cfg = self.config
        ix = self._require()
        n = ix.n
        signals: dict[str, np.ndarray] = {}
        denom = cfg.text_weight
        if len(q.term_ids) and q.upper > 0:
            sub = ix.by_term[q.term_ids]
            scaled = (q.weights * (cfg.text_weight / q.upper)).astype(np.float32)
            total = np.asarray(sub.T @ scaled, dtype=np.float32).ravel()
            relevant = total > 0
        else:
            total = np.zeros(n, dtype=np.float32)
            relevant = np.zeros(n, dtype=bool)
        if q.semantic is not None:
            denom += cfg.semantic_weight
            sim = ix.semantic.similarity(q.semantic)
            sim *= np.float32(cfg.semantic_weight)
            total += sim
        if q.n_tags:
            denom += cfg.tag_weight
            if len(q.tag_ids):
                sub = ix.tags_by_tag[q.tag_ids]
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
            region = ix.regions.match(q.place, ix.place_vocab)
            signals["region"] = region
            total += np.float32(cfg.region_weight) * region
            if cfg.hometown_bonus:
                denom += cfg.hometown_weight
                home = ix.hometowns.match(q.place, ix.place_vocab)
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
        if q.conflicted:
            total[q.conflicted] = 0.0
        return total, signals

    def _score_one(self, q: Query, i: int) -> tuple[float, set[str]]:
        """``_signals`` for one expert position: its score and the signals that fired."""
        cfg = self.config
        ix = self._require()
        fired: set[str] = set()
        denom = cfg.text_weight
        total = np.float32(0.0)
        if len(q.term_ids) and q.upper > 0:
            start, end = int(ix.by_doc.indptr[i]), int(ix.by_doc.indptr[i + 1])
            scale = cfg.text_weight / q.upper
            for tid, w in zip(
                ix.by_doc.indices[start:end].tolist(), ix.by_doc.data[start:end], strict=True
            ):
                j = q.position.get(tid)
                if j is not None:
                    total += w * np.float32(q.weight_list[j] * scale)
        relevant = bool(total > 0)
        if q.semantic is not None:
            denom += cfg.semantic_weight
            sim = max(float(ix.semantic.expert_vectors[i] @ q.semantic), 0.0)
            total += np.float32(cfg.semantic_weight) * np.float32(sim)
        if q.n_tags:
            denom += cfg.tag_weight
            shared = len(set(q.tag_ids.tolist()) & set(ix.tag_keys[i]))
            if shared:
                total += np.float32(cfg.tag_weight) * np.float32(shared / q.n_tags)
                relevant = True
        checks = []
        if q.place:
            checks.append(("region", cfg.region_weight, ix.regions))
            if cfg.hometown_bonus:
                checks.append(("hometown", cfg.hometown_weight, ix.hometowns))
        for name, weight, places in checks:
            denom += weight
            if _match_one(places, q.place, ix.place_vocab, i):
                fired.add(name)
                total += np.float32(weight)
        if q.lang_mask:
            denom += cfg.language_weight
            if int(ix.langs[i]) & q.lang_mask:
                fired.add("language")
                total += np.float32(cfg.language_weight)
        if not relevant or i in q.conflicted:
            return 0.0, fired
        return float(total * self._capacity_over(denom)[i]), fired

    def _capacity_over(self, denom: float) -> np.ndarray:
        factor = self._factor_cache.get(denom)
        if factor is None:
            factor = (self._require().capacity_factor / denom).astype(np.float32)
            self._factor_cache[denom] = factor
        return factor

    def _lang_match(self, mask: int) -> np.ndarray:
        hit = self._lang_cache.get(mask)
        if hit is None:
            hit = (self._require().langs & np.uint64(mask)) != 0
            self._lang_cache[mask] = hit
        return hit

    def _excluded(self, expert_ids: Collection[str]) -> list[int]:
        pos = self._require().pos
        return [pos[e] for e in expert_ids if e in pos]

    def rank(self, item: Item, k: int = 20, *, exclude: Collection[Pair] = ()) -> list[Suggestion]:
        """Return the ``k`` best experts for ``item``, best first; only pairs scoring above 0.

        Experts in conflict with the item, and pairs ``(expert_id, item.id)`` in ``exclude``,
        are never returned.  Ties are broken by expert id, so the output is deterministic.
        """
        return self._rank(item, k, [e for e, it in exclude if it == item.id])

    def _rank(self, item: Item, k: int, excluded: Collection[str]) -> list[Suggestion]:
        if self._ix is None or self._ix.n == 0 or k <= 0:
            return []
        ix = self._ix
        q = self._query(item)
        total, signals = self._signals(q)
        if excluded:
            total[self._excluded(excluded)] = 0.0
        positive = np.flatnonzero(total > 0)
        if len(positive) > k:
            # Keep every candidate tied with the k-th so the id tie-break is exact.
            kth = np.partition(total[positive], len(positive) - k)[len(positive) - k]
            positive = positive[total[positive] >= kth]
        # Best score first, then expert id (via its precomputed sort rank), all vectorised:
        # a tag-only query can tie thousands of experts.
        order = positive[np.lexsort((ix.id_rank[positive], -total[positive]))][:k].tolist()
        return [
            Suggestion(
                ix.ids[i],
                float(total[i]),
                reasons_for(ix, q, i, {s for s, v in signals.items() if v[i]}, self.config),
            )
            for i in order
        ]

    def rank_many(
        self,
        items: Sequence[Item],
        k: int = 20,
        *,
        workers: int = 1,
        chunk: int = 256,
        exclude: Collection[Pair] = (),
    ) -> list[list[Suggestion]]:
        """Return ``rank(item, k, exclude=exclude)`` for every item, in order, optionally over
        forked workers.

        Workers are forked after indexing, so they share the index pages copy-on-write
        instead of each building or unpickling its own.
        """
        by_item = _by_item(exclude)
        # Forking a process that runs other threads (a web server's, a test's live server)
        # can leave the children waiting forever on a lock one of those threads held; such a
        # caller gets the same lists computed in-process.
        if workers <= 1 or len(items) <= chunk or threading.active_count() > 1:
            return [self._rank(item, k, by_item.get(item.id, ())) for item in items]
        global _worker_engine, _worker_exclude
        _worker_engine, _worker_exclude = self, by_item
        try:
            ctx = multiprocessing.get_context("fork")
            batches = [(list(items[i : i + chunk]), k) for i in range(0, len(items), chunk)]
            with ctx.Pool(workers) as pool:
                parts = pool.map(_rank_chunk, batches, chunksize=1)
        finally:
            _worker_engine, _worker_exclude = None, {}
        return [[Suggestion(*row) for row in ranked] for part in parts for ranked in part]

    def score(
        self, item: Item, expert_ids: Sequence[str], *, exclude: Collection[Pair] = ()
    ) -> list[float]:
        """Return the score of each given expert for ``item``, in the order given.

        The values equal those ``rank`` reports; an expert with no text or tag relevance, in
        conflict with the item, or paired with it in ``exclude`` scores 0.0.  Unknown ids
        raise ``KeyError``.
        """
        ix = self._require()
        positions = [ix.pos[eid] for eid in expert_ids]
        if not positions:
            return []
        total, _ = self._signals(self._query(item))
        banned = {e for e, it in exclude if it == item.id}
        return [
            0.0 if eid in banned else float(total[p])
            for eid, p in zip(expert_ids, positions, strict=True)
        ]

    def conflicts(self, item: Item) -> list[str]:
        """Return the ids of indexed experts in conflict with ``item`` (shared person or
        organisation), sorted; the plan takes them as excluded pairs."""
        ix = self._require()
        return sorted(ix.ids[i] for i in set(self._query(item).conflicted))

    def rank_items(
        self,
        expert_id: str,
        items: Sequence[Item],
        k: int = 20,
        *,
        exclude: Collection[Pair] = (),
    ) -> list[ItemSuggestion]:
        """Return the ``k`` best of ``items`` for one indexed expert, best first ("for you").

        Each score equals (up to float rounding) the expert's score in ``rank(item)``, with
        the same reasons; items in conflict with the expert, and pairs
        ``(expert_id, item_id)`` in ``exclude`` (claimed, won, declined, not relevant), are
        left out, as are items scoring 0.  Pass only open postings: a closed or claimed-out
        one has no place in any list.  Ties are broken by item id.
        """
        ix = self._require()
        i = ix.pos[expert_id]
        banned = {it for e, it in exclude if e == expert_id}
        out = []
        for item in items:
            if item.id in banned:
                continue
            q = self._query(item)
            score, fired = self._score_one(q, i)
            if score > 0:
                out.append(
                    ItemSuggestion(item.id, score, reasons_for(ix, q, i, fired, self.config))
                )
        out.sort(key=lambda s: (-s.score, s.item_id))
        return out[: max(k, 0)]
