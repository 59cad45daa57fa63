"""Vad arkivet vet om varje utmärkelseår: för varje del (jury, datum, pris …) känd, delvis känd eller okänd.

The one place that judges how complete a cycle's record is. unknowns() (the year page's "Det här vet arkivet
inte") lists the sentence of every cell that is not known, and /luckor/ shows the same cells as a table, so the two
always agree. Nothing here imports the model at run time: it reads the cycle's fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from arkiv import urls
from arkiv.record.marks import marks

if TYPE_CHECKING:
    from arkiv.record.model import Cycle

KNOWN, PARTIAL, UNKNOWN = "känd", "delvis", "okänd"
STATES = (KNOWN, PARTIAL, UNKNOWN)
GAPS_ANCHOR = urls.SECTIONS.gaps  # the year page's "Det här vet arkivet inte"


@dataclass(frozen=True)
class Facet:
    key: str
    label: str  # column heading on /luckor/
    anchor: str  # the section of the year page that holds it


@dataclass(frozen=True)
class Cell:
    facet: Facet
    state: str  # KNOWN, PARTIAL or UNKNOWN
    gap: str | None = None  # the sentence for "Det här vet arkivet inte"; every unknown cell has one

    # Where the cell leads on the year page: the section when something is known, otherwise the list of gaps.
    @property
    def anchor(self) -> str:
        return GAPS_ANCHOR if self.state == UNKNOWN else self.facet.anchor


Judge = Callable[["Cycle"], tuple[str, "str | None"]]


# The winner and the motivation are required data: always known.
def _winner(c: Cycle) -> tuple[str, str | None]:
    return (KNOWN, None) if c.winner else (UNKNOWN, "Vem som vann.")


# The motivation, word for word.
def _motivation(c: Cycle) -> tuple[str, str | None]:
    return (KNOWN, None) if c.motivation else (UNKNOWN, "Juryns motivering.")


# Nominees and finalists: partial when a round had, or may have had (a range, an unknown size), more entrants than
# the archive names, or when an entrant is uncertain (the round itself says how many are known).
def _rounds(c: Cycle) -> tuple[str, str | None]:
    if not c.rounds:
        return UNKNOWN, "Vilka som var nominerade eller finalister."
    short = any(r.short or any(e.uncertain for e in r.entrants) for r in c.rounds)
    return (PARTIAL, None) if short else (KNOWN, None)


# The jury: complete, a list that may lack members, or unknown.
def _jury(c: Cycle) -> tuple[str, str | None]:
    if c.jury is None:
        return UNKNOWN, f"Vilka som satt i juryn {c.year}."
    return (KNOWN, None) if c.jury.complete else (PARTIAL, "Hela juryn: listan kan sakna ledamöter.")


# The jury's chair: named, or not known (a chair marked uncertain is partly known: cells reads the mark).
def _chair(c: Cycle) -> tuple[str, str | None]:
    if c.jury is None or c.jury.chair is None:
        return UNKNOWN, "Vem som var juryns ordförande."
    return KNOWN, None


# The ceremony date: to the day, or only the month or year, or unknown (an uncertain date: cells reads the mark).
def _date(c: Cycle) -> tuple[str, str | None]:
    if c.ceremony is None or not c.ceremony.date:
        return UNKNOWN, "Datum för prisutdelningen."
    if len(c.ceremony.date) < len("2023-11-21"):
        return PARTIAL, "Dagen för prisutdelningen."
    return KNOWN, None


# Where the prize was handed over: the venue or the city (an occasion alone, "Kvalitetsmässans invigning", is no
# place).
def _place(c: Cycle) -> tuple[str, str | None]:
    known = c.ceremony is not None and bool(c.ceremony.venue or c.ceremony.city)
    return (KNOWN, None) if known else (UNKNOWN, "Var priset delades ut.")


# Who handed the prize over.
def _presenter(c: Cycle) -> tuple[str, str | None]:
    known = c.ceremony is not None and c.ceremony.presenter is not None
    return (KNOWN, None) if known else (UNKNOWN, "Vem som delade ut priset.")


# The prize itself; partial when only what came with it (a logotype, a seat on a council) is known.
def _prize(c: Cycle) -> tuple[str, str | None]:
    if c.prize is not None:
        return KNOWN, None
    return (PARTIAL if c.benefits else UNKNOWN), "Vad priset bestod av."


# The timeline of the cycle (deadlines, announcements, jury meetings).
def _timeline(c: Cycle) -> tuple[str, str | None]:
    return (KNOWN, None) if c.timeline else (UNKNOWN, "Årets hålltider, till exempel sista dag för anmälan.")


# The call for entries: its text, or only parts of it (the deadline, who could nominate, the entry questions).
def _call(c: Cycle) -> tuple[str, str | None]:
    if c.call is None:
        return UNKNOWN, "Inbjudan att delta i tävlingen."
    return (KNOWN, None) if c.call.text else (PARTIAL, "Inbjudans text.")


FACETS: tuple[tuple[Facet, Judge], ...] = (
    (Facet("vinnare", "Vinnare", urls.SECTIONS.winner), _winner),
    (Facet("motivering", "Motivering", urls.SECTIONS.motivation), _motivation),
    (Facet("nominerade", "Nominerade", urls.SECTIONS.rounds), _rounds),
    (Facet("jury", "Jury", urls.SECTIONS.jury), _jury),
    (Facet("ordforande", "Ordförande", urls.SECTIONS.jury), _chair),
    (Facet("datum", "Datum", urls.SECTIONS.ceremony), _date),
    (Facet("plats", "Plats", urls.SECTIONS.ceremony), _place),
    (Facet("prisutdelare", "Prisutdelare", urls.SECTIONS.ceremony), _presenter),
    (Facet("pris", "Pris", urls.SECTIONS.prize), _prize),
    (Facet("halltider", "Hålltider", urls.SECTIONS.timeline), _timeline),
    (Facet("inbjudan", "Inbjudan", urls.SECTIONS.call), _call),
)


# Every facet of one cycle, judged, in column order. A marked fact (arkiv.record.marks: inferred, or one the sources
# disagree on) is known only in part, however it was entered.
def cells(cycle: Cycle) -> tuple[Cell, ...]:
    out = []
    marked = marks(cycle)
    for facet, judge in FACETS:
        state, gap = judge(cycle)
        if state == KNOWN and facet.key in marked:
            state = PARTIAL
        out.append(Cell(facet, state, gap))
    return tuple(out)


# A cycle the archive has no data for yet (the next one): every facet unknown.
def unknown_cells() -> tuple[Cell, ...]:
    return tuple(Cell(facet, UNKNOWN) for facet, _ in FACETS)


# The sentences for what the archive does not know about a cycle, in column order.
def gaps(cycle: Cycle) -> tuple[str, ...]:
    return tuple(cell.gap for cell in cells(cycle) if cell.gap)


# What the archive does not know about a cycle: a sentence for each facet not fully known, then the data's own gaps.
def unknowns(cycle: Cycle) -> tuple[str, ...]:
    return gaps(cycle) + cycle.gaps


# How many cells are known, partial and unknown across rows of cells.
def totals(rows) -> dict[str, int]:
    out = dict.fromkeys(STATES, 0)
    for row in rows:
        for cell in row:
            out[cell.state] += 1
    return out
