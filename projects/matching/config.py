"""Weights and switches of the matching engine, with their documented defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchConfig:
    """Every tunable of ``MatchEngine`` in one place; the defaults are the shipped behaviour.

    Text relevance is Okapi BM25 over words and taxonomy concept tokens:

    * ``k1`` (1.2) and ``b`` (0.75) are the textbook BM25 values; they were not tuned to the
      benchmark set, so they carry over to real profiles.
    * ``concept_weight`` (1.0): query weight of a taxonomy concept token relative to a plain
      word.  A concept and its surface word usually both match, so 1.0 already doubles the
      weight of a recognised field term over an ordinary word.
    * ``ngram_weight`` (0.5): query weight of a Chinese character n-gram (unknown compounds,
      pieces of long words, see ``text.py``) relative to a word; word and n-gram matches are
      fused in one BM25 sum.  N-grams have their own length normalisation (a document's
      n-gram count against the average), so a Chinese profile is not made "longer" than an
      English one by its n-grams.  Chosen on the field set of ``bench/match_quality.py``
      (0.25–1.0 tried); the abstract sets, not tuned on, agree within ±0.01 NDCG.

    The final score of an (item, expert) pair is a weighted mean of signals, each in [0, 1]:

    ====================  =======  ====================================================
    signal                weight   value
    ====================  =======  ====================================================
    text                  1.00     BM25 / the item's maximum attainable BM25
    semantic              0.50     cosine in the latent space (``semantic.py``), ≥ 0
    tags                  0.15     share of the item's tags the expert also carries
    region                0.03     1 if the expert works in the item's region
    hometown              0.05     1 if the expert's hometown is the item's region (老乡)
    language              0.02     1 if the expert speaks a language the item is written in
    ====================  =======  ====================================================

    The mean is over the signals the item can fire (an item without tags does not divide by
    the tag weight), so every item's best attainable score is 1.0 and scores are comparable
    across items.  Text dominates on purpose: the semantic and structured signals reorder
    experts of similar relevance, and they only count for a pair that has text or tag
    relevance at all.  The semantic weight (0.3–1.0 tried on the field set, flat from 0.5)
    lifts NDCG@10 on every set of the quality bench, most on the abstract sets it was not
    chosen on (+0.10 English, +0.10 Chinese); its cosine is centred on the corpus mean, so
    unrelated profiles sit near 0 whatever the corpus.  Dividing by the attainable maximum
    (rather than by each item's best candidate, or z-scores per item) ranks postings for an
    expert best on the field set and keeps scores absolute, which the labels need.
    """

    k1: float = 1.2
    b: float = 0.75
    concept_weight: float = 1.0
    ngram_weight: float = 0.5
    # Latent-semantic signal (``semantic.py``): weight in the mean (0 switches the layer off),
    # the most SVD dimensions (a small index gets fewer: 2·√experts, at least 16), and how
    # many experts the SVD is fitted on.
    semantic_weight: float = 0.5
    semantic_dims: int = 128
    semantic_sample: int = 20_000

    text_weight: float = 1.0
    tag_weight: float = 0.15
    region_weight: float = 0.03
    hometown_weight: float = 0.05
    hometown_bonus: bool = True
    language_weight: float = 0.02

    # An expert with no capacity left is not suggested (True), or kept with their score
    # multiplied by ``full_penalty`` (False) for screens that list everyone.
    exclude_full: bool = True
    full_penalty: float = 0.1

    # How many matched words and concepts a reason lists.
    reason_terms: int = 5
    # A word or concept is a reason only if it is informative: in at most this share of the
    # indexed experts (an IDF threshold), or in at most ``reason_min_df`` of them in a small
    # index, where shares are too coarse to tell.  Stop words and generic words never are.
    reason_max_df: float = 0.2
    reason_min_df: int = 3

    # Labels (``labels.score_label``): the least score of a strong, good and possible match.
    label_strong: float = 0.3
    label_good: float = 0.2
    label_possible: float = 0.12
    # The pairing plan's default minimum score: a pair must be at least a possible match.
    plan_min_score: float = 0.12
