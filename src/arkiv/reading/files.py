"""Datafilerna som de lästes, var för sig validerade, och det som slås upp över dem (år, rader, deltagare).

What both the rules (rules.py) and the building of the model (build.py) read: each file once, as load.py read and
validated it against its schema, with the lookups they share so that the two never disagree. Resolving an entrant's
municipalities is such a lookup: the rules report a name the register does not know, the builder uses the entrant.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from arkiv.reading.yamlload import Loaded
from arkiv.record import model as m
from arkiv.record.register import Register


@dataclass(frozen=True, eq=False)
class Files:
    """Every data file that read and validated, with the municipality register."""

    register: Register
    award: Loaded  # data/award.yaml
    sources: Loaded  # data/sources.yaml
    winners: Loaded  # data/winners.yaml
    people: Loaded  # data/people.yaml
    cycles: Mapping[int, Loaded]  # data/cycles/ÅÅÅÅ.yaml by year: the files that read and whose year is their name
    unreadable: frozenset[int] = frozenset()  # cycle files that exist but failed: nothing is said across files of them

    @property
    def founded(self) -> int:
        return self.award.data["founded"]

    @property
    def interval(self) -> int:
        return self.award.data["interval_years"]

    # Whether the award was given in a year: every interval years from the first.
    def is_award_year(self, year: int) -> bool:
        return year >= self.founded and not (year - self.founded) % self.interval

    # The award's names through the years, as data/award.yaml gives them.
    @cached_property
    def award_names(self) -> tuple[m.AwardName, ...]:
        return tuple(m.AwardName(name=n["name"], first=n["from"], last=n.get("to"), sources=tuple(n["sources"]))
                     for n in self.award.data["names"])

    # Every id in data/sources.yaml.
    @cached_property
    def source_ids(self) -> frozenset[str]:
        return frozenset(row["id"] for row in self.sources.data)

    # Each award year's row in data/winners.yaml (its first, when a year stands twice).
    @cached_property
    def rows(self) -> dict[int, int]:
        out: dict[int, int] = {}
        for i, row in enumerate(self.winners.data):
            if row["year"] not in out and self.is_award_year(row["year"]):
                out[row["year"]] = i
        return out

    # The award's years that have both a row in winners.yaml and a file of their own, newest first.
    @cached_property
    def paired(self) -> tuple[CycleFiles, ...]:
        years = sorted(set(self.rows) & set(self.cycles), reverse=True)
        return tuple(CycleFiles(y, self.cycles[y], self.winners, self.rows[y], self.register) for y in years)


@dataclass(frozen=True, eq=False)
class CycleFiles:
    """One award year as the data gives it: its row in winners.yaml and its own file."""

    year: int
    file: Loaded  # data/cycles/ÅÅÅÅ.yaml
    winners: Loaded  # data/winners.yaml
    row: int  # the year's row in winners.yaml
    register: Register

    @property
    def data(self) -> dict:
        return self.file.data

    @property
    def winner_row(self) -> dict:
        return self.winners.data[self.row]

    # Each entrant as the data writes it, with the file and path it stands at: the winner, then every round's.
    def entrant_values(self) -> Iterator[tuple[Loaded, tuple, object]]:
        yield self.winners, (self.row, "winner"), self.winner_row["winner"]
        for ri, r in enumerate(self.data.get("rounds", [])):
            for ei, e in enumerate(r["entrants"]):
                yield self.file, ("rounds", ri, "entrants", ei), e

    # The winner, or None when one of its municipalities is not in the register.
    @cached_property
    def winner(self) -> m.Entrant | None:
        return entrant(self.winner_row["winner"], self.register)

    # The entrants of each round whose municipalities are all in the register, round by round.
    @cached_property
    def round_entrants(self) -> tuple[tuple[m.Entrant, ...], ...]:
        out = []
        for r in self.data.get("rounds", []):
            found = (entrant(e, self.register) for e in r["entrants"])
            out.append(tuple(e for e in found if e))
        return tuple(out)

    # Everyone the year's statements and representatives may speak for: the winner and every round's entrants.
    @cached_property
    def entrants(self) -> tuple[m.Entrant, ...]:
        winner = (self.winner,) if self.winner else ()
        return winner + tuple(e for r in self.round_entrants for e in r)

    # The entrant a statement or representative names: an entrant's name this year, or one of its municipalities.
    def entrant_named(self, name: str) -> m.Entrant | None:
        for e in self.entrants:
            if e.name.casefold() == name.strip().casefold():
                return e
        k = self.register.find(name)
        if k is not None:
            for e in self.entrants:
                if k.code in e.codes:
                    return e
        return None


# The names of an entrant's municipalities as the data gives them: its own name, or its list of municipalities.
def kommun_names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return value.get("kommuner") or [value["name"]]


# The path of an entrant's j-th municipality name, below the entrant's own path.
def kommun_path(value, path: tuple, j: int) -> tuple:
    if isinstance(value, str):
        return path
    return (*path, "kommuner", j) if value.get("kommuner") else (*path, "name")


# An entrant of the data (a name, or a name with its municipalities), or None if one of them is not in the register.
def entrant(value, register: Register) -> m.Entrant | None:
    found = [register.find(n) for n in kommun_names(value)]
    kommuner = tuple(k for k in found if k is not None)
    if len(kommuner) < len(found):
        return None
    if isinstance(value, str):
        return m.Entrant(name=value, kommuner=kommuner)
    return m.Entrant(name=value["name"], kommuner=kommuner, uncertain=value.get("uncertain", False),
                     note=value.get("note"))
