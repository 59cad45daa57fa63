"""Shared fixtures: the real archive and one real `mkdocs build --strict` of the project per test session; the test
archive (tests/fixtures/archive/, see tests/archive_fixture.py) loaded, copied, and built once with SITE_PATCHES."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from real_data import copy_project, dev_module, mkdocs_build

ROOT = Path(__file__).resolve().parents[1]


# The growth tier's options (tests/browser/test_growth.py): how many grown archives, or which seeds.
def pytest_addoption(parser):
    parser.addoption("--growth", type=int, metavar="N", help="prova N odlade arkiv (frön 1 till N)")
    parser.addoption("--growth-seed", type=int, action="append", metavar="FRÖ",
                     help="prova det odlade arkivet med fröet (kan upprepas)")


# --- How `dev.py test` shares the suite between its workers (--dist loadfile) -----------------------------------------
# Each file runs on one worker, so its costly fixture (a build, a browser pass) is made once per worker; the whole-site
# pass is three files (tests/browser/page_audit.py). The files go out longest first, as the last whole run measured
# them (tests/durations.json; dev.py tells xdist not to reorder them), so the workers end together instead of one
# waiting on the last long file.
DURATIONS = ROOT / "tests" / "durations.json"  # the times a whole run measured, committed: the order of a new clone
CACHE_KEY = "arkiv/durations"  # the times of this clone's last whole run, in pytest's cache (.pytest_cache, not in git)
_spent: dict[str, float] = {}  # file -> seconds this run (setup, call and teardown of its tests)


# The files' measured times: this clone's last whole run if there was one, else the committed ones.
def measured_durations(config) -> dict[str, float]:
    cached = config.cache.get(CACHE_KEY, None) if getattr(config, "cache", None) is not None else None
    if cached:
        return cached
    return json.loads(DURATIONS.read_text(encoding="utf-8")) if DURATIONS.exists() else {}


def pytest_collection_modifyitems(config, items):
    measured = measured_durations(config)
    items.sort(key=lambda item: -measured.get(item.nodeid.split("::")[0], 0.0))  # stable: a file keeps its order


# Each test's time, added to its file's (on the controller: the reports of both workers).
def pytest_runtest_logreport(report):
    file = report.nodeid.split("::")[0]
    _spent[file] = _spent.get(file, 0.0) + report.duration


# The files' times kept for the next run, in pytest's cache (a run never changes a file in git), when one is new or
# moved by more than a third and five seconds (times on a shared machine vary). Only by the controller of a run on
# workers (`dev.py test`), whose times are the ones that order the files. To make them the order of a new clone:
# `cp .pytest_cache/v/arkiv/durations tests/durations.json` and commit.
def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None) or not _spent:
        return
    if config.getoption("growth") or config.getoption("growth_seed") or getattr(config, "cache", None) is None:
        return  # the growth tier's many archives are not what test_growth.py costs in `dev.py test`
    before = measured_durations(config)
    after = {f: s for f, s in before.items() if (ROOT / f).exists()}  # a removed file goes
    for file, spent in _spent.items():
        known = after.get(file)
        if known is None or abs(spent - known) > max(5.0, known / 3):
            after[file] = round(spent, 1)
    config.cache.set(CACHE_KEY, dict(sorted(after.items(), key=lambda kv: -kv[1])))


# A folder made once for the whole run by whichever worker asks first (make(folder) fills it); the other worker waits
# for it and reads the same folder. Under xdist the workers' temporary folders share the run's folder.
def made_once(tmp_path_factory, name: str, make) -> Path:
    from filelock import FileLock
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, made = root / name, root / f"{name}.made"
    with FileLock(str(root / f"{name}.lock")):
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project to break or edit; the real one is never touched."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def small_project(tmp_path) -> Path:
    """A throw-away copy of the project with the test archive (tests/fixtures/archive/) as its data: to edit and build
    where a test needs a whole project but not the record (a build of it takes half the time of the real one)."""
    from archive_fixture import copy_archive
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    copy_archive(project / "data")
    return project


@pytest.fixture(scope="session")
def build():
    """`mkdocs build --strict` of a project folder into a site folder, as a function: build(project, site_dir)."""
    return mkdocs_build


@pytest.fixture
def small_archive(tmp_path) -> Path:
    """A fresh copy of the small test archive (tests/fixtures/archive/, see tests/archive_fixture.py) as tmp/data."""
    from archive_fixture import copy_archive
    return copy_archive(tmp_path / "data")


@pytest.fixture(scope="session")
def fixture_archive(tmp_path_factory):
    """The test archive (tests/fixtures/archive/) as it is committed, loaded once: read it, never edit it."""
    from archive_fixture import copy_archive
    from arkiv.reading.load import load_archive
    return load_archive(copy_archive(tmp_path_factory.mktemp("fixture") / "data"))


@pytest.fixture(scope="session")
def archive():
    from arkiv.reading.load import load_archive
    from real_data import DATA
    return load_archive(DATA)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project built, once per run; with ARKIV_TEST_DATA (tests/real_data.py), a copy of it with that data folder.
    Read it, never edit it: every test of the run shares it."""
    from real_data import DATA, project_with

    def make(folder: Path) -> None:
        project = ROOT if DATA == ROOT / "data" else project_with(DATA, folder / "project")
        result = mkdocs_build(project, folder / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        assert not dev_module().missing_pages(folder / "site", DATA), "the build has no pages from the hook"
    return made_once(tmp_path_factory, "built", make) / "site"


# Read a workflow command line back the way the GitHub Actions runner does: (command, properties, message), unescaped.
def read_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    assert line.startswith("::"), line
    head, sep, message = line[2:].partition("::")
    assert sep, f"no '::' after the command: {line}"
    name, _, props = head.partition(" ")
    properties = {}
    for pair in filter(None, props.split(",")):
        key, eq, value = pair.partition("=")
        assert eq, f"property without '=': {pair!r} in {line}"
        properties[key] = _unescape(value, ("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","))
    return name, properties, _unescape(message, ("%0D", "\r"), ("%0A", "\n"))


# The runner's unescaping: the special characters first, %25 last, so "%250A" reads back as the text "%0A".
def _unescape(text: str, *pairs: tuple[str, str]) -> str:
    for code, char in pairs:
        text = text.replace(code, char)
    return text.replace("%25", "%")


@pytest.fixture(scope="session")
def workflow_command():
    """Parse one workflow command line (::error file=…::message) as the Actions runner does."""
    return read_workflow_command


def _fill(text: str, names=("Anna Andersson", "Bo Berg", "Cecilia Ceder"),
          kommuner=("Värmdö kommun", "Nacka kommun", "Värmdö kommun"), source: str = "seed-vinnare") -> str:
    year = re.search(r"(?m)^year: (\d{4})$", text).group(1)
    people, places = iter(names), iter(kommuner)
    dates = iter([f"{year}-05-10", f"{year}-11-20"])
    out = []
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            line = re.sub(r"<förnamn efternamn>", lambda _: next(people), line)
            line = re.sub(r"<kommun>", lambda _: next(places), line)
            line = re.sub(rf"{year}-MM-DD", lambda _: next(dates), line)
            line = line.replace("<källa>", source).replace("<titel>", "generaldirektör")
            line = line.replace("<organisation>", "SKR").replace("<stad>", "Göteborg")
        out.append(line)
    return "".join(out)


@pytest.fixture(scope="session")
def fill():
    """Fill in every placeholder of `arkiv new-cycle`'s template for any year outside comments, as an organiser would:
    dates on 10 May and 20 November of the file's year; the people, municipalities and source can be given."""
    return _fill


# --- The test archive, built, with the shapes a year page's summary and structured data must handle -----------------
# tests/fixtures/archive as it is (a year under the first name with an unknown jury and no ceremony: 2015; a joint
# entrant: 2023), and in 2021 a joint winner in a last round larger than the names known, an uncertain entrant, an
# uncertain chair, an inferred ceremony date, a venue with an ampersand and no city, an occasion and a presenter; in
# 2023 a first round of 5–10 with four named.
SITE_PATCHES = {
    # A first round the sources give only as a range (5–10), of which the archive names four.
    "cycles/2023.yaml": [('    date: "2023-05-10"\n', '    date: "2023-05-10"\n    size_range: {min: 5, max: 10}\n')],
    "winners.yaml": [("  winner: Sundsvalls kommun\n", """\
  winner:
    name: Mora, Orsa och Älvdalens kommuner
    kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
""")],
    "cycles/2021.yaml": [
        ("      - Sundsvalls kommun\n      - Kungsbacka kommun\n", """\
      - name: Mora, Orsa och Älvdalens kommuner
        kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
      - name: Kungsbacka kommun
        uncertain: true
"""),
        ("      organisation: Exempelbyrån\n",
         "      organisation: Exempelbyrån\n      chair: true\n      uncertain: true\n"),
        ("      organisation: Sundsvalls kommun\n", "      organisation: Mora kommun\n"),
        ('  date: "2022-02-01"\n  city: Göteborg\n', """\
  date: "2022-02-01"
  uncertain: true
  occasion: Exempelgalan
  venue: Mässan & Co
  presenter:
    name: Dora Prisutdelare
    title: minister
"""),
    ],
}


@pytest.fixture(scope="session")
def small_site(tmp_path_factory):
    """The test archive with SITE_PATCHES, built once per run: (site folder, the archive as loaded). The project is
    beside the site (site/../project). Read them, never edit them: every test of the run shares them."""
    from archive_fixture import copy_archive
    from arkiv.reading.load import load_archive

    def make(base: Path) -> None:
        project = copy_project(base / "project")
        shutil.rmtree(project / "data")
        data = copy_archive(project / "data")
        for name, edits in SITE_PATCHES.items():
            text = (data / name).read_text(encoding="utf-8")
            for old, new in edits:
                assert text.count(old) == 1, (name, old)
                text = text.replace(old, new)
            (data / name).write_text(text, encoding="utf-8")
        result = mkdocs_build(project, base / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        assert not dev_module().missing_pages(base / "site", data), "the build has no pages from the hook"
    base = made_once(tmp_path_factory, "small", make)
    return base / "site", load_archive(base / "project" / "data")

