"""Arkivets innehåll som små typade poster, byggda av validerad data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from arkiv import urls
from arkiv.record.register import Kommun
from arkiv.slugs import slug
from arkiv.text import date_bounds, during_years, year_range

WAYBACK = "https://web.archive.org/web/"
# Fields (and the data's keys) that hold archive dates ("2023-11-21", "2023-11", "2023"): each must be a real date,
# and a change to one is shown as "21 november 2023".
DATE_FIELDS = frozenset({"date", "start", "end", "deadline", "version"})

if TYPE_CHECKING:
    from arkiv.record.persons import Individual, PersonNote


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    no_address: str | None = None  # why the source has no address, when it has none
    kind: str | None = None
    note: str | None = None
    version: str | None = None  # the date of the version relied on, for pages that are overwritten
    formerly: tuple[str, ...] = ()  # ids the source had before; their anchors keep working

    # The date the archive relied on: the version's if given, otherwise the publication date.
    @property
    def relied_on(self) -> str | None:
        return self.version or self.date

    # The Wayback Machine's copy nearest the version relied on (the last day of a month or year when only that is
    # known); with no date at all, its list of every capture of the address.
    @property
    def archive_url(self) -> str | None:
        if not self.url:
            return None
        if not self.relied_on:
            return f"{WAYBACK}*/{self.url}"
        return f"{WAYBACK}{date_bounds(self.relied_on)[1]:%Y%m%d}/{self.url}"


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
        return urls.entrant_anchor(slug(self.name))


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None
    organisation: str | None = None
    key: str | None = None  # an explicit identity from the data; otherwise the name is the identity


@dataclass(frozen=True)
class JuryMember(Person):
    chair: bool = False
    uncertain: bool = False
    note: str | None = None

    @property
    def anchor(self) -> str:
        return urls.juror_anchor(slug(self.name))


@dataclass(frozen=True)
class Jury:
    members: tuple[JuryMember, ...]
    complete: bool
    sources: tuple[str, ...]
    note: str | None = None

    # The member marked as the jury's chair, if the sources name one.
    @property
    def chair(self) -> JuryMember | None:
        return next((p for p in self.members if p.chair), None)


# What a municipality can be in a cycle, strongest first: a round's stage is one of the last two (the data's words).
WINNER, FINALIST, NOMINEE = "vinnare", "finalist", "nominerad"
RESULTS = (WINNER, FINALIST, NOMINEE)


@dataclass(frozen=True)
class Size:
    """How many were in a round, as the sources give it: exactly (low == high), a range (5–10), or unknown (None)."""

    low: int | None = None
    high: int | None = None

    # Whether the sources give a number at all.
    @property
    def known(self) -> bool:
        return self.low is not None

    # The number as figures: "5–10", "8"; None when unknown.
    @property
    def span(self) -> str | None:
        if self.low is None:
            return None
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"

    # Whether the round may have had more entrants than the `named` ones the archive has.
    def beyond(self, named: int) -> bool:
        return self.high is None or self.high > named


@dataclass(frozen=True)
class Round:
    label: str
    stage: str  # NOMINEE or FINALIST
    entrants: tuple[Entrant, ...]
    sources: tuple[str, ...]
    date: str | None = None
    size: Size | None = None  # None: the round had the entrants named, no more
    note: str | None = None

    # Whether the round had, or may have had, more entrants than the archive names.
    @property
    def short(self) -> bool:
        return self.size is not None and self.size.beyond(len(self.entrants))


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
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    question: str
    max_chars: int | None = None


@dataclass(frozen=True)
class Process:
    sources: tuple[str, ...]
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Call:
    """The invitation to take part: its text, the entry deadline, who could nominate, the entry questions."""

    sources: tuple[str, ...]
    text: str | None = None
    deadline: str | None = None
    nominations: str | None = None
    entry_questions: tuple[Question, ...] = ()
    uncertain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Statement:
    """Words of a winner's or nominee's representative, word for word, for the entrant they spoke for."""

    text: str
    speaker: Person
    entrant: Entrant
    sources: tuple[str, ...]
    context: str | None = None
    uncertain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Representative:
    """A person the sources name as speaking or acting for an entrant, without quoting them."""

    person: Person
    entrant: Entrant
    sources: tuple[str, ...]
    context: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Partners:
    """The organisations behind the award one year, as one source names them."""

    organisations: tuple[str, ...]
    sources: tuple[str, ...]
    role: str | None = None
    uncertain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Contributor:
    name: str
    role: str


@dataclass(frozen=True)
class Publication:
    title: str
    sources: tuple[str, ...]
    date: str | None = None
    publisher: str | None = None
    contributors: tuple[Contributor, ...] = ()
    description: str | None = None
    uncertain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class EntrantsCount:
    count: int
    sources: tuple[str, ...]
    uncertain: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Edition:
    """What a source says about which time the award was given; checked against the archive's own count."""

    number: int
    quote: str
    sources: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Claim:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Where sources disagree: what each says, and which the archive follows."""

    topic: str
    claims: tuple[Claim, ...]
    follows: str
    about: str | None = None  # the fact disputed, as a key of arkiv.record.knowledge's facets: "prisutdelare"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(s for c in self.claims for s in c.sources)


@dataclass(frozen=True)
class Fair:
    """The fair where the next award is to be given, when nothing else is known about that cycle."""

    year: int
    name: str
    sources: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    venue: str | None = None
    city: str | None = None
    note: str | None = None
    held: Fact | None = None  # what the sources say about the fair once it had been held


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
    organisers: tuple[str, ...] = ()
    uncertain: bool = False


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
    call: Call | None = None
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
    statements: tuple[Statement, ...] = ()
    representatives: tuple[Representative, ...] = ()
    partners: tuple[Partners, ...] = ()
    publications: tuple[Publication, ...] = ()
    entrants_count: EntrantsCount | None = None
    edition: Edition | None = None
    conflicts: tuple[Conflict, ...] = ()

    # Every source id the cycle's facts point at, in first-use order.
    def source_ids(self) -> tuple[str, ...]:
        ids: list[str] = list(self.winner_sources)
        steps = self.process.steps if self.process else ()
        parts = [self.summary, self.call, self.event, self.process, *steps, *self.rounds, self.entrants_count,
                 self.jury,
                 *self.timeline, self.ceremony, self.prize, *self.benefits, *self.statements, *self.representatives,
                 *self.quotes, *self.partners, *self.publications, self.edition, *self.facts, *self.conflicts]
        for part in parts:
            if part is not None:
                ids.extend(part.sources)
        return tuple(dict.fromkeys(ids))

    # The facts the sources disagree on, each with the number of its first conflict on the page: {"prisutdelare": 1}.
    def disputed(self) -> dict[str, int]:
        return {c.about: n for n, c in reversed(list(enumerate(self.conflicts, 1))) if c.about}

    # Every entrant of the cycle: the winner and everyone in every round.
    def entrants(self) -> tuple[Entrant, ...]:
        return (self.winner, *(e for r in self.rounds for e in r.entrants))

    # Stable ids for each entrant in each round: "finalist-varmdo-kommun"; a repeat in the same stage gets the round.
    def entrant_anchors(self) -> dict[tuple[int, int], str]:
        out, used = {}, set()
        for ri, rnd in enumerate(self.rounds):
            for ei, e in enumerate(rnd.entrants):
                base = urls.stage_anchor(rnd.stage, slug(e.name))
                anchor = base if base not in used else f"{base}-{ri + 1}"
                used.add(anchor)
                out[(ri, ei)] = anchor
        return out


@dataclass(frozen=True)
class AwardName:
    name: str
    first: int
    last: int | None
    sources: tuple[str, ...]

    # The years the name was in force, in a table: "2001–2015"; one year reads "2011".
    @property
    def span(self) -> str:
        return year_range(self.first, self.last)

    # The same in running text: "från 2001 till 2015", "år 2011", "sedan 2017".
    @property
    def during(self) -> str:
        return during_years(self.first, self.last)

    # Whether this was the award's name in a given year.
    def covers(self, year: int) -> bool:
        return self.first <= year and (self.last is None or year <= self.last)


@dataclass(frozen=True)
class Appearance:
    """One municipality's part in one cycle: won, finalist or nominated, under an entrant's name."""

    year: int
    award_name: str
    role: str  # one of RESULTS
    label: str  # the source's own word for the round, or WINNER
    entrant: Entrant


@dataclass(frozen=True)
class Archive:
    """The whole archive: built once, by keyword, by arkiv.reading.build, and never changed after."""

    cycles: tuple[Cycle, ...]  # newest first
    sources: Mapping[str, Source]  # by id, read-only
    names: tuple[AwardName, ...]
    founded: int
    interval: int
    purpose: Fact
    history: tuple[Fact, ...]
    kommuner: tuple[Kommun, ...] = ()  # every municipality that appears, by name
    person_notes: tuple[PersonNote, ...] = ()  # data/people.yaml: what is known about a person as a whole
    people: tuple[Individual, ...] = ()  # everyone with a role, by surname (arkiv.record.people resolves who is who)
    publications: tuple[Publication, ...] = ()  # publications about the award that belong to no one cycle
    next_fair: Fair | None = None

    # The archive's own name, from the award's name in force: "Arkivet för Sveriges DigitaliseringsKommun".
    @property
    def title(self) -> str:
        return f"Arkivet för {self.names[-1].name}"

    # Which time the award was given in a year, counted from the cycles in the archive: 2019 -> 10.
    def edition_of(self, year: int) -> int:
        return sum(1 for c in self.cycles if c.year <= year)

    # Every appearance of one municipality, newest first, strongest role per cycle first.
    def appearances(self, code: str) -> list[Appearance]:
        out = []
        for c in self.cycles:
            if code in c.winner.codes:
                out.append(Appearance(year=c.year, award_name=c.award_name, role=WINNER, label=WINNER,
                                      entrant=c.winner))
            for r in reversed(c.rounds):
                for e in r.entrants:
                    if code in e.codes:
                        out.append(Appearance(year=c.year, award_name=c.award_name, role=r.stage, label=r.label,
                                              entrant=e))
        return out
