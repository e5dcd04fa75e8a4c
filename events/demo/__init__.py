"""Demo data of events: the Fuzhou summit of the seed report (``summit``) and its cast of
office managers and event staff (``cast``)."""

from .cast import cast_accounts
from .summit import CEREMONY_PAIRS, SUMMIT_DAY, TITLE, seed

__all__ = ["CEREMONY_PAIRS", "SUMMIT_DAY", "TITLE", "cast_accounts", "seed"]
