"""Events (大会 / 活动): the call, agenda, registration with capacity, check-in and the
pairing ceremony (对接仪式) whose state is derived from a log of recorded steps. One module
per feature; every model is importable from ``events.models``."""

from .agenda import Session
from .ceremony import Ceremony, CeremonyPair, CeremonyStep
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
from .talent_map import TalentCount
from .team import EventMember, EventRole, TeamInvitation

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "Answer",
    "AttendeeCategory",
    "Ceremony",
    "CeremonyPair",
    "CeremonyStep",
    "Event",
    "EventMember",
    "EventPosting",
    "EventRole",
    "ExpertInvitation",
    "ExportJob",
    "ExportLog",
    "PlanConstraint",
    "Question",
    "Registration",
    "Session",
    "TalentCount",
    "TeamInvitation",
    "new_job_token",
    "new_registration_code",
]
