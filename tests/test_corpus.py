"""A corpus of broken data (tests/corpus/): each case must stop `arkiv check` and `mkdocs build` with a located, Swedish message.

Each case folder holds only the files that differ from the real data/, plus expected.yaml:

    file: data/cycles/2023.yaml     the file the first-named problem is in
    line: 42                        its line
    field: jury.members[2].name     the field as printed, or (filen) for the whole file
    phrase: står två gånger         a fragment of the Swedish message
    remove: [data/sources.yaml]     optional: files to delete from the copy
    pad_to_bytes: 614400            optional: pad the overlaid file with comment lines to this size
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.yaml").is_file())
# Cases also run through a real `mkdocs build`: one of each kind of problem, to keep the suite quick.
BUILD_CASES = ["yaml-syntax-colon", "alias-bomb", "bom", "date-february-30", "unknown-field-typo", "misspelt-kommun",
               "unknown-source", "cycle-without-winners-row", "winner-not-in-finalists", "two-chairs", "python-tag",
               "oversize", "notes-in-cycles", "missing-sources-file"]


def expected(name: str) -> dict:
    return yaml.safe_load((CORPUS / name / "expected.yaml").read_text(encoding="utf-8"))


# Lay the case's files over a copy of the project's files in tmp (data/ and whatever else is listed).
def overlay(name: str, tmp: Path) -> dict:
    exp = expected(name)
    case_dir = CORPUS / name
    for path in case_dir.rglob("*"):
        if path.is_file() and path != case_dir / "expected.yaml":
            rel = path.relative_to(case_dir)
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            if exp.get("pad_to_bytes"):
                with target.open("ab") as f:
                    line = b"# " + b"utfyllnad " * 10 + b"\n"
                    while target.stat().st_size < exp["pad_to_bytes"]:
                        f.write(line * 100)
                        f.flush()
    for rel in exp.get("remove", []):
        (tmp / rel).unlink()
    return exp


def located(exp: dict) -> str:
    return f"{exp['file']}:{exp['line']}:"


def assert_reported(exp: dict, output: str) -> None:
    assert "Traceback" not in output, output
    lines = [ln for ln in output.splitlines() if located(exp) in ln]
    assert lines, f"nothing reported at {located(exp)}:\n{output}"
    hits = [ln for ln in lines if f": {exp['field']}: " in ln and exp["phrase"] in ln]
    assert hits, f"expected field {exp['field']!r} and phrase {exp['phrase']!r} at {located(exp)}:\n{output}"


def test_corpus_is_large_enough():
    assert len(CASES) >= 45
    assert set(BUILD_CASES) <= set(CASES)
    for name in CASES:
        exp = expected(name)
        assert {"file", "line", "field", "phrase"} <= set(exp), name
        assert exp["file"].startswith("data/") and isinstance(exp["line"], int), name


def run_check(name: str, tmp: Path) -> tuple[dict, subprocess.CompletedProcess]:
    shutil.copytree(ROOT / "data", tmp / "data")
    exp = overlay(name, tmp)
    result = subprocess.run([sys.executable, "-m", "arkiv", "check", "--data", str(tmp / "data")],
                            capture_output=True, text=True, timeout=120)
    return exp, result


# Every case's `arkiv check`, run a few at a time: each is its own Python process.
@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("corpus")
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(run_check, name, base / name) for name in CASES}
        return {name: f.result() for name, f in futures.items()}


@pytest.mark.parametrize("name", CASES)
def test_check_reports_case(name, checked):
    exp, result = checked[name]
    assert result.returncode != 0, result.stdout
    assert result.stdout == ""
    assert_reported(exp, result.stderr)
    assert result.stderr.splitlines()[0].endswith("fel i datafilerna:")


# The same cases as GitHub annotations (arkiv check --format github), loaded in this process: quick for all of them.
@pytest.mark.parametrize("name", CASES)
def test_github_annotation_for_case(name, tmp_path, workflow_command):
    from arkiv.tools.github import error_annotations
    from arkiv.errors import DataErrors
    from arkiv.reading.load import load_archive

    shutil.copytree(ROOT / "data", tmp_path / "data")
    exp = overlay(name, tmp_path)
    with pytest.raises(DataErrors) as caught:
        load_archive(tmp_path / "data")
    commands = [workflow_command(line) for line in error_annotations(caught.value.errors)]
    title = "Fel i filen" if exp["field"] == "(filen)" else f"Fel i fältet {exp['field']}"
    where = (exp["file"], str(exp["line"]), title)
    hits = [message for kind, props, message in commands
            if kind == "error" and (props["file"], props["line"], props["title"]) == where
            and exp["phrase"] in message and int(props["col"]) >= 1]
    assert hits, f"no annotation at {exp['file']}:{exp['line']} titled {title!r} with {exp['phrase']!r}:\n{commands}"


@pytest.mark.build
@pytest.mark.parametrize("name", BUILD_CASES)
def test_build_stops_on_case_and_keeps_site(name, tmp_path, project_copy, build):
    exp = overlay(name, project_copy)
    site = tmp_path / "site"
    site.mkdir()
    sentinel = site / "index.html"
    sentinel.write_text("<p>den förra, fungerande sajten</p>", encoding="utf-8")
    before = sentinel.stat().st_mtime_ns
    result = build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert_reported(exp, output)
    assert sentinel.read_text(encoding="utf-8") == "<p>den förra, fungerande sajten</p>"
    assert sentinel.stat().st_mtime_ns == before
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
