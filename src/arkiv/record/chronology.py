"""Utmärkelsen i tiden: varje utmärkelseår i ordning, namnbytet, pris som delades ut ett senare år, och nästa år
som arkivet ännu inte vet något om. Tidslinjen på startsidan läser härifrån."""

from __future__ import annotations

from dataclasses import dataclass

from arkiv.record import model as m
from arkiv.record.marks import CLEAR, Mark, mark
from arkiv.text import parse_date

LAST_YEAR = 2099  # the last year the schema takes (data/schema/common.schema.json)


# The first award year from `year` on, for an award first given in `founded` and every `interval` years after.
def award_year_from(year: int, founded: int, interval: int) -> int:
    return founded if year < founded else year + (-(year - founded)) % interval


@dataclass(frozen=True)
class Moment:
    year: int
    cycle: m.Cycle | None  # None: the next cycle, which the archive knows nothing about yet
    renamed_from: str | None = None  # the award's former name, in the year the new name was first used
    handed_over: str | None = None  # the prize-giving's date when it fell in a later year ("2022-05-02")
    handed_over_mark: Mark = CLEAR  # that date's mark (arkiv.record.marks), shown wherever the date is


# The date a cycle's prize was handed over, when that was after the cycle's own year; otherwise None.
def late_ceremony(cycle: m.Cycle) -> str | None:
    date = cycle.ceremony.date if cycle.ceremony else None
    return date if date and parse_date(date)[0] > cycle.year else None


# The next cycle: the newest year in the data plus award.yaml's interval. The archive knows nothing of it yet.
def next_year(archive: m.Archive) -> int:
    return archive.cycles[0].year + archive.interval


# Every cycle oldest first, with the renaming and late prize-givings marked, then the next cycle as unknown.
def moments(archive: m.Archive) -> list[Moment]:
    renamed = {n.first: prev.name for prev, n in zip(archive.names, archive.names[1:], strict=False)}
    out = [Moment(c.year, c, renamed.get(c.year), late_ceremony(c), mark(c, "datum")) for c in reversed(archive.cycles)]
    out.append(Moment(next_year(archive), None))
    return out
