"""The broken-data corpus (tests/corpus.yaml): each case a small edit of the test archive (tests/fixtures/archive/)
and the error it must give, with the file, line and field. Shared by the in-process tier (tests/unit/test_corpus.py)
and the two real builds that prove the hook's path (tests/build/test_broken_data_build.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from archive_fixture import copy_archive

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests" / "corpus.yaml").read_text(encoding="utf-8"))
BY_NAME = {case["case"]: case for case in CASES}
EDITS = ("replace", "append", "write", "remove", "pad_to_bytes")
# One case for each way load_archive stops: a file it cannot read (before any rule runs), and a rule across files.
BUILD_CASES = ["yaml-syntax-colon", "winner-not-in-finalists"]


@dataclass(frozen=True)
class Expected:
    file: str
    line: int
    field: str
    phrase: str

    # 'data/cycles/2023.yaml:18: event.city: står två gånger' -> its parts.
    @classmethod
    def parse(cls, error: str) -> Expected:
        where, field, phrase = error.split(": ", 2)
        file, line = where.rsplit(":", 1)
        return cls(file, int(line), field, phrase)

    @property
    def located(self) -> str:
        return f"{self.file}:{self.line}:"


# Apply a case's edit to the data folder; the text to replace must be there exactly once, so no edit goes missing.
def apply(case: dict, data: Path) -> None:
    path = data / case["file"]
    before = path.read_bytes() if path.exists() else None
    if "replace" in case:
        old = case["replace"].encode("utf-8")
        found = before.count(old) if before is not None else 0
        assert found == 1, f"{case['case']}: {case['replace']!r} is in {case['file']} {found} times, not once"
        path.write_bytes(before.replace(old, case["with"].encode(case.get("encoding", "utf-8"))))
    elif "append" in case:
        path.write_bytes(before + case["append"].encode("utf-8"))
    elif "write" in case:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case["write"].encode("utf-8"))
    elif case.get("remove"):
        path.unlink()
    if case.get("pad_to_bytes"):
        with path.open("ab") as f:
            line = b"# " + b"utfyllnad " * 10 + b"\n"
            while f.tell() < case["pad_to_bytes"]:
                f.write(line * 100)
    after = path.read_bytes() if path.exists() else None
    assert after != before, f"{case['case']}: the edit changed nothing in {case['file']}"


# A fresh copy of the test archive at dest with the case's edit applied.
def broken_archive(case: dict, dest: Path) -> Path:
    apply(case, copy_archive(dest))
    return dest


def assert_reported(exp: Expected, output: str) -> None:
    assert "Traceback" not in output, output
    lines = [ln for ln in output.splitlines() if exp.located in ln]
    assert lines, f"nothing reported at {exp.located}\n{output}"
    hits = [ln for ln in lines if f": {exp.field}: " in ln and exp.phrase in ln]
    assert hits, f"expected field {exp.field!r} and phrase {exp.phrase!r} at {exp.located}\n{output}"
