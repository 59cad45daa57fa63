"""Datum som organisatörer skriver dem (11/11/2025, 11 november 2025), omskrivna till arkivets form ÅÅÅÅ-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

from arkiv.text import MONTHS

_NUMERIC = re.compile(r"^(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})$")
_WORDS = re.compile(r"^(?:(\d{1,2})(?:e|:e)?\s+)?([a-zåäö]+)\.?\s+(\d{4})$")
_MONTH_ONLY = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$")


# The month a Swedish month name or its first three letters names (1-12), or None.
def _month(word: str) -> int | None:
    for i, name in enumerate(MONTHS, 1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return i
    return None


# (year, month, day|None) read from what was written, before checking that the day exists; None if unreadable.
def _parts(written: str) -> tuple[int, int, int | None] | None:
    text = written.strip().lower()
    if m := _NUMERIC.match(text):
        a, b, c = m.groups()
        if len(a) == 4:
            return int(a), int(b), int(c)
        if len(c) == 4:  # 11/11/2025, 11.11.2025: day first, as Swedes write it
            return int(c), int(b), int(a)
        return None
    if m := _MONTH_ONLY.match(text):
        return int(m.group(1)), int(m.group(2)), None
    if (m := _WORDS.match(text)) and (month := _month(m.group(2))):
        return int(m.group(3)), month, int(m.group(1)) if m.group(1) else None
    return None


# The archive's form of a date written another way ("11/11/2025" -> "2025-11-11"); ValueError (in Swedish) if the
# text is no date or the day does not exist.
def to_archive_date(written: str) -> str:
    text = written.strip()
    if re.fullmatch(r"\d{4}", text):
        return text
    parts = _parts(text)
    if parts is None:
        raise ValueError(f"{text} går inte att läsa som ett datum")
    year, month, day = parts
    if not 1 <= month <= 12:
        raise ValueError(f"månaden {month} finns inte")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"dagen {day} finns inte i {MONTHS[month - 1]} {year}") from None
    return f"{year:04d}-{month:02d}-{day:02d}"


# An example for a hint, made from what was written when it can be read, else from the year it names (or 2023).
def example_for(written: str) -> str:
    try:
        return to_archive_date(written)
    except ValueError:
        year = re.search(r"(19|20)\d\d", written)
        return f"{year.group(0) if year else '2023'}-11-21"
