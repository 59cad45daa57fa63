"""Personerna i arkivet: vem som är samma person i olika år, och varje roll hen haft.

Identity is settled here, once, and every page and download reads the result (Archive.people):
- a mention in the data (a jury member, the presenter, a recipient, a speaker, a representative) is a person with
  a role in one cycle;
- two mentions are the same person when their names give the same address (slug), unless the data gives a `key`
  that settles it: one key for two spellings, two keys for two people of the same name;
- data/people.yaml adds what the archive knows about a person as a whole: a note, and whether it is proven that
  the mentions are one person (uncertain: true when it is not).
A title and an organisation belong to the role in a given year, never to the person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from arkiv import urls
from arkiv.slugs import slug
from arkiv.text import sort_key_sv

if TYPE_CHECKING:
    from arkiv.record.model import Cycle, Person

# Every kind of role, in the order a year page shows them, with how the pages say it.
ROLE_LABELS: dict[str, str] = {
    "ordförande": "juryns ordförande",
    "jurymedlem": "jurymedlem",
    "prisutdelare": "delade ut priset",
    "mottagare": "tog emot priset",
    "uttalande": "uttalade sig",
    "företrädare": "företrädde en deltagare",
    "citerad": "citerad",
}
# How a role that concerns an entrant says so: "delade ut priset till Sundsvalls kommun".
ENTRANT_PHRASES = {"prisutdelare": "delade ut priset till {}", "mottagare": "tog emot priset för {}",
                   "uttalande": "uttalade sig för {}", "företrädare": "företrädde {}"}


@dataclass(frozen=True)
class Role:
    """One person's part in one cycle, with the title and organisation the source gave that year."""

    person: str  # the person's id: the address of their page, "asa-zetterberg"
    name: str  # the name as this source writes it
    kind: str  # a key of ROLE_LABELS
    year: int
    award_name: str
    anchor: str  # the id of the role on the year page
    sources: tuple[str, ...]
    title: str | None = None
    organisation: str | None = None
    entrant: str | None = None  # the entrant the role concerns: the winner for presenter and recipients
    text: str | None = None  # the quoted words
    uncertain: bool = False
    note: str | None = None

    # The role in a word or two: "juryns ordförande", "delade ut priset".
    @property
    def label(self) -> str:
        return ROLE_LABELS[self.kind]

    # The role in a sentence: "delade ut priset till Sundsvalls kommun", "juryns ordförande".
    @property
    def phrase(self) -> str:
        form = ENTRANT_PHRASES.get(self.kind)
        return form.format(self.entrant) if form and self.entrant else self.label


@dataclass(frozen=True)
class PersonNote:
    """What data/people.yaml says about one person."""

    key: str
    name: str | None = None  # the spelling the pages use, when the sources differ
    uncertain: bool = False  # true: the sources do not prove that the mentions are one person
    note: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Individual:
    """A person in the archive: every role they had, newest cycle first."""

    id: str
    name: str
    roles: tuple[Role, ...]
    names: tuple[str, ...] = ()  # every spelling the sources use
    uncertain: bool = False  # the archive cannot prove that the roles belong to one person
    note: str | None = None
    sources: tuple[str, ...] = ()  # sources of the note

    # The person's page, relative to the site root: "personer/asa-zetterberg/".
    @property
    def url(self) -> str:
        return urls.person(self.id)

    # The cycles the person had a role in, newest first.
    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({r.year for r in self.roles}, reverse=True))

    # Surname first, then given names, in Swedish alphabetical order: Zetterberg before Åkesson.
    @property
    def sort_key(self) -> tuple:
        given, surname = split_name(self.name)
        return sort_key_sv(surname), sort_key_sv(given), self.id

    # "Zetterberg, Åsa": the name as the index lists it.
    @property
    def listed_name(self) -> str:
        given, surname = split_name(self.name)
        return f"{surname}, {given}" if given else surname

    # Each role once with its years, newest first, each year with whether the role is uncertain:
    # [("juryns ordförande", ((2023, False),)), ("delade ut priset till Sundsvalls kommun", ((2021, False),))].
    def short_roles(self) -> list[tuple[str, tuple[tuple[int, bool], ...]]]:
        years: dict[str, dict[int, bool]] = {}
        for r in self.roles:
            held = years.setdefault(r.phrase, {})
            held[r.year] = held.get(r.year, True) and r.uncertain
        return [(label, tuple(held.items())) for label, held in years.items()]


