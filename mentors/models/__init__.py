"""People and organisations: experts (师傅), mentees (徒弟), organisations, the field taxonomy,
mentor–mentee pairings (师徒结对), the offices that hold people and the invitations to claim
a profile. This app imports nothing from projects/ or events/; every model is importable
from here."""

# The hometown programme's feature package keeps its models beside its other layers.
from mentors.hometown.models import Appointment, ContactLog, RosterEntry

from .holdings import HELD, Holding, exactly_one
from .invitations import ClaimStatus, ProfileInvitation
from .pairings import Pairing
from .profiles import (
    BilingualName,
    ContactDetails,
    Honour,
    IndustryChain,
    Mentee,
    Mentor,
    Organization,
    Region,
)
from .studios import Studio, TrainingSession

__all__ = [
    "HELD",
    "Appointment",
    "BilingualName",
    "ClaimStatus",
    "ContactDetails",
    "ContactLog",
    "Holding",
    "Honour",
    "IndustryChain",
    "Mentee",
    "Mentor",
    "Organization",
    "Pairing",
    "ProfileInvitation",
    "Region",
    "RosterEntry",
    "Studio",
    "TrainingSession",
    "exactly_one",
]
