"""Arkivets innehåll som små typade poster, byggda av validerad data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import knowledge
from .register import Kommun
from .slugs import slug

if TYPE_CHECKING:
    from .people import Individual


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Entrant:
    name: str  # the name it competed under
    kommuner: tuple[Kommun, ...]
    uncertain: bool = False
    note: str | None = None

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(k.code for k in self.kommuner)

    @property
    def anchor(self) -> str:
        return "deltagare-" + slug(self.name)


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class JuryMember(Person):
    chair: bool = False
    uncertain: bool = False
    note: str | None = None

    @property
    def anchor(self) -> str:
        return "jury-" + slug(self.name)


@dataclass(frozen=True)
class Jury:
    members: tuple[JuryMember, ...]
    complete: bool
    sources: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Round:
    label: str
    stage: str  # "nominerad" or "finalist"
    entrants: tuple[Entrant, ...]
    sources: tuple[str, ...]
    date: str | None = None
    size: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]
    quote: str | None = None
    uncertain: bool = False
    note: str | None = None
    year: int | None = None  # for the award's history


@dataclass(frozen=True)
class TimelineItem:
    date: str
    text: str
    sources: tuple[str, ...]
    end: str | None = None


@dataclass(frozen=True)
class Ceremony:
    sources: tuple[str, ...]
    date: str | None = None
    occasion: str | None = None
    venue: str | None = None
    city: str | None = None
    presenter: Person | None = None
    received_by: tuple[Person, ...] = ()
    uncertain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: Person
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    title: str
    text: str


@dataclass(frozen=True)
class Question:
    question: str
    max_chars: int | None = None


@dataclass(frozen=True)
class Process:
    sources: tuple[str, ...]
    steps: tuple[Step, ...] = ()
    entry_questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Event:
    name: str
    sources: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    venue: str | None = None
    city: str | None = None
    description: str | None = None
    theme: str | None = None
    theme_text: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Prize:
    text: str
    sources: tuple[str, ...]
    amount_sek: int | None = None


@dataclass(frozen=True)
class Cycle:
    year: int
    award_name: str
    winner: Entrant
    motivation: tuple[str, ...]
    winner_sources: tuple[str, ...]
    winner_note: str | None = None
    summary: Fact | None = None
    call: Fact | None = None
    event: Event | None = None
    process: Process | None = None
    rounds: tuple[Round, ...] = ()
    jury: Jury | None = None
    timeline: tuple[TimelineItem, ...] = ()
    ceremony: Ceremony | None = None
    prize: Prize | None = None
    benefits: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    facts: tuple[Fact, ...] = ()
    gaps: tuple[str, ...] = ()

    # Every source id the cycle's facts point at, in first-use order.
    def source_ids(self) -> tuple[str, ...]:
        ids: list[str] = list(self.winner_sources)
        parts = [self.summary, self.call, self.event, self.process, *self.rounds, self.jury, *self.timeline,
                 self.ceremony, self.prize, *self.benefits, *self.quotes, *self.facts]
        for part in parts:
            if part is not None:
                ids.extend(part.sources)
        return tuple(dict.fromkeys(ids))

    # Stable ids for each entrant in each round: "finalist-varmdo-kommun"; a repeat in the same stage gets the round.
    def entrant_anchors(self) -> dict[tuple[int, int], str]:
        out, used = {}, set()
        for ri, rnd in enumerate(self.rounds):
            for ei, e in enumerate(rnd.entrants):
                base = f"{rnd.stage}-{e.anchor.removeprefix('deltagare-')}"
                anchor = base if base not in used else f"{base}-{ri + 1}"
                used.add(anchor)
                out[(ri, ei)] = anchor
        return out

    # What the archive does not know about this cycle: a sentence for each facet not fully known
    # (arkiv.knowledge, which /luckor/ shows as a table), then the data's own gaps.
    def unknowns(self) -> tuple[str, ...]:
        return knowledge.gaps(self) + self.gaps


@dataclass(frozen=True)
class AwardName:
    name: str
    first: int
    last: int | None
    sources: tuple[str, ...]

    # Whether this was the award's name in a given year.
    def covers(self, year: int) -> bool:
        return self.first <= year and (self.last is None or year <= self.last)


@dataclass(frozen=True)
class Appearance:
    """One municipality's part in one cycle: won, finalist or nominated, under an entrant's name."""

    year: int
    award_name: str
    role: str  # "vinnare", "finalist", "nominerad"
    label: str  # the source's own word for the round, or "vinnare"
    entrant: Entrant


@dataclass
class Archive:
    cycles: tuple[Cycle, ...]  # newest first
    sources: dict[str, Source]
    names: tuple[AwardName, ...]
    founded: int
    interval: int
    purpose: Fact
    history: tuple[Fact, ...]
    kommuner: list[Kommun] = field(default_factory=list)  # every municipality that appears, by name
    people: tuple[Individual, ...] = ()  # everyone with a role, by surname (arkiv.people resolves who is who)

    # Every appearance of one municipality, newest first, strongest role per cycle first.
    def appearances(self, code: str) -> list[Appearance]:
        out = []
        for c in self.cycles:
            if code in c.winner.codes:
                out.append(Appearance(c.year, c.award_name, "vinnare", "vinnare", c.winner))
            for r in reversed(c.rounds):
                for e in r.entrants:
                    if code in e.codes:
                        out.append(Appearance(c.year, c.award_name, r.stage, r.label, e))
        return out
