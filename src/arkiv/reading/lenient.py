"""Reglerna som kan prövas också på en fil som inte klarade schemat: okända källor och kommunnamn.

A file that reads as YAML but breaks its schema is not built, and the rules across files (rules.py) skip it. Two of
them need nothing of the file's shape beyond what they look at, and their errors are the ones organisers otherwise
meet only in the next round: a source id that is not in data/sources.yaml and a municipality that is not in the
register, or not in its form. Here they walk the data as it is, checking each value's type as they go, so that one run
says everything (issue 27).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from arkiv.errors import DataError
from arkiv.reading import rules
from arkiv.reading.yamlload import Loaded
from arkiv.record.register import Register


# Every source id in data/sources.yaml as it reads, whatever else is wrong with it.
def source_ids(sources: Loaded | None) -> frozenset[str] | None:
    if sources is None or not isinstance(sources.data, list):
        return None
    return frozenset(row["id"] for row in sources.data if isinstance(row, dict) and isinstance(row.get("id"), str))


# An entrant as the data writes it, when it has the shape whose names can be looked up.
def _entrant_shaped(value) -> bool:
    if isinstance(value, str):
        return True
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        return False
    names = value.get("kommuner")
    return names is None or (isinstance(names, list) and all(isinstance(n, str) for n in names))


# The entrants of a year's file or of winners.yaml, with their paths, wherever the shape allows.
def _entrants(loaded: Loaded) -> Iterator[tuple[tuple, object]]:
    data = loaded.data
    if isinstance(data, list):  # winners.yaml
        for i, row in enumerate(data):
            if isinstance(row, dict) and _entrant_shaped(row.get("winner")):
                yield (i, "winner"), row["winner"]
        return
    rounds = data.get("rounds") if isinstance(data, dict) else None
    for ri, r in enumerate(rounds if isinstance(rounds, list) else []):
        entrants = r.get("entrants") if isinstance(r, dict) else None
        for ei, e in enumerate(entrants if isinstance(entrants, list) else []):
            if _entrant_shaped(e):
                yield ("rounds", ri, "entrants", ei), e


# The errors of unknown sources and municipalities in files the full rules will not judge.
def judge(files: Iterable[Loaded], ids: frozenset[str] | None, register: Register) -> list[DataError]:
    out: list[DataError] = []
    for loaded in files:
        if ids is not None:
            out += rules.unknown_sources(loaded, (), loaded.data, ids)
        if "/cycles/" in loaded.file or loaded.file.endswith("/winners.yaml"):
            for path, value in _entrants(loaded):
                out += rules.entrant_in_register(loaded, path, value, register)
    return out
