"""Adresser (slugs) för kommuner och personer: bara a–z, 0–9 och bindestreck."""

from __future__ import annotations

from slugify import slugify as _slugify


# "Värmdö" -> "varmdo", "Upplands-Bro" -> "upplands-bro"; never empty, never a path.
def slug(text: str) -> str:
    result = _slugify(text, lowercase=True, separator="-", regex_pattern=r"[^a-z0-9]+")
    return result or "x"
