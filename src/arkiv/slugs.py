"""Adresser (slugs) för kommuner och personer: bara a–z, 0–9 och bindestreck."""

from __future__ import annotations

from functools import lru_cache

from slugify import slugify as _slugify


# "Värmdö" -> "varmdo", "Upplands-Bro" -> "upplands-bro"; never empty, never a path. Cached: the register alone
# asks for some 900 slugs on every load, and each load (a build, a preview, a test) would pay for them again.
@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    result = _slugify(text, lowercase=True, separator="-", regex_pattern=r"[^a-z0-9]+")
    return result or "x"
