"""Arkivet i siffror: varje räkning på ett ställe, ur modellen. Sidorna (karta, statistik) läser bara härifrån.

A municipality takes part in a cycle when it won, was a finalist or was nominated that year, alone or as one of the
municipalities behind a joint entry; taking part twice in one cycle (nominated, then finalist) counts once.
Everything is counted from Archive.appearances, Cycle.rounds and Cycle.jury, so it holds whatever else the model
learns to carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arkiv.record import model as m
from arkiv.record.register import Kommun
from arkiv.text import sv_key

ROLES = m.RESULTS  # strongest first


@dataclass(frozen=True)
class Best:
    """A municipality's best result in the archive and the years it had it, oldest first."""

    role: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class Part:
    """One municipality in one cycle: its strongest role that year."""

    year: int
    role: str


@dataclass(frozen=True)
class Record:
    """One municipality's whole record: every cycle it took part in, oldest first."""

    kommun: Kommun
    parts: tuple[Part, ...]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(p.year for p in self.parts)

    @property
    def wins(self) -> tuple[int, ...]:
        return tuple(p.year for p in self.parts if p.role == m.WINNER)

    # How many cycles it took part in before its first win; None if it never won.
    @property
    def before_first_win(self) -> int | None:
        return self.years.index(self.wins[0]) if self.wins else None


@dataclass(frozen=True)
class County:
    name: str
    kommuner: int  # municipalities from the county in the archive
    parts: int  # entries from the county: times one or more of them took part in a cycle, a joint entry once
    wins: int  # winning entries from the county


@dataclass(frozen=True)
class Field:
    """One round of one cycle: how many the sources say were in it (a number, a range or unknown), and how many of them
    the archive names."""

    label: str
    stage: str
    size: m.Size  # a round with no size in the data: exactly the ones named
    named: int

    # The bar's length: the largest number the sources allow, or the names when the size is unknown.
    @property
    def value(self) -> int:
        return self.size.high if self.size.high is not None else self.named

    # Whether the round had, or may have had, more than the names the archive has.
    @property
    def short(self) -> bool:
        return self.size.beyond(self.named)


@dataclass(frozen=True)
class CycleField:
    year: int
    rounds: tuple[Field, ...]  # empty: the archive does not know who was nominated


@dataclass(frozen=True)
class JurySize:
    year: int
    size: int | None  # None: the jury is not known
    complete: bool


@dataclass(frozen=True)
class Organisation:
    name: str  # as the newest source writes it
    years: tuple[int, ...]  # cycles it had a jury member in, oldest first
    members: int  # seats over all those years


# The strongest of a set of roles: vinnare before finalist before nominerad.
def strongest(roles) -> str:
    return min(roles, key=ROLES.index)


# Every municipality's record, in the archive's order (by name).
def records(archive: m.Archive) -> list[Record]:
    out = []
    for k in archive.kommuner:
        by_year: dict[int, list[str]] = {}
        for a in archive.appearances(k.code):
            by_year.setdefault(a.year, []).append(a.role)
        out.append(Record(k, tuple(Part(y, strongest(r)) for y, r in sorted(by_year.items()))))
    return out


# Each municipality's best result, by kommunkod.
def best_results(archive: m.Archive) -> dict[str, Best]:
    out = {}
    for r in records(archive):
        role = strongest(p.role for p in r.parts)
        out[r.kommun.code] = Best(role, tuple(p.year for p in r.parts if p.role == role))
    return out


# How many municipalities have each result as their best: {"vinnare": 12, "finalist": 9, "nominerad": 13}.
def best_counts(archive: m.Archive) -> dict[str, int]:
    best = best_results(archive).values()
    return {role: sum(1 for b in best if b.role == role) for role in ROLES}


