"""`mkdocs serve` on a copy of the project with the test archive as its data: a data edit rebuilds only what it changed
(arkiv.building.preview) and shows up in the served page, a bad edit keeps the last good site on show, and a partial
rebuild leaves the same site a full one would. The served pages carry no Content-Security-Policy (arkiv.site.policy),
so MkDocs' injected live reload script runs: an open page in Chromium reloads by itself after an edit. What is edited
(a juror of the newest year, its winner's motivation) is read from the archive."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from arkiv.reading.load import load_archive

ROOT = Path(__file__).resolve().parents[2]

MKDOCS = Path(sys.executable).parent / "mkdocs"
CHROMIUM = Path("/usr/bin/chromium")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
QUICK = "Bygger om det som ändringen i data/ rör."  # logged by arkiv.building.preview before a partial rebuild


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for(predicate, seconds: float = 20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


# The newest year's file and a juror named in no other data file: renamed, the juror's page goes and a new one comes.
def juror_to_rename(project: Path) -> tuple[Path, str, str]:
    archive = load_archive(project / "data")
    newest = archive.cycles[0]
    texts = [f.read_text(encoding="utf-8") for f in (project / "data").rglob("*.yaml")]
    name = next(m.name for m in newest.jury.members if sum(t.count(m.name) for t in texts) == 1)
    person = next(p for p in archive.people if p.name == name)
    return project / "data" / "cycles" / f"{newest.year}.yaml", name, person.url


# The address of the person with this name in the project's data as it is now.
def person_url(project: Path, name: str) -> str:
    return next(p.url for p in load_archive(project / "data").people if p.name == name)


@pytest.fixture
def served(tmp_path, small_project):
    project = small_project
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "-a", f"127.0.0.1:{port}"], cwd=project,
                            stdout=log, stderr=subprocess.STDOUT, env=ENV)
    url = f"http://127.0.0.1:{port}/arkiv/"
    _cycle, name, _page = juror_to_rename(project)
    newest = load_archive(project / "data").cycles[0]
    try:
        assert wait_for(lambda: name in fetch(url + f"{newest.year}/"), 60), (tmp_path / "serve.log").read_text()
        yield project, url, tmp_path / "serve.log"
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


# Opens url in headless Chromium (Debian's, as in tests/browser/), makes the edit once the page has loaded, and waits
# until the open page shows `expected` without anyone reloading it; returns the policy violations it saw. In a thread
# of its own: Playwright's sync API cannot start inside another session's loop, which the browser tier's fixture may
# hold in this worker.
def live_reload(url: str, edit, expected: str) -> list[str]:
    def run() -> list[str]:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
            try:
                tab = browser.new_page()
                tab.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                                    "e => window.__violations.push(e.violatedDirective))")
                tab.goto(url)
                edit()
                tab.wait_for_function("text => document.body.textContent.includes(text)", arg=expected,
                                      timeout=30_000)
                return tab.evaluate("() => window.__violations")
            finally:
                browser.close()

    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `python3 dev.py test` (installs Debian's chromium)"
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


def test_data_edit_reloads_and_bad_edit_keeps_last_good_site(served):
    project, site, log = served
    archive = load_archive(project / "data")
    newest, older = archive.cycles[0], archive.cycles[1]
    cycle, name, old_page = juror_to_rename(project)
    url = site + f"{newest.year}/"
    good = cycle.read_text(encoding="utf-8")

    # The page as served: the live reload script injected, and no policy that would block it (the referrer one stays).
    page = fetch(url)
    assert "livereload(" in page and "Content-Security-Policy" not in page
    assert '<meta name="referrer" content="no-referrer">' in page
    # Live reload: the open page shows the edit without anyone reloading it.
    renamed_to = f"{name}-Testsson"
    renamed = good.replace(name, renamed_to)
    assert live_reload(url, lambda: cycle.write_text(renamed, encoding="utf-8"), renamed_to) == []
    assert wait_for(lambda: renamed_to in fetch(url)), log.read_text()
    text = log.read_text()
    assert QUICK in text and "'dirty' build" not in text, text
    # The renamed person's page is new and the old one gone; the search index has the new name and every other page.
    new_page = person_url(project, renamed_to)
    assert new_page != old_page
    assert renamed_to in fetch(site + new_page)
    assert status(site + old_page) == 404
    index = fetch(site + "search/search_index.json")
    pages = {doc["location"].split("#")[0] for doc in json.loads(index)["docs"]}
    assert renamed_to in index and old_page not in pages
    winner = newest.winner.kommuner[0]
    assert {"", f"{older.year}/", "tillganglighet/", f"kommuner/{winner.slug}/", new_page} <= pages

    cycle.write_text(good + f"\nyear: {newest.year}\n", encoding="utf-8")
    assert wait_for(lambda: "fältet year står två gånger" in log.read_text()), log.read_text()
    page = fetch(url)  # answered at once, from the last good build
    assert renamed_to in page
    text = log.read_text()
    assert f"data/cycles/{newest.year}.yaml:" in text and "senaste fungerande versionen" in text
    assert "Traceback" not in text

    cycle.write_text(good, encoding="utf-8")
    assert wait_for(lambda: renamed_to not in fetch(url) and name in fetch(url)), log.read_text()
    assert status(site + old_page) == 200 and status(site + new_page) == 404


# What `mkdocs serve` does, in one process: its first build, the hooks' on_serve, then the rebuild the server runs for
# each saved file (here: after each edit, applied in turn). Prints how each rebuild went.
SERVE = """
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site_dir, edits = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
url = "http://127.0.0.1:8000/arkiv/"

