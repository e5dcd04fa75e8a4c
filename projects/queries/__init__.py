"""Reusable read querysets of the boards, by feature: ``postings`` (the boards, a user's
postings, the review queue), ``claims`` and ``suggestions``."""
