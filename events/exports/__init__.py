"""Exports of every list (CSV and .xlsx) and of an event's whole workbook; large ones run
as background jobs. See ``datasets`` (what), ``writers`` (how) and ``jobs`` (when)."""

from .datasets import DATASETS, Dataset
from .jobs import (
    ASYNC_THRESHOLD,
    WORKBOOK,
    ExportRequest,
    log_export,
    purge_expired_exports,
    run_export_job,
    start_export_job,
    write_export,
)

__all__ = [
    "ASYNC_THRESHOLD",
    "DATASETS",
    "WORKBOOK",
    "Dataset",
    "ExportRequest",
    "log_export",
    "purge_expired_exports",
    "run_export_job",
    "start_export_job",
    "write_export",
]
