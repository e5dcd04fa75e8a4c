"""Baseline rankers the matching engine is measured against, all over the same text.

* ``TfidfCosine`` — cosine over (1 + log tf) × idf vectors of jieba tokens, case-folded, no
  stemming, no taxonomy;
* ``Bm25`` — Okapi BM25 (Lucene idf, query term counts) over jieba tokens with English stop
  words dropped and Latin words Snowball-stemmed; ``tuned_bm25`` picks ``k1`` and ``b`` from a
  grid by the very metric it is judged on (an oracle: the strongest a tuned BM25 can be);
* ``CharNgramTfidf`` — cosine over sublinear tf × idf vectors of character n-grams of the raw
  text (no segmentation at all), the usual strong baseline for Chinese; ``tuned_char_tfidf``
  picks the n-gram lengths (1, 1–2, 2–3 or 1–3) the same oracle way;
* ``PostgresFts`` — ``ts_rank`` over ``to_tsvector('simple', …)`` of pre-segmented text, the
  query an OR of its tokens, in a throwaway PostgreSQL cluster.

Every ranker has ``top(text, k) -> list[int]`` (document positions, best first).
"""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import rjieba
import scipy.sparse as sp
import Stemmer
from matchdata import words

from projects.matching import Expert, Item

_WORD = re.compile(r"\w", re.UNICODE)


def plain_tokens(text: str) -> list[str]:
    """jieba tokens, case-folded, punctuation dropped — no stemming, no taxonomy."""
    return [w for w in rjieba.cut(text.casefold(), False) if _WORD.search(w)]


def baseline_doc(expert: Expert) -> str:
    return "\n".join([*expert.texts, *expert.tags])


def baseline_query(item: Item) -> str:
    return "\n".join([item.text, *item.tags])


class TfidfCosine:
    """Cosine similarity of (1 + log tf) × smoothed-idf vectors, l2-normalised."""

    def __init__(self, docs: Sequence[str]) -> None:
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for r, doc in enumerate(docs):
            for term, count in Counter(plain_tokens(doc)).items():
                rows.append(r)
                cols.append(self.vocab.setdefault(term, len(self.vocab)))
                vals.append(1.0 + math.log(count))
        m = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.vocab)))
        df = np.bincount(m.indices, minlength=len(self.vocab))
        self.idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
        self.matrix = self._normalise(m @ sp.diags(self.idf))

    @staticmethod
    def _normalise(m: sp.csr_matrix) -> sp.csr_matrix:
        return _cosine_rows(m)

    def top(self, text: str, k: int) -> list[int]:
        counts = Counter(t for t in plain_tokens(text) if t in self.vocab)
        if not counts:
            return []
        q = np.zeros(len(self.vocab))
        for term, count in counts.items():
            q[self.vocab[term]] = (1.0 + math.log(count)) * self.idf[self.vocab[term]]
        return _top(self.matrix @ (q / np.linalg.norm(q)), k)


@contextlib.contextmanager
def postgres_dsn() -> Iterator[str]:
    """Yield the DSN of a throwaway PostgreSQL cluster (tests/services.py when present)."""
    try:
        from tests import services
    except ImportError:  # pragma: no cover - the helper belongs to the test suite
        services = None
    if services is not None and hasattr(services, "postgres"):
        with services.postgres() as dsn:
            yield dsn
        return
    raise RuntimeError("tests/services.py with postgres() is needed for the PostgreSQL baseline")


def tsquery(text: str) -> str:
    """An OR query of the text's tokens, each quoted as a literal lexeme."""
    words = sorted({w.replace("'", "") for w in plain_tokens(text)} - {""})
    return " | ".join(f"'{w}'" for w in words)


class PostgresFts:
    """ts_rank over to_tsvector('simple', pre-segmented text) with a GIN index."""

    def __init__(self, conn, docs: Sequence[str], table: str = "bench_docs") -> None:
        self.conn = conn
        self.table = table
        with conn.cursor() as cur:
            cur.execute(f"DROP TABLE IF EXISTS {table}")
            cur.execute(f"CREATE TABLE {table} (id int PRIMARY KEY, tsv tsvector)")
            with cur.copy(f"COPY {table} (id, tsv) FROM STDIN") as copy:
                for i, doc in enumerate(docs):
                    # Literal lexemes: a quoted tsvector input keeps jieba's segmentation.
                    lexemes = " ".join(
                        "'" + w.replace("\\", "").replace("'", "''") + "'"
                        for w in plain_tokens(doc)
                    )
                    copy.write_row((i, lexemes))
            cur.execute(f"CREATE INDEX ON {table} USING gin (tsv)")
            cur.execute(f"ANALYZE {table}")
        conn.commit()

    def top(self, text: str, k: int) -> list[int]:
        q = tsquery(text)
        if not q:
            return []
        with self.conn.cursor() as cur:
            cur.execute(
                f"SELECT id FROM {self.table}, to_tsquery('simple', %s) q "  # noqa: S608 - table name is ours
                "WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id LIMIT %s",
                (q, k),
            )
            return [row[0] for row in cur.fetchall()]


