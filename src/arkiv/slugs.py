"""Adresser (slugs) för kommuner och personer: bara a–z, 0–9 och bindestreck."""

from __future__ import annotations

from functools import lru_cache

from slugify import slugify as _slugify


# "Värmdö" -> "varmdo", "Upplands-Bro" -> "upplands-bro"; never empty, never a path. Remembered: a build asks for the
# same names again and again, and `mkdocs serve` for every rebuild.
@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    result = _slugify(text, lowercase=True, separator="-", regex_pattern=r"[^a-z0-9]+")
    return result or "x"
