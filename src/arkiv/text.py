"""Svensk typografi för arkivets sidor: datum, belopp, citattecken och sökvänlig vikning."""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache

NBSP = "\u00a0"
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)


# Parse an archive date ("2023", "2023-10", "2023-11-21") into (year, month|None, day|None); raises ValueError.
def parse_date(value: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else None
    day = parts[2] if len(parts) > 2 else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"månaden {month} finns inte")
    if month is not None and day is not None:  # a day always comes with a month
        dt.date(year, month, day)  # raises ValueError for 2023-02-30
    return year, month, day


# The first and last calendar day an archive date can mean, for ordering and range checks.
def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    year, month, day = parse_date(value)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, 1), dt.date(year, month, last)
    return (dt.date(year, month, day),) * 2


# "2023-11-21" -> "21 november 2023", "2023-10" -> "oktober 2023", "2023" -> "2023".
def format_date(value: str) -> str:
    year, month, day = parse_date(value)
    if month is None:
        return str(year)
    if day is None:
        return f"{MONTHS[month - 1]} {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


# A span of two archive dates in running text: "21–23 november 2023", "augusti–september 2023".
def format_span(start: str, end: str | None) -> str:
    if not end or end == start:
        return format_date(start)
    (y1, m1, d1), (y2, m2, d2) = parse_date(start), parse_date(end)
    if y1 == y2 and d1 is None and d2 is None and m1 and m2:
        return f"{MONTHS[m1 - 1]}–{MONTHS[m2 - 1]} {y1}"
    if y1 == y2 and m1 == m2 and m1 and d1 and d2:
        return f"{d1}–{d2} {MONTHS[m1 - 1]} {y1}"
    return f"{format_date(start)}–{format_date(end)}"


# [2011, 2015, 2019] -> "2011, 2015 och 2019": a list in running text; with word="eller", alternatives.
def join_and(items, word: str = "och") -> str:
    items = [str(i) for i in items]
    return ", ".join(items[:-1]) + f" {word} " + items[-1] if len(items) > 1 else "".join(items)


# How often something recurs, every interval years: 1 -> "varje år", 2 -> "vartannat år", 4 -> "vart 4:e år".
def every_years(interval: int) -> str:
    return {1: "varje år", 2: "vartannat år"}.get(interval, f"vart {interval}:e år")


# The years a name was in force, in a table: (2001, 2015) -> "2001–2015", (2011, 2011) -> "2011",
# (2017, None) -> "2017–".
def year_range(first: int, last: int | None) -> str:
    return str(first) if first == last else f"{first}–{last or ''}"


# The same in running text: (2001, 2015) -> "från 2001 till 2015", (2011, 2011) -> "år 2011",
# (2017, None) -> "sedan 2017".
def during_years(first: int, last: int | None) -> str:
    if last is None:
        return f"sedan {first}"
    return f"år {first}" if first == last else f"från {first} till {last}"


# 2000 -> "2 000", grouped with non-breaking spaces.
def format_number(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


# 50000 -> "50 000 kr" with a non-breaking space between groups and before the unit.
def format_sek(amount: int) -> str:
    return format_number(amount) + NBSP + "kr"


# Strip diacritics so "Värmdö" can be found as "varmdo" (NFD, then drop combining marks). Remembered, like slugs.
@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


# The first sentence of a text, for share previews and meta descriptions.
def first_sentence(text: str) -> str:
    for i, char in enumerate(text):
        if char in ".!?" and (i + 1 == len(text) or text[i + 1] == " ") and i > 20:
            return text[: i + 1]
    return text


SV_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
SV_SAME = {"æ": "ä", "ø": "ö", "ü": "y"}  # letters Swedish sorts as another: Ærø as Ärö, Müller as Myller


# The one sort key for Swedish alphabetical order: å, ä and ö after z; é as e, ü as y, case ignored; a space or a
# hyphen between words sorts before every letter ("Upplands-Bro" before "Upplands Väsby", word by word).
def sv_key(text: str) -> tuple[int, ...]:
    out: list[int] = []
    for char in text.casefold():
        char = SV_SAME.get(char, char)
        if char not in SV_ALPHABET:
            char = fold(char)
        out.extend(SV_ALPHABET.index(c) + 10 if c in SV_ALPHABET else (int(c) if c.isdigit() else -1) for c in char)
    return tuple(out)


ORDINALS = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde",
            "elfte", "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde", "sjuttonde", "artonde", "nittonde",
            "tjugonde")


# 10 -> "tionde"; past the words, the numeral with its Swedish ending: 21 -> "21:a", 25 -> "25:e".
def ordinal(n: int) -> str:
    if n < 1:
        raise ValueError(f"inget ordningstal för {n}")
    if n <= len(ORDINALS):
        return ORDINALS[n - 1]
    return f"{n}:a" if n % 10 in (1, 2) and n % 100 not in (11, 12) else f"{n}:e"