def get_config():
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site_dir)
    config.site_url = url
    return config

def builder(config=None):
    build(config or get_config(), serve_url=url, dirty=False)

config = get_config()
config.plugins.on_startup(command="serve", dirty=False)
builder(config)
server = type("Server", (), {"builder": staticmethod(builder)})()
server = config.plugins.on_serve(server, config=config, builder=builder)
for path, old, new in edits:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new), encoding="utf-8")
    server.builder()
    print("REBUILT", path, flush=True)
config.plugins.on_shutdown()
"""


def serve_in_process(project: Path, site: Path, edits: list[tuple[str, str, str]]) -> str:
    result = subprocess.run([sys.executable, "-c", SERVE, str(project), str(site), json.dumps(edits)],
                            capture_output=True, text=True, env=ENV, cwd=project, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_partial_rebuilds_leave_the_site_a_full_build_would(tmp_path, small_project):
    project = small_project
    cycle, name, _page = juror_to_rename(project)
    newest = load_archive(project / "data").cycles[0]
    in_cycle = cycle.relative_to(project).as_posix()
    motivation = newest.motivation[0]
    year = f"\nyear: {newest.year}\n"
    assert motivation in (project / "data" / "winners.yaml").read_text(encoding="utf-8")
    edits = [
        (in_cycle, name, f"{name}-Testsson"),  # renamed: one page comes, one goes
        ("data/winners.yaml", motivation, f"{motivation} Tillagt."),  # the winner's motivation
        # outside data/: MkDocs' full rebuild
        ("docs/tillganglighet.md", "# Tillgänglighetsredogörelse", "# Tillgänglighetsredogörelse för arkivet"),
        (in_cycle, f"{name}-Testsson", f"{name}-Testsdottir"),
        (in_cycle, year, year + year.lstrip("\n")),  # bad data: the last good site stays
        (in_cycle, year + year.lstrip("\n"), year),
    ]
    log = serve_in_process(project, tmp_path / "served", edits)
    assert log.count(QUICK) == 5 and "senaste fungerande versionen" in log, log
    assert "'dirty' build" not in log, log
    serve_in_process(project, tmp_path / "fresh", [])  # the first build of `mkdocs serve`, on the edited data
    served, fresh = tree(tmp_path / "served"), tree(tmp_path / "fresh")
    assert sorted(served) == sorted(fresh)
    assert [path for path in fresh if served[path] != fresh[path]] == []
