"""The broken-data corpus (tests/corpus.yaml): each case is one small edit to the test archive that must stop
`arkiv check` with a located Swedish message (file, line, field), in the terminal and as a GitHub annotation.

Every case runs in this process through the check command's own function; two cases also run through a real
`mkdocs build --strict`, one for each way the loader stops (a file it cannot read, a rule across files), to prove the
hook's path: the build stops, the message names file, line and field, and the last site is left as it was.
The real command as a subprocess is run end to end in tests/test_cli.py.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
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


def test_corpus_table_is_well_formed():
    names = [case["case"] for case in CASES]
    assert len(names) == len(set(names)), "each case has its own name"
    assert len(CASES) >= 45
    assert set(BUILD_CASES) <= set(names)
    for case in CASES:
        assert set(case) <= {"case", "file", "error", "with", "encoding", *EDITS}, case["case"]
        assert sum(key in case for key in EDITS) == 1, f"{case['case']}: one edit per case"
        assert ("with" in case) == ("replace" in case), case["case"]
        exp = Expected.parse(case["error"])
        assert exp.file.startswith("data/") and exp.line >= 1 and exp.phrase, case["case"]


def test_fixture_archive_passes_check(small_archive, capsys):
    from arkiv.tools.cli import check

    assert check(small_archive) == 0
    out, err = capsys.readouterr()
    assert out == "Datan är i ordning: 3 utmärkelseår, 9 kommuner och 7 källor.\n" and err == ""


# The shapes other tests may count on: keep them when editing the fixture.
def test_fixture_archive_has_its_shapes(small_archive):
    from arkiv.reading.load import load_archive

    archive = load_archive(small_archive)
    by_year = {c.year: c for c in archive.cycles}
    assert list(by_year) == [2023, 2021, 2015]
    assert by_year[2015].award_name == "Sveriges IT-kommun" != by_year[2021].award_name == by_year[2023].award_name
    assert by_year[2015].jury is None and not by_year[2021].jury.complete and by_year[2023].jury.complete
    joint = [e for e in by_year[2023].entrants() if len(e.kommuner) > 1]
    assert [e.name for e in joint] == ["Mora, Orsa och Älvdalens kommuner"] and len(joint[0].kommuner) == 3
    assert len(by_year[2023].rounds) == 2 and by_year[2023].winner.name == "Värmdö kommun"


# Each case through `arkiv check --format github` in this process: the terminal report goes to the log (stderr, the
# same text as without --format, see tests/test_cli.py) and each problem becomes a workflow command on its line.
@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_check_reports_case(case, tmp_path, capsys, workflow_command):
    from arkiv.tools.cli import check

    exp = Expected.parse(case["error"])
    data = broken_archive(case, tmp_path / "data")
    assert check(data, "github") == 1
    out, report = capsys.readouterr()
    assert report.splitlines()[0].endswith("fel i datafilerna:")
    assert report.splitlines()[-1] == "Rätta felen och kör kontrollen igen."
    assert_reported(exp, report)
    commands = [workflow_command(line) for line in out.splitlines()]
    title = "Fel i filen" if exp.field == "(filen)" else f"Fel i fältet {exp.field}"
    hits = [message for kind, props, message in commands
            if kind == "error" and (props["file"], props["line"], props["title"]) == (exp.file, str(exp.line), title)
            and exp.phrase in message and int(props["col"]) >= 1]
    assert hits, f"no annotation at {exp.located} titled {title!r} with {exp.phrase!r}:\n{commands}"


@pytest.mark.build
@pytest.mark.parametrize("name", BUILD_CASES)
def test_build_stops_on_case_and_keeps_site(name, tmp_path, project_copy, build):
    shutil.rmtree(project_copy / "data")
    broken_archive(BY_NAME[name], project_copy / "data")
    site = tmp_path / "site"
    site.mkdir()
    sentinel = site / "index.html"
    sentinel.write_text("<p>den förra, fungerande sajten</p>", encoding="utf-8")
    before = sentinel.stat().st_mtime_ns
    result = build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert_reported(Expected.parse(BY_NAME[name]["error"]), output)
    assert sentinel.read_text(encoding="utf-8") == "<p>den förra, fungerande sajten</p>"
    assert sentinel.stat().st_mtime_ns == before
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
