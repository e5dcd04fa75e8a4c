"""Commissioners' work: dispatches, service records and their files, demand drafts, firms'
requests, whistle requests and each office's deadlines, by feature. A commissioner is a user
with the commissioner role in the office and an expert profile; a firm is an ``Organization``
whose representatives are its ``members``."""

from .demands import DemandDraft
from .dispatches import CommissionerRequest, Dispatch
from .records import MAX_DURATION_MINUTES, RecordFile, ServiceRecord, record_file_upload_to
from .whistles import WhistlePolicy, WhistleRequest

__all__ = [
    "MAX_DURATION_MINUTES",
    "CommissionerRequest",
    "DemandDraft",
    "Dispatch",
    "RecordFile",
    "ServiceRecord",
    "WhistlePolicy",
    "WhistleRequest",
    "record_file_upload_to",
]
