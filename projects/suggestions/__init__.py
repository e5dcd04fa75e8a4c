"""Match suggestions (智能推荐): how profiles and postings meet the matching engine.

Three kinds of list, each a *target* with its *candidates*:

* a demand (``challenges``) → experts who could solve it;
* a project (``projects``) → mentees (founders) who could take it up;
* a mentee (``mentees``) → experts who could mentor them ("mentors for you").

"Challenges for you" and "projects for you" rank the open postings for one person with the
engine's ``rank_items`` (``for_you``): scores are comparable across postings, and a posting
shows the score and reasons it has in its own list.

People see a readable label (strong, good, possible), never a percentage, and no weak
suggestion; the organizers running a posting see its scores and its weak candidates too.

The feature across the layers: ``inputs`` turns rows into engine objects and ranks,
``reasons`` explains a suggestion, ``for_you`` lists postings for a person,
``projects.queries.suggestions`` reads the stored lists, ``projects.services.recompute``
writes them (one target, a changed profile, chunked full runs), and
``projects.services.suggestions`` holds what users do (feedback, invitations, starting a
full recompute).
"""

import hashlib

from projects.matching import MatchConfig

CHALLENGES, PROJECTS, MENTEES, MENTORS = "challenges", "projects", "mentees", "mentors"
TARGET_KINDS = (CHALLENGES, PROJECTS, MENTEES)
# How many candidates a target's list keeps.
TOP_K = 20
# The least score shown to experts, founders and enterprises: a "possible" match.
SHOWN_MIN_SCORE = MatchConfig().label_possible
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
