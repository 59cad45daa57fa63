"""Fel i datafilerna, med fil, rad, kolumn, fält och hur man rättar."""

from __future__ import annotations

from dataclasses import dataclass

Path_ = tuple  # a path into a data file: ("jury", "members", 2, "organisation")


# Write a data path the way the error messages show it: jury.members[2].organisation
def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class DataError:
    file: str  # relative to the project, "data/cycles/2023.yaml"
    line: int
    column: int
    path: Path_
    message: str  # what is wrong, in Swedish
    hint: str = ""  # how to fix it

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

    # The text printed to organisers: one line per problem and a count.
    def report(self) -> str:
        n = len(self.errors)
        head = f"{n} fel i datafilerna:" if n != 1 else "1 fel i datafilerna:"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])
