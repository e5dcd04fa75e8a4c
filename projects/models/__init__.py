"""The boards: projects (成果榜单), challenges (需求榜单, 揭榜挂帅), claims (揭榜), attachments,
landings, the timeline of every posting, match suggestions and their recompute runs.

Imports mentors/ and talentbridge/, never events/. Every model is importable from here.
"""

# The commissioners' feature package keeps its models beside its other layers.
from projects.commissioners.models import (
    CommissionerRequest,
    DemandDraft,
    Dispatch,
    RecordFile,
    ServiceRecord,
    WhistlePolicy,
    WhistleRequest,
)
from projects.firms.models import FirmMatch

from .attachments import Attachment
from .claims import Claim
from .followups import FollowUp
from .history import PostingEvent
from .landings import Landing
from .postings import (
    CLAIMABLE_STATUSES,
    PUBLIC_STATUSES,
    Challenge,
    PostingPart,
    Project,
    Status,
    exactly_one,
)
from .recompute import RECOMPUTE_JOB, RecomputeChunk, RecomputeRun
from .suggestions import MatchSuggestion, SuggestionFeedback

__all__ = [
    "CLAIMABLE_STATUSES",
    "PUBLIC_STATUSES",
    "RECOMPUTE_JOB",
    "Attachment",
    "Challenge",
    "Claim",
    "CommissionerRequest",
    "DemandDraft",
    "Dispatch",
    "FirmMatch",
    "FollowUp",
    "Landing",
    "MatchSuggestion",
    "PostingEvent",
    "PostingPart",
    "Project",
    "RecomputeChunk",
    "RecomputeRun",
    "RecordFile",
    "ServiceRecord",
    "Status",
    "SuggestionFeedback",
    "WhistlePolicy",
    "WhistleRequest",
    "exactly_one",
]
