""" "For you": open postings ranked for one expert (demands) or mentee (projects), and the
mentee's mentors, as that person may see them.

Postings are ranked live with the engine's ``rank_items``, so each shows the score and the
reasons it has in the posting's own list. Left out: postings that no longer take claims, the
person's own (a conflict of interest), postings they already claimed (pending, won, declined
or withdrawn), those they marked "not relevant", and weak matches. Postings sharing a field
with one they marked relevant move up by ``LIKED_BOOST``; the label keeps the engine's score.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from mentors.models import Mentee, Mentor
from projects.matching import score_label
from projects.matching.labels import WEAK
from projects.models import Challenge, Project
from projects.queries.suggestions import (
    claimed_posting_ids,
    feedback_of,
    liked_field_ids,
    mentors_for_mentee,
    open_postings,
    posting_verdicts,
)
from talentbridge.models import User

from . import CHALLENGES, MENTEES, MENTORS, PROJECTS, SHOWN_MIN_SCORE, TOP_K
from .inputs import candidate_engine, posting_item, rank_postings, score_candidate
from .reasons import explain_all

# How far a posting sharing a field with one marked relevant moves up: about half the step
# between two labels, so it reorders close matches without lifting a poor one over a good one.
LIKED_BOOST = 0.05
# The reason that says why a posting moved up.
LIKED_REASON = "liked:"


@dataclass
class SuggestedPosting:
    """A posting suggested to a person, with the engine's score and reasons."""

    posting: Challenge | Project
    score: float
    reasons: list[str] = field(default_factory=list)
    explained: list[tuple[str, str]] = field(default_factory=list)
    boost: float = 0.0
    verdict: bool | None = None

    @property
    def label(self) -> str:
        return score_label(self.score)

    @property
    def pk(self) -> str:
        """Names the suggestion on a page (its feedback form, its verdict)."""
        return f"{self.posting.kind}-{self.posting.pk}"

    @property
    def challenge(self) -> Challenge | None:
        return self.posting if self.posting.kind == CHALLENGES else None

    @property
    def project(self) -> Project | None:
        return self.posting if self.posting.kind == PROJECTS else None

    @property
    def feedback_url(self) -> str:
        return reverse("projects:for_you_feedback", args=[self.posting.kind, self.posting.pk])


def postings_for(
    person: Mentor | Mentee, user: User, *, limit: int = TOP_K
) -> list[SuggestedPosting]:
    """Open demands for an expert, or open projects for a mentee, best first (see module)."""
    kind = CHALLENGES if isinstance(person, Mentor) else PROJECTS
    postings = {posting.pk: posting for posting in open_postings(kind)}
    verdicts = posting_verdicts(user, person, kind)
    hidden = claimed_posting_ids(kind, person) | {pk for pk, ok in verdicts.items() if not ok}
    ranked = rank_postings(
        MENTORS if kind == CHALLENGES else MENTEES,
        person.pk,
        list(postings.values()),
        k=len(postings),
        exclude={(str(person.pk), str(pk)) for pk in hidden},
    )
    liked = liked_field_ids(user, person, kind)
    shown = []
    for ranked_posting in ranked:
        if score_label(ranked_posting.score) == WEAK:
            continue
        posting = postings[int(ranked_posting.item_id)]
        entry = SuggestedPosting(
            posting,
            ranked_posting.score,
            list(ranked_posting.reasons),
            verdict=verdicts.get(posting.pk),
        )
        if liked & {f.pk for f in posting.fields.all()}:
            entry.boost = LIKED_BOOST
            entry.reasons.append(LIKED_REASON)
        shown.append(entry)
    shown.sort(key=lambda s: (-(s.score + s.boost), s.posting.pk))
    return shown[:limit]


def posting_score(person: Mentor | Mentee, posting: Challenge | Project) -> float:
    """The person's score for one posting, as its list and "for you" give it."""
    engine = candidate_engine(MENTORS if isinstance(person, Mentor) else MENTEES)
    return score_candidate(engine, posting_item(posting), str(person.pk))


def for_you(user: User) -> dict:
    """What the "for you" page lists for ``user``: ``challenges`` for an expert, ``mentors``
    and ``projects`` for a mentee, each explained in the active language, and the user's
    ``feedback`` on them."""
    mentor = getattr(user, "mentor_profile", None)
    mentee = getattr(user, "mentee_profile", None)
    lists: dict[str, list] = {}
    if mentor is not None:
        lists["challenges"] = postings_for(mentor, user)
    if mentee is not None:
        lists["mentors"] = mentors_for_mentee(mentee, min_score=SHOWN_MIN_SCORE)
        lists["projects"] = postings_for(mentee, user)
    explain_all(entry for shown in lists.values() for entry in shown)
    feedback = feedback_of(user, lists.get("mentors", []))
    feedback |= {
        entry.pk: entry.verdict
        for kind in ("challenges", "projects")
        for entry in lists.get(kind, [])
        if entry.verdict is not None
    }
    return {"mentor": mentor, "mentee": mentee, "feedback": feedback, **lists}
