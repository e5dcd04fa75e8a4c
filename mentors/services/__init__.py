"""State transitions of people, organisations, pairings, imports and the controlled lists:
the only code that writes to mentors/ models, each transition with its audit entry.

One module per feature; the names other apps call are re-exported here.
"""

from .imports import ImportRejected, import_spreadsheet, preview_import
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
    "PairingError",
    "TaxonomyInUse",
    "accept_pairing",
    "activate_pairing",
    "add_taxonomy_entry",
    "celebrate_pairing",
    "conclude_pairing",
    "decline_pairing",
    "delete_taxonomy_entry",
    "dissolve_pairing",
    "edit_taxonomy_entry",
    "import_spreadsheet",
    "preview_import",
    "propose_pairing",
    "refresh_mentor_search",
    "save_mentee",
    "save_mentor",
    "save_organization",
    "uncelebrate_pairing",
]
