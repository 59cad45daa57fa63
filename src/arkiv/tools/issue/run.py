"""`arkiv from-issue FIL`: läser ärendet, prövar svaren och skriver året i data/, eller skriver ingenting och säger
vad som ska ändras."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from arkiv.errors import DataErrors
from arkiv.record.register import Register
from arkiv.tools.issue import form, writing
from arkiv.tools.issue.answers import Context, NewYear, Problem, judge


@dataclass(frozen=True)
class Outcome:
    """What from-issue did: the year and the files it wrote, or the problems (and nothing written)."""

    year: int = 0
    written: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    winner: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


# What the archive already holds that the answers are judged against, and award.yaml's next_fair.
def _context(data_dir: Path) -> tuple[Context, dict | None]:
    award = yaml.safe_load((data_dir / "award.yaml").read_text(encoding="utf-8"))
    years = frozenset(int(p.stem) for p in (data_dir / "cycles").glob("*.yaml") if p.stem.isdigit())
    ctx = Context(Register.from_csv(data_dir / "kommuner.csv"), int(award["founded"]), int(award["interval_years"]),
                  years)
    return ctx, award.get("next_fair")


# Write the year into a copy of the data folder and check the whole archive there; the errors, if any.
def _trial(data_dir: Path, new: NewYear, fair: dict | None) -> tuple[list[str], list[str]]:
    from arkiv.reading.load import load_archive

    with tempfile.TemporaryDirectory(prefix="arkiv-from-issue-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        written = writing.write(copy, new, fair)
        try:
            load_archive(copy)
        except DataErrors as exc:
            return written, [str(e) for e in exc.errors]
        for name in written:
            (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copy / name, data_dir / name)
    return written, []


# Read an issue body and write its year into data_dir, or write nothing and return every problem.
def from_issue(body: str, data_dir: Path, form_file: Path) -> Outcome:
    fields = form.fields(form_file)
    ctx, fair = _context(data_dir)
    judged = judge(form.answers(body, fields), fields, ctx)
    if isinstance(judged, list):
        return Outcome(problems=tuple(str(p) for p in judged))
    fair = fair if fair and fair.get("year") == judged.year else None
    written, errors = _trial(data_dir, judged, fair)
    if errors:
        return Outcome(year=judged.year, problems=tuple(f"Efter att året skrivits: {e}" for e in errors))
    return Outcome(year=judged.year, written=tuple(f"data/{w}" for w in written), winner=judged.winner)


__all__ = ["Outcome", "Problem", "from_issue"]
