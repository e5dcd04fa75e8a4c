"""Match quality: the engine against tuned BM25, character n-gram TF-IDF and more, both ways.

Two kinds of labelled data, both generated from a fixed seed:

* the **field set** (``matchdata.py``): experts and challenges written about 24 fields in
  Chinese, English or a mix, with organisations, posters, declared conflicts, claimed pairs
  and closed challenges — the engine's defaults were chosen on this set;
* the **abstract sets** (``matchabstracts.py``), one English (graded relevance), one Chinese
  (discipline-level relevance): experts as a handful of scientific abstracts, nothing tuned
  on them — they check that what helps on the field set generalises.

Each set is ranked in both directions (experts for a posting, postings for an expert) by:

* ``engine`` — ``MatchEngine()`` with its defaults: ``rank`` and ``rank_items``, with the
  set's declared conflicts and claims as ``exclude`` and only open challenges;
* ``engine-ngrams`` / ``engine-taxonomy`` — the same without Chinese character bigrams /
  without the taxonomy (ablations, ``--ablations``);
* ``bm25-tuned`` — Okapi BM25 with ``k1``/``b`` picked per set and direction by the NDCG it
  is judged on (an oracle);
* ``char-tfidf`` — cosine over character n-gram TF-IDF, no segmentation, the n-gram lengths
  picked the same oracle way;
* ``tfidf`` — cosine over jieba-token TF-IDF; ``postgres`` — ``ts_rank`` (``--postgres``).

The baselines see the same text (tags appended as words); in the postings direction they
index the challenges and query with the expert's profile.  Columns besides P@5, R@20 and
NDCG@10: the share of the engine's reason words that are filler, and the number of conflicts
and stale postings among all suggested lists (20 per query); all three must be 0.

Run: ``.venv/bin/python bench/match_quality.py [--seed 20240601] [--ablations] [--postgres]``
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matchabstracts import generate_abstracts  # noqa: E402
from matchbase import (  # noqa: E402
    PostgresFts,
    TfidfCosine,
    baseline_doc,
    baseline_query,
    postgres_dsn,
    tuned_bm25,
    tuned_char_tfidf,
)
from matchdata import LabelledSet, generate  # noqa: E402
from matcheval import K, Result, Task, ndcg, run, tasks  # noqa: E402

from projects.matching import MatchEngine, score_label  # noqa: E402
from projects.matching.text import Analyzer  # noqa: E402

Top = Callable[[str], list[tuple[str, list[str]]]]


def engine_tops(engine: MatchEngine, data: LabelledSet) -> tuple[Top, Top]:
    """The engine in both directions, as the portal calls it."""
    engine.index(data.experts)
    items = {it.id: it for it in data.items}
    open_items = [it for it in data.items if it.id not in data.closed]
    exclude = data.exclude()

    def experts(item_id: str):
        return [(s.expert_id, s.reasons) for s in engine.rank(items[item_id], K, exclude=exclude)]

    def postings(expert_id: str):
        ranked = engine.rank_items(expert_id, open_items, K, exclude=exclude)
        return [(s.item_id, s.reasons) for s in ranked]

    return experts, postings


def baseline_tops(make: Callable, data: LabelledSet, e4p: Task, p4e: Task) -> tuple[Top, Top]:
    """A text ranker in both directions: ``make(docs, doc_ids, task, text_of, queries)``
    builds it over ``docs``."""
    items = {it.id: it for it in data.items}
    experts = {e.id: e for e in data.experts}
    expert_ids = list(experts)
    item_ids = e4p.queries  # open challenges
    on_experts = make(
        [baseline_doc(e) for e in data.experts], expert_ids, e4p, baseline_query, items
    )
    on_items = make(
        [baseline_query(items[i]) for i in item_ids], item_ids, p4e, baseline_doc, experts
    )
    return (
        lambda q: [(expert_ids[i], []) for i in on_experts.top(baseline_query(items[q]), K)],
        lambda q: [(item_ids[i], []) for i in on_items.top(baseline_doc(experts[q]), K)],
    )


def plain(cls):
    return lambda docs, *_: cls(docs)


def tuned(tune: Callable) -> Callable:
    """A baseline maker that tunes on the NDCG of the task it is then judged on."""

    def make(docs, ids, task: Task, text_of, queries):
        return tune(
            docs, lambda m: ndcg(task, lambda q: [ids[i] for i in m.top(text_of(queries[q]), K)])
        )

    return make


def evaluate(data: LabelledSet, args, pg=None) -> dict[str, dict[str, Result]]:
    """Every ranker on both directions of ``data``: {direction: {ranker: Result}}."""
    e4p, p4e = tasks(data)
    out: dict[str, dict[str, Result]] = {"experts": {}, "postings": {}}
    variants = {"engine": MatchEngine()}
    if args.ablations:
        variants["engine-ngrams"] = MatchEngine(analyzer=Analyzer(char_ngrams=False))
        variants["engine-taxonomy"] = MatchEngine(analyzer=Analyzer(concepts=()))
    rankers: dict[str, tuple[Top, Top]] = {
        name: engine_tops(engine, data) for name, engine in variants.items()
    }
    rankers["bm25-tuned"] = baseline_tops(tuned(tuned_bm25), data, e4p, p4e)
    rankers["char-tfidf"] = baseline_tops(tuned(tuned_char_tfidf), data, e4p, p4e)
    rankers["tfidf"] = baseline_tops(plain(TfidfCosine), data, e4p, p4e)
    if pg is not None:
        tables = iter(range(1_000))  # one table per direction: a second would drop the first
        rankers["postgres"] = baseline_tops(
            lambda d, *_: PostgresFts(pg, d, table=f"bench_docs_{next(tables)}"), data, e4p, p4e
        )
    for name, (experts_top, postings_top) in rankers.items():
        out["experts"][name] = run(e4p, experts_top)
        out["postings"][name] = run(p4e, postings_top)
    return out


def calibration(data: LabelledSet) -> dict[str, tuple[int, float]]:
    """Per label: how many of the engine's top-20 suggestions carry it, and the share that
    is relevant."""
    engine = MatchEngine()
    engine.index(data.experts)
    seen: Counter = Counter()
    hits: Counter = Counter()
    for item, rel in zip(data.items, data.qrels, strict=True):
        for s in engine.rank(item, K):
            label = score_label(s.score)
            seen[label] += 1
            hits[label] += s.expert_id in rel
    return {label: (seen[label], hits[label] / seen[label]) for label in seen}


def print_table(title: str, results: dict[str, dict[str, Result]]) -> None:
    print(f"\n### {title}\n")
    print("| direction | ranker | queries | P@5 | R@20 | NDCG@10 | filler | conflicts | stale |")
    print("|---|---|---|---|---|---|---|---|---|")
    for direction, by_ranker in results.items():
        keys = sorted({k for r in by_ranker.values() for k in r.metrics}, key=lambda k: k != "all")
        for key in keys:
            for name, res in by_ranker.items():
                if key not in res.metrics:
                    continue
                p5, r20, nd = res.metrics[key]
                share = res.filler_share
                filler = "—" if share is None else f"{share:.1%}"
                print(
                    f"| {direction} | {name} | {key} | {p5:.3f} | {r20:.3f} | {nd:.3f} | "
                    f"{filler} | {res.conflicts} | {res.stale} |"
                )
    for direction, by_ranker in results.items():
        best = max((r.metrics["all"][2], n) for n, r in by_ranker.items() if "engine" not in n)
        engine = by_ranker["engine"].metrics["all"][2]
        verdict = "beats" if engine > best[0] else "does NOT beat"
        print(
            f"\n{title}, {direction}: engine NDCG@10 {engine:.3f} {verdict} the best baseline "
            f"({best[1]} {best[0]:.3f}, {engine - best[0]:+.3f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=400)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--ablations", action="store_true", help="engine without parts")
    parser.add_argument("--postgres", action="store_true", help="add the PostgreSQL baseline")
    parser.add_argument("--no-abstracts", action="store_true", help="the field set only")
    args = parser.parse_args()

    data = generate(args.seed, args.experts, args.queries)
    sets = [("field set (tuned on)", data)]
    if not args.no_abstracts:
        for lang in ("en", "zh"):
            sets.append((f"abstracts, {lang} (held out)", generate_abstracts(args.seed, lang)))
    for title, labelled in sets:
        print(
            f"{title}: {len(labelled.experts)} experts, {len(labelled.items)} challenges "
            f"(langs {dict(Counter(labelled.item_lang))}), "
            f"{sum(map(len, labelled.qrels)) / len(labelled.qrels):.1f} relevant per challenge"
        )
    if args.postgres:
        import psycopg

        with postgres_dsn() as dsn, psycopg.connect(dsn) as conn:
            results = [(t, evaluate(d, args, conn)) for t, d in sets]
    else:
        results = [(t, evaluate(d, args)) for t, d in sets]
    for title, res in results:
        print_table(title, res)
    print("\n### Labels: share of the engine's top-20 suggestions that are relevant\n")
    print("| set | label | suggestions | relevant |")
    print("|---|---|---|---|")
    for title, labelled in sets:
        for label, (n, share) in sorted(calibration(labelled).items()):
            print(f"| {title} | {label} | {n} | {share:.1%} |")


if __name__ == "__main__":
    main()
