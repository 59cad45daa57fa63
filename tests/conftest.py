"""Shared fixtures: the real archive, and one real `mkdocs build --strict` of the project per test session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).parent / "mkdocs"


# Run `mkdocs build --strict` on a project folder into site_dir; returns the finished process.
def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
                          capture_output=True, text=True, env=env, cwd=project, timeout=300)


PROJECT_PARTS = ("mkdocs.yml", "hooks", "docs", "overrides", "data", "src")


# Copy what a build needs (config, hook, pages, theme overrides, data, the package mkdocs.yml watches) into dest.
def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(src, dest / name)
    return dest


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project to break or edit; the real one is never touched."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def build():
    """`mkdocs build --strict` of a project folder into a site folder, as a function: build(project, site_dir)."""
    return mkdocs_build


@pytest.fixture(scope="session")
def archive():
    from arkiv.load import load_archive
    return load_archive(ROOT / "data")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


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


def _fill(text: str) -> str:
    names = iter(["Anna Andersson", "Bo Berg", "Cecilia Ceder"])
    kommuner = iter(["Värmdö kommun", "Nacka kommun", "Värmdö kommun"])
    dates = iter(["2025-05-10", "2025-11-20"])
    out = []
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            line = re.sub(r"<förnamn efternamn>", lambda _: next(names), line)
            line = re.sub(r"<kommun>", lambda _: next(kommuner), line)
            line = re.sub(r"2025-MM-DD", lambda _: next(dates), line)
            line = line.replace("<källa>", "seed-vinnare").replace("<titel>", "generaldirektör")
            line = line.replace("<organisation>", "SKR").replace("<stad>", "Göteborg")
        out.append(line)
    return "".join(out)


@pytest.fixture(scope="session")
def fill():
    """Fill in every placeholder of `arkiv new-cycle`'s template outside comments, as an organiser would."""
    return _fill


# --- A small archive the tests write themselves ---------------------------------------------------------------------
# Three cycles that exercise what the real data may or may not have at a given time: a renaming (2021), a year known
# only by its winner (2019: no jury, no rounds, no ceremony), a joint winner in a last round that the source says was
# larger than the names known, an uncertain entrant, an uncertain chair and an inferred (uncertain) ceremony date
# (2021), and a year with everything (2023). Text with an ampersand reaches the structured data.
SMALL_ARCHIVE = {
    "award.yaml": """\
names:
  - name: Sveriges IT-kommun
    from: 2019
    to: 2019
    sources: [test-lista]
  - name: Sveriges DigitaliseringsKommun
    from: 2021
    sources: [test-lista]
founded: 2019
interval_years: 2
purpose:
  text: Utmärkelsen ges till den kommun som använt digitaliseringen bäst.
  sources: [test-lista]
history:
  - year: 2021
    text: 2021 bytte utmärkelsen namn.
    sources: [test-lista]
""",
    "sources.yaml": """\
- id: test-lista
  title: Vinnarna i testarkivet
  publisher: Testförlaget
  date: "2023-12-01"
- id: test-nyhet
  title: Nyheten om testpriset
  url: https://example.invalid/nyhet
  date: "2021-11-20"
""",
    "people.yaml": "[]\n",
    "winners.yaml": """\
- year: 2023
  winner: Lidingö stad
  motivation: [En stad som gör skillnad för sina invånare varje dag.]
  sources: [test-lista]
- year: 2021
  winner:
    name: Mora, Orsa och Älvdalens kommuner
    kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
  motivation: [Tre kommuner som visat att samarbete bär långt.]
  sources: [test-lista]
- year: 2019
  winner: Kalix kommun
  motivation: [En kommun som gick före när få andra gjorde det.]
  sources: [test-lista]
""",
    "cycles/2019.yaml": "year: 2019\n",
    "cycles/2021.yaml": """\
year: 2021
rounds:
  - label: nominerade
    stage: nominerad
    entrants:
      - name: Mora, Orsa och Älvdalens kommuner
        kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
      - Nacka kommun
      - Värmdö kommun
      - Kalix kommun
    sources: [test-nyhet]
  - label: slutnominerade
    stage: finalist
    size: 4
    entrants:
      - name: Mora, Orsa och Älvdalens kommuner
        kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
      - Nacka kommun
      - name: Värmdö kommun
        uncertain: true
        note: Bara en källa nämner Värmdö.
    sources: [test-nyhet]
jury:
  complete: false
  members:
    - name: Anna Andersson
      title: generaldirektör
      organisation: Testverket
      chair: true
      uncertain: true
    - name: Bo Berg
  sources: [test-nyhet]
ceremony:
  date: "2021-11-16"
  uncertain: true
  occasion: Mässans gala
  venue: Mässan & Co
  presenter:
    name: Cecilia Ceder
    title: minister
  sources: [test-nyhet]
edition:
  number: 2
  quote: för andra gången
  sources: [test-nyhet]
""",
    "cycles/2023.yaml": """\
year: 2023
rounds:
  - label: finalister
    stage: finalist
    entrants: [Nacka kommun, Lidingö stad]
    sources: [test-lista]
jury:
  complete: true
  members:
    - name: Bo Berg
      organisation: Testverket
      chair: true
    - name: Dan Dahl
  sources: [test-lista]
ceremony:
  date: "2023-11-21"
  occasion: Invigningsgalan
  venue: GöteborgsOperan
  city: Göteborg
  presenter:
    name: Erik Ek
    organisation: Testverket
  sources: [test-lista]
""",
}


# Replace a project copy's data with the small archive (the register and schemas stay the project's own).
def write_small_archive(project: Path) -> Path:
    data = project / "data"
    for path in [data / "cycles", *data.glob("*.yaml")]:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    (data / "cycles").mkdir()
    for name, text in SMALL_ARCHIVE.items():
        (data / name).write_text(text, encoding="utf-8")
    return data


@pytest.fixture(scope="session")
def small_site(tmp_path_factory):
    """The small archive, built: (site folder, the archive as loaded)."""
    from arkiv.load import load_archive
    base = tmp_path_factory.mktemp("small")
    project = copy_project(base / "project")
    archive = load_archive(write_small_archive(project))
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site", archive
