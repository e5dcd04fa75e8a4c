"""Match suggestions (智能推荐): how profiles and postings meet the matching engine.

Three kinds of list, each a *target* with its *candidates*:

* a demand (``challenges``) → experts who could solve it;
* a project (``projects``) → mentees (founders) who could take it up;
* a mentee (``mentees``) → experts who could mentor them ("mentors for you").

"Challenges for you" and "projects for you" read the same rows from the candidate's side:
scores are comparable across targets, so sorting a candidate's rows by score is meaningful.

The feature across the layers: ``inputs`` turns rows into engine objects and ranks,
``reasons`` explains a suggestion, ``projects.queries.suggestions`` reads the stored lists,
``projects.services.recompute`` writes them (one target, a changed profile, chunked full runs),
and ``projects.services.suggestions`` holds what users do (feedback, invitations, starting a
full recompute).
"""

import hashlib

from projects.matching import MatchConfig

CHALLENGES, PROJECTS, MENTEES, MENTORS = "challenges", "projects", "mentees", "mentors"
TARGET_KINDS = (CHALLENGES, PROJECTS, MENTEES)
# How many candidates a target's list keeps.
TOP_K = 20
# Changes the moment the engine's weights do, so stored rows say what produced them.
ENGINE_VERSION = (
    "bm25-" + hashlib.sha1(repr(MatchConfig()).encode(), usedforsecurity=False).hexdigest()[:10]
)

# The column of MatchSuggestion that holds each target kind, and its candidate column.
TARGET_FIELD = {CHALLENGES: "challenge", PROJECTS: "project", MENTEES: "for_mentee"}
CANDIDATE_FIELD = {CHALLENGES: "mentor", PROJECTS: "mentee", MENTEES: "mentor"}


def candidates_of(kind: str) -> str:
    """Who is ranked for a target kind: mentees for projects, experts otherwise."""
    return MENTEES if kind == PROJECTS else MENTORS


class SuggestionError(Exception):
    """An action on a suggestion that its state does not allow (e.g. no account to invite)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message
