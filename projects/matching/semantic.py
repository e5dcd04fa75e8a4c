"""A latent-semantic layer (LSA) fitted on the indexed experts: truncated SVD of TF-IDF rows.

Two texts about one field often share few exact words (a 水文 profile and a 防洪 demand); in
the SVD's few hundred dimensions, words that occur with the same neighbours point the same
way, so such a pair still comes out close.  The engine uses the cosine as one more signal of
its weighted mean, only for pairs that already share a word or tag, so the layer reorders
candidates and never invents one without a reason to show.

The SVD is a randomized range finder (Halko, Martinsson & Tropp 2011) with a fixed seed, fitted
on at most ``sample`` experts so a city-sized index stays within its build budget; every
expert is then projected.  Terms in fewer than two sampled experts are left out: they cannot
co-occur with anything.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def _normalise_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1.0
    return m / norms[:, None]


class Semantic:
    """Expert vectors in a low-rank space, and the projection of a query into it."""

    def __init__(self, by_doc: sp.csr_matrix, idf: np.ndarray, dims: int, sample: int) -> None:
        n, n_terms = by_doc.shape
        rng = np.random.default_rng(20240601)
        rows = np.sort(rng.choice(n, size=min(n, sample), replace=False)) if n else np.arange(0)
        fit = sp.csr_matrix(by_doc[rows] @ sp.diags(idf.astype(np.float32)))
        df = np.bincount(fit.indices, minlength=n_terms)
        keep = np.flatnonzero(df >= 2)
        self.dims = 0
        self.mean = np.zeros(0, dtype=np.float32)
        self.term_vectors = np.zeros((n_terms, 0), dtype=np.float32)
        self.expert_vectors = np.zeros((n, 0), dtype=np.float32)
        rank = min(dims, len(keep) - 1, len(rows) - 1)
        if rank < 8:  # a handful of profiles has no latent structure worth learning
            return
        x = _row_normalised(fit[:, keep])
        v = _randomized_svd(x, rank, rng)  # kept terms × rank (fewer if x has lower rank)
        rank = v.shape[1]
        if rank < 8:
            return
        self.dims = rank
        self.term_vectors = np.zeros((n_terms, rank), dtype=np.float32)
        self.term_vectors[keep] = v
        full = _row_normalised(sp.csr_matrix(by_doc @ sp.diags(idf.astype(np.float32))))
        projected = np.asarray(full @ self.term_vectors, dtype=np.float32)
        # Centred: the mean direction is what every text shares (the language of research
        # itself), so two unrelated profiles come out near 0 whatever the corpus.
        self.mean = projected.mean(axis=0)
        self.expert_vectors = _normalise_rows(projected - self.mean)

    @property
    def fitted(self) -> bool:
        """Whether the index was large enough to fit the layer (else it adds nothing)."""
        return self.dims > 0

    def query(self, term_ids: np.ndarray, weights: np.ndarray) -> np.ndarray | None:
        """The unit query vector of weighted terms, or None if none of them is in the space."""
        if not self.dims or not len(term_ids):
            return None
        vec = (weights / np.linalg.norm(weights)).astype(np.float32) @ self.term_vectors[term_ids]
        vec -= self.mean
        norm = float(np.linalg.norm(vec))
        # float32 throughout: a float64 vector would make every product cast 200k rows.
        return (vec / np.float32(norm)).astype(np.float32) if norm > 0 else None

    def similarity(self, vec: np.ndarray) -> np.ndarray:
        """Cosine of every expert with a unit query vector, clipped at 0."""
        # einsum's own loop, not BLAS: some OpenBLAS kernels (OPENBLAS_CORETYPE pinned on old
        # builds) run this matrix-vector product twenty times slower.
        sim = np.einsum("ij,j->i", self.expert_vectors, vec)
        np.maximum(sim, 0.0, out=sim)
        return sim


def _row_normalised(m: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ m)


def _orthonormal(y: np.ndarray) -> np.ndarray:
    """An orthonormal basis of the columns of ``y`` by Cholesky-QR, done twice for accuracy.

    Two matrix products and a tiny eigendecomposition instead of a Householder QR: on a
    shared machine a multi-threaded BLAS stalls on the QR's many small steps (twenty times
    slower here when the other core is busy), while one large product per pass does not.
    """
    for _ in range(2):
        gram = (y.T @ y).astype(np.float64)
        w, v = np.linalg.eigh(gram)
        keep = w > w.max() * 1e-10
        y = y @ (v[:, keep] / np.sqrt(w[keep])).astype(np.float32)
    return y


def _randomized_svd(x: sp.csr_matrix, rank: int, rng: np.random.Generator) -> np.ndarray:
    """The top ``rank`` right singular vectors of ``x`` (terms × rank), float32."""
    over = min(rank + 10, min(x.shape))
    q = _orthonormal(x @ rng.standard_normal((x.shape[1], over)).astype(np.float32))
    for _ in range(2):  # power iterations sharpen the spectrum of text matrices
        q = _orthonormal(x @ _orthonormal(np.asarray(x.T @ q)))
    small = np.asarray(x.T @ q)  # terms × over: x ≈ q · smallᵀ
    # Right singular vectors of smallᵀ from the eigenvectors of its small Gram matrix.
    w, u = np.linalg.eigh((small.T @ small).astype(np.float64))
    top = np.argsort(w)[::-1][:rank]
    sigma = np.sqrt(np.maximum(w[top], 1e-12))
    return (small @ (u[:, top] / sigma).astype(np.float32)).astype(np.float32)
