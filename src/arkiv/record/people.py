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

from arkiv import urls
from arkiv.record import persons as kinds
from arkiv.record.marks import marks
from arkiv.record.model import Cycle, Person
from arkiv.record.persons import ROLE_LABELS, Individual, PersonNote, Role, split_name  # noqa: F401 (read as pp.*)
from arkiv.slugs import slug


# The id of the person a mention names: the data's key, or the address of the name.
def person_id(p: Person) -> str:
    return p.key or slug(p.name)


# The address of a person's page, relative to the site root.
def person_url(p: Person) -> str:
    return urls.person(person_id(p))


# Stable ids for repeated roles on a year page: "citat-jorgen-westergren", then "citat-jorgen-westergren-2".
def _numbered(prefix: str, people: list[Person]) -> list[str]:
    return urls.numbered_anchors(prefix, [slug(p.name) for p in people])


# The ids of a cycle's quotes on its year page, in order: one per speaker, numbered when a speaker says more.
def quote_anchors(cycle: Cycle) -> list[str]:
    return _numbered(urls.QUOTE, [q.speaker for q in cycle.quotes])


# The ids of a cycle's statements on its year page, in order.
def statement_anchors(cycle: Cycle) -> list[str]:
    return _numbered(urls.STATEMENT, [s.speaker for s in cycle.statements])


# The ids of a cycle's representatives on its year page, in order.
def representative_anchors(cycle: Cycle) -> list[str]:
    return _numbered(urls.REPRESENTATIVE, [r.person for r in cycle.representatives])


# The ids of a cycle's prize recipients on its year page, in order.
def recipient_anchors(cycle: Cycle) -> list[str]:
    return _numbered(urls.RECIPIENT, list(cycle.ceremony.received_by)) if cycle.ceremony else []


PRESENTER_ANCHOR = urls.PRESENTER_ANCHOR


# Every role in one cycle, in the order the year page shows them.
def roles(cycle: Cycle) -> Iterator[Role]:
    # One mention as a role of this cycle, with the title and organisation the source gave.
    def role(p: Person, kind: str, anchor: str, sources, **extra) -> Role:
        return Role(person_id(p), p.name, kind, cycle.year, cycle.award_name, anchor, tuple(sources), p.title,
                    p.organisation, **extra)

    # A role is uncertain when its fact carries a mark (arkiv.record.marks): a jury the sources disagree on, a
    # disputed presenter, an inferred chair.
    marked = marks(cycle)
    if cycle.jury:
        for member in cycle.jury.members:
            unsure = member.uncertain or "jury" in marked or (member.chair and "ordforande" in marked)
            yield role(member, kinds.CHAIR if member.chair else kinds.JUROR, member.anchor, cycle.jury.sources,
                       uncertain=unsure, note=member.note)
    cer = cycle.ceremony
    if cer:
        if cer.presenter:
            yield role(cer.presenter, kinds.PRESENTER, PRESENTER_ANCHOR, cer.sources, entrant=cycle.winner.name,
                       uncertain="prisutdelare" in marked)
        for p, anchor in zip(cer.received_by, recipient_anchors(cycle), strict=False):
            yield role(p, kinds.RECIPIENT, anchor, cer.sources, entrant=cycle.winner.name)
    for st, anchor in zip(cycle.statements, statement_anchors(cycle), strict=False):
        yield role(st.speaker, kinds.STATEMENT, anchor, st.sources, entrant=st.entrant.name, text=st.text,
                   uncertain=st.uncertain, note=st.note)
    for rep, anchor in zip(cycle.representatives, representative_anchors(cycle), strict=False):
        yield role(rep.person, kinds.REPRESENTATIVE, anchor, rep.sources, entrant=rep.entrant.name, note=rep.note)
    for q, anchor in zip(cycle.quotes, quote_anchors(cycle), strict=False):
        yield role(q.speaker, kinds.QUOTED, anchor, q.sources, text=q.text)


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
