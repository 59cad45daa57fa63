"""En person i arkivet och hens roller: posterna som arkiv.record.people fyller och sidorna läser.

Only the records and how they read are here; who is who is settled in arkiv.record.people, which builds them from the
cycles. The model (Archive.people) holds them, so this module imports neither.
"""

from __future__ import annotations

from dataclasses import dataclass

from arkiv import urls
from arkiv.text import join_and, sv_key

# The roles a person can have in a cycle: the one vocabulary, as the open data writes it (its schema's enum).
CHAIR, JUROR, PRESENTER, RECIPIENT = "ordförande", "jurymedlem", "prisutdelare", "mottagare"
STATEMENT, REPRESENTATIVE, QUOTED = "uttalande", "företrädare", "citerad"
# Every kind of role, in the order a year page shows them, with how the pages say it.
ROLE_LABELS: dict[str, str] = {
    CHAIR: "juryns ordförande",
    JUROR: "jurymedlem",
    PRESENTER: "delade ut priset",
    RECIPIENT: "tog emot priset",
    STATEMENT: "uttalade sig",
    REPRESENTATIVE: "företrädde en deltagare",
    QUOTED: "citerad",
}
# How a role that concerns an entrant says so: "delade ut priset till Sundsvalls kommun".
ENTRANT_PHRASES = {PRESENTER: "delade ut priset till {}", RECIPIENT: "tog emot priset för {}",
                   STATEMENT: "uttalade sig för {}", REPRESENTATIVE: "företrädde {}"}
# What a role means in the open data, where the word alone does not say it.
ROLE_MEANINGS = {CHAIR: "juryns ordförande, som också är jurymedlem", PRESENTER: "delade ut priset",
                 RECIPIENT: "tog emot priset", STATEMENT: "uttalade sig för en deltagare, ordagrant",
                 REPRESENTATIVE: "talade eller agerade för en deltagare enligt källan, utan citat"}


# What the open data's role column and field hold, in one sentence: "Rollen: ordförande (juryns ordförande, …) …".
def roles_explained() -> str:
    words = [f"{k} ({ROLE_MEANINGS[k]})" if k in ROLE_MEANINGS else k for k in ROLE_LABELS]
    return f"Rollen: {join_and(words, 'eller')}."


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
        return sv_key(surname), sv_key(given), self.id

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
