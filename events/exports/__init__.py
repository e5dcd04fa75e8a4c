"""Exports of every list (CSV and .xlsx) and of an event's whole workbook; large ones run
as background jobs. See ``datasets`` (what), ``request`` (which rows, into which file),
``writers`` (how) and ``jobs`` (the background side); starting and logging an export is
``events.services.exports``."""

from .columns import Dataset
from .datasets import DATASETS
from .request import ASYNC_THRESHOLD, WORKBOOK, ExportRequest, directory_params, write_export

__all__ = [
    "ASYNC_THRESHOLD",
    "DATASETS",
    "WORKBOOK",
    "Dataset",
    "ExportRequest",
    "directory_params",
    "write_export",
]
