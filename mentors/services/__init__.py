"""State transitions of people, organisations, pairings, imports, the controlled lists, the
offices that hold people and the invitations to claim a profile: the only code that writes to
mentors/ models, each transition with its audit entry.

One module per feature; the names other apps call are re-exported here.
"""

from .holdings import hold_people, hold_person
from .imports import ImportRejected, import_spreadsheet, preview_import
from .invitation_mail import invitation_path, invitation_url
from .invitations import (
    InvitationError,
    InvitationRound,
    claim_profile,
    invitation_for_token,
    invite_experts,
    invite_to_claim_profile,
    open_profile_invitation,
)
from .pairings import (
    CapacityFull,
    PairingError,
    accept_pairing,
    activate_pairing,
    celebrate_pairing,
    conclude_pairing,
    decline_pairing,
    dissolve_pairing,
    propose_pairing,
    uncelebrate_pairing,
)
from .profiles import refresh_mentor_search, save_mentee, save_mentor, save_organization
from .taxonomy import (
    TaxonomyInUse,
    add_taxonomy_entry,
    delete_taxonomy_entry,
    edit_taxonomy_entry,
)

__all__ = [
    "CapacityFull",
    "ImportRejected",
    "InvitationError",
    "InvitationRound",
    "PairingError",
    "TaxonomyInUse",
    "accept_pairing",
    "activate_pairing",
    "add_taxonomy_entry",
    "celebrate_pairing",
    "claim_profile",
    "conclude_pairing",
    "decline_pairing",
    "delete_taxonomy_entry",
    "dissolve_pairing",
    "edit_taxonomy_entry",
    "hold_people",
    "hold_person",
    "import_spreadsheet",
    "invitation_for_token",
    "invitation_path",
    "invitation_url",
    "invite_experts",
    "invite_to_claim_profile",
    "open_profile_invitation",
    "preview_import",
    "propose_pairing",
    "refresh_mentor_search",
    "save_mentee",
    "save_mentor",
    "save_organization",
    "uncelebrate_pairing",
]