def _cosine_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ m)


def _top(scores: np.ndarray, k: int) -> list[int]:
    order = np.argsort(-scores, kind="stable")[:k]
    return [int(i) for i in order if scores[i] > 0]


_EN_STOP = frozenset(
    words(
        "a an and are as at be but by for from has have in into is it its of on or that the their "
        "this to was were which with we our us can also these those such than then there via "
        "using based"
    )
)
_stemmer = Stemmer.Stemmer("english")


def bm25_tokens(text: str) -> list[str]:
    """jieba tokens, case-folded, English stop words dropped, Latin words stemmed."""
    out = []
    for w in plain_tokens(text):
        if w.isascii():
            if w in _EN_STOP or len(w) < 2:
                continue
            w = _stemmer.stemWord(w)
        out.append(w)
    return out


class Bm25:
    """Okapi BM25 with Lucene's idf; query terms weighted by their count in the query."""

    def __init__(self, docs: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.vocab: dict[str, int] = {}
        rows, cols = [], []
        for r, doc in enumerate(docs):
            for term in bm25_tokens(doc):
                rows.append(r)
                cols.append(self.vocab.setdefault(term, len(self.vocab)))
        n = len(docs)
        self.tf = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(self.vocab)))
        self.tf.sum_duplicates()
        df = np.bincount(self.tf.indices, minlength=len(self.vocab))
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5))
        self.dl = np.asarray(self.tf.sum(axis=1)).ravel()
        self._cache: dict[str, Counter] = {}
        self.set_params(k1, b)

    def set_params(self, k1: float, b: float) -> None:
        self.k1, self.b = k1, b
        avgdl = self.dl.mean() if len(self.dl) else 1.0
        norm = k1 * (1 - b + b * self.dl / avgdl)
        tf = self.tf.copy()
        row_norm = np.repeat(norm, np.diff(tf.indptr))
        tf.data = tf.data * (k1 + 1) / (tf.data + row_norm)
        self.by_term = tf.T.tocsr()

    def top(self, text: str, k: int) -> list[int]:
        counts = self._cache.get(text)
        if counts is None:
            counts = self._cache[text] = Counter(t for t in bm25_tokens(text) if t in self.vocab)
        if not counts:
            return []
        ids = [self.vocab[t] for t in counts]
        w = np.asarray([counts[t] for t in counts]) * self.idf[ids]
        scores = np.asarray(self.by_term[ids].T @ w).ravel()
        return _top(scores, k)


K1_GRID = (0.5, 0.9, 1.2, 1.6, 2.0)
B_GRID = (0.3, 0.5, 0.75, 0.9, 1.0)


def tuned_bm25(docs: Sequence[str], judge: Callable[[Bm25], float]) -> Bm25:
    """Return BM25 over ``docs`` with the (k1, b) of the grid that ``judge`` rates best."""
    bm25 = Bm25(docs)
    best = max(
        ((k1, b) for k1 in K1_GRID for b in B_GRID),
        key=lambda p: (bm25.set_params(*p), judge(bm25))[1],
    )
    bm25.set_params(*best)
    return bm25


class CharNgramTfidf:
    """Cosine of (1 + log tf) × smoothed-idf vectors of character n-grams (no segmentation)."""

    def __init__(self, docs: Sequence[str], ngrams: tuple[int, ...] = (1, 2)) -> None:
        self.ngrams = ngrams
        self.vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for r, doc in enumerate(docs):
            for gram, count in self._grams(doc).items():
                rows.append(r)
                cols.append(self.vocab.setdefault(gram, len(self.vocab)))
                vals.append(1.0 + math.log(count))
        m = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.vocab)))
        df = np.bincount(m.indices, minlength=len(self.vocab))
        self.idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
        self.matrix = _cosine_rows(sp.csr_matrix(m @ sp.diags(self.idf)))

    def _grams(self, text: str) -> Counter:
        # Runs of letters, digits and CJK characters; n-grams never cross punctuation or space.
        norm = unicodedata.normalize("NFKC", text).casefold()
        grams: Counter = Counter()
        for run in re.findall(r"\w+", norm):
            for n in self.ngrams:
                grams.update(run[i : i + n] for i in range(len(run) - n + 1))
        return grams

    def top(self, text: str, k: int) -> list[int]:
        grams = {g: c for g, c in self._grams(text).items() if g in self.vocab}
        if not grams:
            return []
        ids = [self.vocab[g] for g in grams]
        q = np.asarray([1.0 + math.log(c) for c in grams.values()]) * self.idf[ids]
        scores = np.asarray(self.matrix[:, ids] @ (q / np.linalg.norm(q))).ravel()
        return _top(scores, k)


NGRAM_CHOICES = ((1,), (1, 2), (2, 3), (1, 2, 3))


def tuned_char_tfidf(docs: Sequence[str], judge: Callable[[CharNgramTfidf], float]):
    """Return the character n-gram TF-IDF over ``docs`` whose n-gram lengths ``judge`` rates
    best."""
    return max((CharNgramTfidf(docs, ngrams) for ngrams in NGRAM_CHOICES), key=judge)
