"""Fel i datafilerna, med fil, rad, kolumn, fält och hur man rättar."""

from __future__ import annotations

from dataclasses import dataclass

Path_ = tuple  # a path into a data file: ("jury", "members", 2, "organisation")


# What one item of each list is called in the messages, counted from 1 as a person counts: "jury, ledamot 8".
ITEM_NOUNS = {
    "members": "ledamot", "rounds": "omgång", "entrants": "deltagare", "timeline": "händelse", "sources": "källa",
    "motivation": "stycke", "facts": "uppgift", "quotes": "citat", "statements": "uttalande",
    "representatives": "företrädare", "claims": "påstående", "conflicts": "motsägelse", "history": "uppgift",
    "names": "namn", "benefits": "förmån", "publications": "skrift", "partners": "samarbete", "steps": "steg",
    "received_by": "mottagare", "kommuner": "kommun", "entry_questions": "fråga", "contributors": "medverkande",
    "organisations": "organisation", "formerly": "tidigare id", "gaps": "lucka", "organisers": "arrangör",
}


# Write a data path the way the error messages show it: ("jury", "members", 7, "name") -> "jury, ledamot 8, name";
# a row of a file that is a list is a "post": (0, "winner") -> "post 1, winner".
def format_path(path: Path_) -> str:
    groups: list[str] = []
    keys: list[str] = []
    for part in path:
        if not isinstance(part, int):
            keys.append(str(part))
            continue
        key = keys.pop() if keys else None
        if keys:
            groups.append(".".join(keys))
            keys = []
        groups.append(f"{ITEM_NOUNS.get(key, key)} {part + 1}" if key else f"post {part + 1}")
    if keys:
        groups.append(".".join(keys))
    return ", ".join(groups)


@dataclass(frozen=True)
class DataError:
    file: str  # relative to the project, "data/cycles/2023.yaml"
    line: int
    column: int
    path: Path_
    message: str  # what is wrong, in Swedish
    hint: str = ""  # how to fix it
    unread: bool = False  # the file could not be read at all: what it holds is checked once this is fixed

    # The field as organisers see it: jury.members[2].name, or (filen) when the whole file is wrong.
    @property
    def field(self) -> str:
        return format_path(self.path) or "(filen)"

    # What is wrong and how to fix it, without the location.
    @property
    def explanation(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.explanation}"


class DataErrors(Exception):
    """Every problem found in one run, sorted by file and line."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line, e.column, e.message))
        super().__init__(self.report())

    # Whether a file could not be read at all, so that more errors may show once it is fixed.
    @property
    def unread(self) -> bool:
        return any(e.unread for e in self.errors)

    # The text printed to organisers: one line per problem and a count.
    def report(self) -> str:
        n = len(self.errors)
        head = f"{n} fel i datafilerna:" if n != 1 else "1 fel i datafilerna:"
        unread = sorted({e.file for e in self.errors if e.unread})
        after = ([f"{', '.join(unread)} kunde inte läsas, så innehållet där är inte kontrollerat: när felet är rättat "
                  "kan fler fel visas där."] if unread else [])
        return "\n".join([head, *(f"  {e}" for e in self.errors), *after])
