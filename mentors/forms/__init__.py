"""Forms of the people app, by feature; every name other code uses is importable from here."""

from .directory import (
    LANGUAGE_CHOICES,
    HometownFilterForm,
    MentorFilterForm,
    PeopleFilterForm,
    TagChoiceField,
)
from .imports import IMPORT_KINDS, CommitImportForm, UploadForm
from .invitations import ClaimProfileForm, HeldExpertsFilterForm, InviteExpertsForm
from .pairings import ProposePairingForm
from .profiles import MenteeForm, MentorForm, OrganizationForm
from .taxonomy import HonourForm, IndustryChainForm, TaxonomyEntryForm

__all__ = [
    "IMPORT_KINDS",
    "LANGUAGE_CHOICES",
    "ClaimProfileForm",
    "CommitImportForm",
    "HeldExpertsFilterForm",
    "HometownFilterForm",
    "HonourForm",
    "IndustryChainForm",
    "InviteExpertsForm",
    "MenteeForm",
    "MentorFilterForm",
    "MentorForm",
    "OrganizationForm",
    "PeopleFilterForm",
    "ProposePairingForm",
    "TagChoiceField",
    "TaxonomyEntryForm",
    "UploadForm",
]
