"""Events (大会 / 活动): the call, agenda, registration with capacity, check-in and the
pairing ceremony (对接仪式) whose state is derived from a log of recorded steps. One module
per feature; every model is importable from ``events.models``."""

from events.contests.models import (
    AssignmentRule,
    Award,
    Conflict,
    Contest,
    Criterion,
    EligibilityQuestion,
    Entry,
    JudgeAssignment,
    Round,
    Score,
    Track,
)

# The matchmaking days' feature package keeps its models beside its other layers.
from events.meetings.models import (
    Meeting,
    MeetingFollowUp,
    MeetingProfile,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    Unavailability,
)

from .agenda import Session
from .ceremony import Ceremony, CeremonyPair, CeremonyStep
from .checkin import CheckInScan
from .event import Event
from .experts import ExpertInvitation
from .exports import ExportJob, ExportLog, new_job_token
from .plan import PlanConstraint
from .postings import EventPosting
from .registration import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Answer,
    AttendeeCategory,
    Question,
    Registration,
    new_registration_code,
)
from .signings import Signing
from .talent_map import TalentCount
from .team import EventMember, EventRole, TeamInvitation

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "Answer",
    "AssignmentRule",
    "AttendeeCategory",
    "Award",
    "Ceremony",
    "CeremonyPair",
    "CeremonyStep",
    "CheckInScan",
    "Conflict",
    "Contest",
    "Criterion",
    "EligibilityQuestion",
    "Entry",
    "Event",
    "EventMember",
    "EventPosting",
    "EventRole",
    "ExpertInvitation",
    "ExportJob",
    "ExportLog",
    "JudgeAssignment",
    "Meeting",
    "MeetingFollowUp",
    "MeetingProfile",
    "MeetingRequest",
    "MeetingSlot",
    "MeetingTable",
    "PlanConstraint",
    "Question",
    "Registration",
    "Round",
    "Score",
    "Session",
    "Signing",
    "TalentCount",
    "TeamInvitation",
    "Track",
    "Unavailability",
    "new_job_token",
    "new_registration_code",
]
