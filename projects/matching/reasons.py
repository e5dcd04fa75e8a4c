"""Readable reasons for one (item, expert) pair, in the format the UI translates.

Reasons are ``kind:value[,value...]`` strings (values never contain a comma) in this fixed
order:

* ``terms:海洋,传感器,sensor`` — informative words of the item that the expert's texts share,
  as written in the item (Latin words lower-cased), strongest first;
* ``concepts:marine_economy,sensor`` — taxonomy concept ids both sides mention, whatever the
  language each side used (this is how an English profile meets a Chinese challenge);
* ``tags:海洋经济`` — item tags the expert carries (compared through the taxonomy, case-folded);
* ``region:福州`` — the item's region, when the expert works there;
* ``hometown:福建省福州市`` — the expert's hometown, when it is the item's region;
* ``language:en`` — languages of the item text that the expert speaks.

A word or concept is listed only if it is informative (``Index.informative``: not a stop word,
not a generic word, not a character bigram, and rare enough in the index); a pair whose only
overlap is uninformative still gets its score, but no ``terms``/``concepts`` reason.
"""

from __future__ import annotations

from collections.abc import Collection

from .config import MatchConfig
from .index import Index
from .query import Query
from .text import CONCEPT_PREFIX


def _ranked(entries: list[tuple[float, str]], limit: int) -> list[str]:
    best: dict[str, float] = {}
    for c, label in entries:
        best[label] = max(c, best.get(label, 0.0))
    return [label for label, _ in sorted(best.items(), key=lambda e: (-e[1], e[0]))[:limit]]


def reasons_for(ix: Index, q: Query, i: int, fired: Collection[str], cfg: MatchConfig) -> list[str]:
    """Return the reasons of expert position ``i`` for query ``q`` (see module docstring).

    ``fired`` names the structured signals that hold for this pair (region, hometown, language).
    """
    reasons: list[str] = []
    start, end = int(ix.by_doc.indptr[i]), int(ix.by_doc.indptr[i + 1])
    # A document row has a few dozen terms: plain dict look-ups beat numpy set
    # operations here, whose per-call overhead dominates at this size.
    position = q.position
    weights = q.weight_list
    informative = ix.informative
    words: list[tuple[float, str]] = []
    concepts: list[tuple[float, str]] = []
    for tid, w in zip(
        ix.by_doc.indices[start:end].tolist(), ix.by_doc.data[start:end].tolist(), strict=True
    ):
        j = position.get(tid)
        if j is None or not informative[tid]:
            continue
        c = w * weights[j]
        term = ix.terms[tid]
        if term[0] == CONCEPT_PREFIX:
            concepts.append((c, term[1:]))
        else:
            words.append((c, q.surfaces[tid].replace(",", " ")))
    for kind, entries in (("terms", words), ("concepts", concepts)):
        if entries:
            reasons.append(f"{kind}:" + ",".join(_ranked(entries, cfg.reason_terms)))
    if len(q.tag_ids):
        mine = set(ix.tag_keys[i])
        shared_tags = sorted(q.tag_surfaces[t] for t in q.tag_ids.tolist() if t in mine)
        if shared_tags:
            reasons.append("tags:" + ",".join(shared_tags))
    if "region" in fired:
        reasons.append("region:" + q.region_text)
    if "hometown" in fired:
        reasons.append("hometown:" + ix.hometown_text[i].replace(",", " "))
    if "language" in fired:
        bits = int(ix.langs[i])
        shared = sorted(c for c in q.lang_codes if bits >> ix.lang_bits[c] & 1)
        reasons.append("language:" + ",".join(shared))
    return reasons
