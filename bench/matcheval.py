"""Scoring a ranker on a labelled set, in both directions, with the trust figures.

A *task* is one direction of one labelled set:

* ``experts`` — experts for a posting: each open challenge ranks the experts;
* ``postings`` — postings for an expert: each expert with a relevant open challenge ranks the
  open challenges.

Conflict pairs and already-claimed pairs are no valid suggestion, so they are not counted as
relevant; besides precision, recall and NDCG a ranker's lists are checked for conflicts and
stale postings (claimed pairs, closed challenges) suggested, and the engine's reasons for
filler: lone characters, organisation boilerplate, function words and the generic words the
field set is padded with (``GENERIC_ZH``/``GENERIC_EN``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from matchdata import GENERIC_EN, GENERIC_ZH, LabelledSet, words

K = 20
_FILLER = set(
    words(
        "有限公司 有限责任公司 公司 股份 股份有限公司 集团 科技 科技有限公司 研究院 研究所 "
        "有限 责任 控股 的 了 和 与 及 在 是 等 对 为 以 于 进行 相关 方面 通过 "
        "co ltd inc corp corporation company llc limited group the of and for in on with to "
        "a an by"
    )
)
FILLER = frozenset(_FILLER | set(GENERIC_ZH) | {w.casefold() for w in GENERIC_EN})


def is_filler(value: str) -> bool:
    """A reason value that explains nothing (see module docstring)."""
    return len(value) <= 1 or value.casefold() in FILLER


@dataclass
class Task:
    """One direction of a labelled set: queries, what each may be matched to, and truth."""

    name: str
    queries: list[str]  # ids
    qrels: dict[str, dict[str, int]]  # query id → {candidate id: gain}
    lang: dict[str, str]
    conflict: Callable[[str, str], bool]  # (query id, candidate id)
    stale: Callable[[str, str], bool]


@dataclass
class Result:
    metrics: dict[str, tuple[float, float, float]]  # language group → (P@5, R@20, NDCG@10)
    conflicts: int = 0
    stale: int = 0
    reasons: int = 0
    filler: int = 0
    seconds: float = 0.0
    ranked: dict[str, list[str]] = field(default_factory=dict)

    @property
    def filler_share(self) -> float | None:
        return self.filler / self.reasons if self.reasons else None


def tasks(data: LabelledSet) -> tuple[Task, Task]:
    """The two directions of ``data``, over open challenges only."""
    open_items = [it.id for it in data.items if it.id not in data.closed]
    lang = {it.id: lg for it, lg in zip(data.items, data.item_lang, strict=True)}
    by_item = {it.id: rel for it, rel in zip(data.items, data.qrels, strict=True)}
    invalid = data.conflicts | data.claimed
    e4p = {
        it: {e: g for e, g in by_item[it].items() if (e, it) not in invalid} for it in open_items
    }
    p4e: dict[str, dict[str, int]] = {}
    for it, rel in e4p.items():
        for e, g in rel.items():
            p4e.setdefault(e, {})[it] = g
    experts = [e.id for e in data.experts if e.id in p4e]
    return (
        Task(
            "experts",
            open_items,
            e4p,
            lang,
            lambda it, e: (e, it) in data.conflicts,
            lambda it, e: data.stale(e, it),
        ),
        Task(
            "postings",
            experts,
            p4e,
            {e: "all" for e in experts},
            lambda e, it: (e, it) in data.conflicts,
            lambda e, it: data.stale(e, it),
        ),
    )


def metrics(ranked: list[str], rel: dict[str, int]) -> tuple[float, float, float]:
    """Return precision@5, recall@20 and NDCG@10 (gains 2^rel − 1) of one ranking."""
    p5 = sum(1 for e in ranked[:5] if e in rel) / 5
    r20 = sum(1 for e in ranked[:20] if e in rel) / len(rel) if rel else 0.0
    dcg = sum((2 ** rel.get(e, 0) - 1) / math.log2(i + 2) for i, e in enumerate(ranked[:10]))
    ideal = sorted(rel.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return p5, r20, dcg / idcg if idcg else 0.0


Ranked = list[tuple[str, list[str]]]  # (candidate id, reasons), best first


def run(task: Task, top: Callable[[str], Ranked]) -> Result:
    """Score ``top`` (query id → ranked candidates) on ``task``."""
    per: dict[str, list[tuple[float, float, float]]] = {"all": []}
    res = Result(metrics={})
    start = time.perf_counter()
    for q in task.queries:
        ranked = top(q)[:K]
        ids = [c for c, _ in ranked]
        res.ranked[q] = ids
        m = metrics(ids, task.qrels.get(q, {}))
        per["all"].append(m)
        if task.lang[q] != "all":
            per.setdefault(task.lang[q], []).append(m)
        res.conflicts += sum(1 for c in ids if task.conflict(q, c))
        res.stale += sum(1 for c in ids if task.stale(q, c))
        for _, reasons in ranked:
            for reason in reasons:
                kind, _, values = reason.partition(":")
                if kind in ("terms", "concepts"):
                    for value in values.split(","):
                        res.reasons += 1
                        res.filler += is_filler(value)
    res.seconds = time.perf_counter() - start
    res.metrics = {
        key: tuple(float(np.mean([m[i] for m in ms])) for i in range(3)) for key, ms in per.items()
    }
    return res


def ndcg(task: Task, top: Callable[[str], list[str]]) -> float:
    """Mean NDCG@10 of a plain ranker (ids only): what ``tuned_bm25`` maximises."""
    return float(np.mean([metrics(top(q)[:K], task.qrels.get(q, {}))[2] for q in task.queries]))
