"""One way to read ids, integers and dates from untrusted input (query strings, cells, forms).

Every helper returns None (or drops the value) instead of raising on input that is empty,
non-numeric, non-ASCII digits (``²``), negative or beyond what the database stores.
"""

import re
from datetime import date, datetime

MAX_ID = 2**63 - 1
MAX_INT = 2**31 - 1
MIN_YEAR = 1900
MAX_YEAR = 2100
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value) -> int | None:
    """A primary key from text: ASCII digits, 1 … 2⁶³-1; otherwise None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value <= MAX_ID else None
    text = str(value or "").strip()
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_ids(values) -> list[int]:
    """The valid ids among ``values``, in order, without repeats."""
    seen: dict[int, None] = {}
    for value in values:
        number = parse_id(value)
        if number is not None:
            seen.setdefault(number, None)
    return list(seen)


def parse_int(value, *, minimum: int = -MAX_INT, maximum: int = MAX_INT) -> int | None:
    """An integer within ``minimum`` … ``maximum`` from text such as ``"12"`` or ``"12.0"``."""
    text = str(value if value is not None else "").strip()
    if re.fullmatch(r"-?[0-9]{1,12}(\.0+)?", text) is None:
        return None
    number = int(text.split(".")[0])
    return number if minimum <= number <= maximum else None


def is_sane_date(value: date | datetime | None) -> bool:
    """Whether a date lies in the years the portal deals with (1900–2100)."""
    return value is None or MIN_YEAR <= value.year <= MAX_YEAR