# A name as (given names, surname): the surname is the last word, leaving out a party mark such as "(M)".
def split_name(name: str) -> tuple[str, str]:
    words = [w for w in name.split() if not (w.startswith("(") and w.endswith(")"))] or name.split()
    return " ".join(words[:-1]), words[-1]


# The id of the person a mention names: the data's key, or the address of the name.
def person_id(p: Person) -> str:
    return p.key or slug(p.name)


# The address of a person's page, relative to the site root.
def person_url(p: Person) -> str:
    return urls.person(person_id(p))


# Stable ids for repeated roles on a year page: "citat-jorgen-westergren", then "citat-jorgen-westergren-2".
def _numbered(prefix: str, people: list[Person]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for p in people:
        base = f"{prefix}-{slug(p.name)}"
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


# The ids of a cycle's quotes on its year page, in order: one per speaker, numbered when a speaker says more.
def quote_anchors(cycle: Cycle) -> list[str]:
    return _numbered("citat", [q.speaker for q in cycle.quotes])


# The ids of a cycle's statements on its year page, in order.
def statement_anchors(cycle: Cycle) -> list[str]:
    return _numbered("uttalande", [s.speaker for s in cycle.statements])


# The ids of a cycle's representatives on its year page, in order.
def representative_anchors(cycle: Cycle) -> list[str]:
    return _numbered("foretradare", [r.person for r in cycle.representatives])


# The ids of a cycle's prize recipients on its year page, in order.
def recipient_anchors(cycle: Cycle) -> list[str]:
    return _numbered("mottagare", list(cycle.ceremony.received_by)) if cycle.ceremony else []


PRESENTER_ANCHOR = "prisutdelare"


# Every role in one cycle, in the order the year page shows them.
def roles(cycle: Cycle) -> Iterator[Role]:
    # One mention as a role of this cycle, with the title and organisation the source gave.
    def role(p: Person, kind: str, anchor: str, sources, **extra) -> Role:
        return Role(person_id(p), p.name, kind, cycle.year, cycle.award_name, anchor, tuple(sources), p.title,
                    p.organisation, **extra)

    if cycle.jury:
        for member in cycle.jury.members:
            yield role(member, "ordförande" if member.chair else "jurymedlem", member.anchor, cycle.jury.sources,
                       uncertain=member.uncertain, note=member.note)
    cer = cycle.ceremony
    if cer:
        if cer.presenter:
            yield role(cer.presenter, "prisutdelare", PRESENTER_ANCHOR, cer.sources, entrant=cycle.winner.name)
        for p, anchor in zip(cer.received_by, recipient_anchors(cycle), strict=False):
            yield role(p, "mottagare", anchor, cer.sources, entrant=cycle.winner.name)
    for st, anchor in zip(cycle.statements, statement_anchors(cycle), strict=False):
        yield role(st.speaker, "uttalande", anchor, st.sources, entrant=st.entrant.name, text=st.text,
                   uncertain=st.uncertain, note=st.note)
    for rep, anchor in zip(cycle.representatives, representative_anchors(cycle), strict=False):
        yield role(rep.person, "företrädare", anchor, rep.sources, entrant=rep.entrant.name, note=rep.note)
    for q, anchor in zip(cycle.quotes, quote_anchors(cycle), strict=False):
        yield role(q.speaker, "citerad", anchor, q.sources, text=q.text)


# Everyone with a role in the archive, in Swedish alphabetical order by surname.
def index(cycles: tuple[Cycle, ...], notes: dict[str, PersonNote] | None = None) -> tuple[Individual, ...]:
    notes = notes or {}
    found: dict[str, list[Role]] = {}
    for c in sorted(cycles, key=lambda c: -c.year):
        for r in roles(c):
            found.setdefault(r.person, []).append(r)
    out = []
    for pid, rs in found.items():
        note = notes.get(pid)
        spellings = Counter(r.name for r in rs)
        # The data's spelling, else the most used one (the newest on a tie: roles are newest first).
        name = ((note.name if note and note.name else None)
                or max(spellings, key=lambda n: (spellings[n], -_first(rs, n))))
        out.append(Individual(pid, name, tuple(rs), tuple(spellings), note.uncertain if note else False,
                              note.note if note else None, note.sources if note else ()))
    return tuple(sorted(out, key=lambda i: i.sort_key))


# Where a spelling first occurs among a person's roles (newest first): the lower, the newer.
def _first(rs: list[Role], name: str) -> int:
    return next(i for i, r in enumerate(rs) if r.name == name)