# Municipalities, times taken part and wins per county, most taken part first. An entry counts once in each count
# about entries: a joint entry of three municipalities in one county is one time taken part (and one win) there, and
# so is an entrant in two rounds of one cycle.
def by_county(archive: m.Archive) -> list[County]:
    kommuner: dict[str, set[str]] = {}
    entries: dict[str, set[tuple[int, frozenset[str]]]] = {}
    wins: dict[str, set[int]] = {}
    for c in archive.cycles:
        for e in c.entrants():
            for k in e.kommuner:
                kommuner.setdefault(k.county, set()).add(k.code)
                entries.setdefault(k.county, set()).add((c.year, e.codes))
                if e is c.winner:
                    wins.setdefault(k.county, set()).add(c.year)
    rows = [County(name, len(codes), len(entries[name]), len(wins.get(name, ()))) for name, codes in kommuner.items()]
    return sorted(rows, key=lambda c: (-c.parts, -c.wins, sv_key(c.name)))


# Municipalities that took part in more than one cycle, most often first.
def repeaters(archive: m.Archive) -> list[Record]:
    repeated = (r for r in records(archive) if len(r.parts) > 1)
    return sorted(repeated, key=lambda r: (-len(r.parts), sv_key(r.kommun.name)))


# Every winning municipality with its first win, in the order they won.
def winners(archive: m.Archive) -> list[Record]:
    return sorted((r for r in records(archive) if r.wins), key=lambda r: (r.wins[0], sv_key(r.kommun.name)))


# The winners that won the first time the archive has them taking part.
def won_first_time(records: list[Record]) -> list[Record]:
    return [r for r in records if r.before_first_win == 0]


# Each cycle's rounds with how many were in them, oldest cycle first.
def field_per_cycle(archive: m.Archive) -> list[CycleField]:
    exact = lambda n: m.Size(n, n)  # noqa: E731
    return [CycleField(c.year, tuple(Field(r.label, r.stage, r.size or exact(len(r.entrants)), len(r.entrants))
                                     for r in c.rounds))
            for c in reversed(archive.cycles)]


# The cycles whose rounds the archive does not know at all, oldest first.
def cycles_without_rounds(fields: list[CycleField]) -> list[int]:
    return [f.year for f in fields if not f.rounds]


# The cycles with a round larger than the names the archive has for it (2015: eight, three of them named).
def cycles_partly_named(fields: list[CycleField]) -> list[int]:
    return [f.year for f in fields if any(r.short for r in f.rounds)]


# The county with the most wins (the first in by_county's order when several have as many).
def most_wins(counties: list[County]) -> County:
    return max(counties, key=lambda c: c.wins)


# The jury's size each cycle where the archive knows it, oldest first; incomplete juries say so.
def jury_sizes(archive: m.Archive) -> list[JurySize]:
    return [JurySize(c.year, len(c.jury.members), c.jury.complete) if c.jury else JurySize(c.year, None, False)
            for c in reversed(archive.cycles)]


# Organisations as one key whatever the spacing or case: "VINNOVA" and "Vinnova", "IT&Telekomföretagen" and
# "IT & Telekomföretagen". A renamed organisation (SKL, SKR) stays under each of its names.
def organisation_key(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


# The organisations that had a member on a jury, most years first.
def jury_organisations(archive: m.Archive) -> list[Organisation]:
    years: dict[str, set[int]] = {}
    seats: dict[str, int] = {}
    names: dict[str, str] = {}
    for c in archive.cycles:  # newest first, so the first name seen is the newest
        for p in c.jury.members if c.jury else ():
            if p.organisation:
                key = organisation_key(p.organisation)
                names.setdefault(key, p.organisation)
                years.setdefault(key, set()).add(c.year)
                seats[key] = seats.get(key, 0) + 1
    rows = [Organisation(names[k], tuple(sorted(years[k])), seats[k]) for k in names]
    return sorted(rows, key=lambda o: (-len(o.years), o.years[0], sv_key(o.name)))


# How many jury seats, over all years, have no organisation in the archive (they are in no organisation's count).
def members_without_organisation(archive: m.Archive) -> int:
    return sum(1 for c in archive.cycles if c.jury for p in c.jury.members if not p.organisation)
