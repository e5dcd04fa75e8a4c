"""What the engine takes and gives: experts, items, and suggestions in both directions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .labels import score_label


@dataclass(frozen=True)
class Expert:
    """A person who can be matched: free texts, field tags, places, languages, capacity left.

    ``people`` and ``organizations`` say who the candidate is, for conflicts of interest: an
    expert is never suggested for an item that shares one of its ``people`` keys (the poster
    themself) or one of its organisations (a colleague of the poster).  People keys are opaque
    strings compared exactly (e.g. ``"user:12"``); organisations may be names or keys and are
    compared through ``organization_key`` (legal-form suffixes removed, case-folded), so
    "四创科技有限公司" and "四创科技" are one organisation.
    """

    id: str
    texts: Sequence[str]
    tags: Sequence[str] = ()
    region: str = ""
    hometown: str = ""
    languages: Sequence[str] = ()
    capacity: int = 1
    people: Sequence[str] = ()
    organizations: Sequence[str] = ()


@dataclass(frozen=True)
class Item:
    """A thing to match experts to: a challenge, a project, a founder's need.

    ``people`` are the poster and anyone named on the posting, ``organizations`` the posting
    organisation (and its parent, if the caller wants it counted): experts sharing either are
    in conflict with the item (see ``Expert``).
    """

    id: str
    text: str
    tags: Sequence[str] = ()
    region: str = ""
    people: Sequence[str] = ()
    organizations: Sequence[str] = ()


@dataclass(frozen=True)
class Suggestion:
    """One ranked expert for an item, with a score in [0, 1] and readable reasons."""

    expert_id: str
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The readable strength of the match: ``strong``, ``good``, ``possible`` or ``weak``."""
        return score_label(self.score)


@dataclass(frozen=True)
class ItemSuggestion:
    """One ranked item for an expert ("challenges for you"): same score and reasons as the
    ``Suggestion`` of that expert in ``rank(item)``."""

    item_id: str
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The readable strength of the match: ``strong``, ``good``, ``possible`` or ``weak``."""
        return score_label(self.score)
