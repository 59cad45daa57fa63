"""Läser data/ en gång, validerar allt och bygger arkivet, eller samlar alla fel i ett DataErrors.

Three steps, each in its own module: every file is read and checked against its schema (here, with yamlload and
schema), the rules across fields and files judge what was read (rules), and only then is the model built (build).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from arkiv.errors import DataError, DataErrors
from arkiv.reading import build, lenient, rules
from arkiv.reading.files import Files
from arkiv.reading.schema import validate
from arkiv.reading.yamlload import Loaded, load_yaml
from arkiv.record import model as m
from arkiv.record.register import Register

CYCLE_FILE = re.compile(r"^(\d{4})\.yaml$")


@dataclass(frozen=True)
class Layout:
    """Where the data lives, and how file names are shown in messages."""

    data_dir: Path
    shown_as: str = "data"  # prefix used in messages: data/cycles/2023.yaml

    @property
    def schema_dir(self) -> Path:
        return self.data_dir / "schema"

    def show(self, path: Path) -> str:
        return f"{self.shown_as}/{path.relative_to(self.data_dir).as_posix()}"


@dataclass
class Seen:
    """The files that read as YAML, and those of them that broke their schema: what the lenient rules may judge."""

    parsed: list[Loaded] = field(default_factory=list)
    partial: list[Loaded] = field(default_factory=list)


# Load the whole archive, or raise DataErrors listing every problem in every file.
def load_archive(data_dir: Path, shown_as: str = "data") -> m.Archive:
    layout = Layout(Path(data_dir), shown_as)
    errors: list[DataError] = []
    seen = Seen()
    register = Register.from_csv(layout.data_dir / "kommuner.csv")
    files = _read_all(layout, errors, seen, register)
    if files is None:
        sources = next((f for f in seen.parsed if f.file == layout.show(layout.data_dir / "sources.yaml")), None)
        errors += lenient.judge(seen.parsed, lenient.source_ids(sources), register)
        raise DataErrors(errors)
    errors += lenient.judge(seen.partial, files.source_ids, register)
    errors += rules.judge(files)
    if errors:
        raise DataErrors(errors)
    archive = build.archive(files)
    errors += rules.judge_archive(archive, files)
    if errors:
        raise DataErrors(errors)
    return archive


# Every data file, read and checked against its schema; None when one the archive cannot do without failed.
def _read_all(layout: Layout, errors: list[DataError], seen: Seen, register: Register) -> Files | None:
    award = _read(layout, layout.data_dir / "award.yaml", "award.schema.json", errors, seen)
    sources = _read(layout, layout.data_dir / "sources.yaml", "sources.schema.json", errors, seen)
    winners = _read(layout, layout.data_dir / "winners.yaml", "winners.schema.json", errors, seen)
    people = _read(layout, layout.data_dir / "people.yaml", "people.schema.json", errors, seen)
    cycles, unreadable = _read_cycles(layout, errors, seen)
    if award is None or sources is None or winners is None or people is None:
        return None
    return Files(register=register, award=award, sources=sources, winners=winners, people=people, cycles=cycles,
                 unreadable=frozenset(unreadable))


# One file, read and checked against its schema and for real dates; None (and its errors) if it cannot be used.
def _read(layout: Layout, path: Path, schema: str, errors: list[DataError], seen: Seen) -> Loaded | None:
    shown = layout.show(path)
    if not path.exists():
        errors.append(DataError(shown, 1, 1, (), "filen saknas.", "Återställ filen från main."))
        return None
    loaded, errs = load_yaml(path.read_bytes(), shown)
    errors.extend(errs)
    if loaded is None:
        return None
    seen.parsed.append(loaded)
    schema_errors = validate(loaded, layout.schema_dir, schema)
    errors.extend(schema_errors)
    if schema_errors:
        seen.partial.append(loaded)
        return None
    errors.extend(rules.real_dates(loaded))
    return loaded


# The files in data/cycles/ by year, and the years whose file exists but cannot be used.
def _read_cycles(layout: Layout, errors: list[DataError], seen: Seen) -> tuple[dict[int, Loaded], set[int]]:
    cycles: dict[int, Loaded] = {}
    unreadable: set[int] = set()
    for path in sorted((layout.data_dir / "cycles").glob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        match = CYCLE_FILE.match(path.name)
        if not match:
            errors.append(DataError(layout.show(path), 1, 1, (), "filnamnet ska vara året följt av .yaml.",
                                    "Byt namn på filen, till exempel till 2025.yaml."))
            continue
        loaded = _read(layout, path, "cycle.schema.json", errors, seen)
        if loaded is None:
            unreadable.add(int(match.group(1)))
            continue
        year = loaded.data["year"]
        if year != int(match.group(1)):
            errors.append(loaded.error(("year",), f"året {year} stämmer inte med filnamnet {path.name}.",
                                       f"Ändra year till {match.group(1)} eller byt namn på filen till {year}.yaml."))
            unreadable.add(int(match.group(1)))
            continue
        cycles[year] = loaded
    return cycles, unreadable
