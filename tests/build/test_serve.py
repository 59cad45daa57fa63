"""`mkdocs serve` on a copy of the project: a data edit rebuilds only what it changed (arkiv.building.preview) and
shows up in the served page, a bad edit keeps the last good site on show, and a partial rebuild leaves the same site a
full one would. The served pages carry no Content-Security-Policy (arkiv.site.policy), so MkDocs' injected live reload
script runs: an open page in Chromium reloads by itself after an edit."""

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


@pytest.fixture
def served(tmp_path, project_copy):
    project = project_copy
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    proc = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "-a", f"127.0.0.1:{port}"], cwd=project,
                            stdout=log, stderr=subprocess.STDOUT, env=ENV)
    url = f"http://127.0.0.1:{port}/arkiv/"
    try:
        assert wait_for(lambda: "Slottner" in fetch(url + "2023/"), 60), (tmp_path / "serve.log").read_text()
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
    url = site + "2023/"
    cycle = project / "data" / "cycles" / "2023.yaml"
    good = cycle.read_text(encoding="utf-8")

    # The page as served: the live reload script injected, and no policy that would block it (the referrer one stays).
    page = fetch(url)
    assert "livereload(" in page and "Content-Security-Policy" not in page
    assert '<meta name="referrer" content="no-referrer">' in page
    # Live reload: the open page shows the edit without anyone reloading it.
    renamed = good.replace("Erik Slottner", "Erik Slottner-Testsson")
    assert live_reload(url, lambda: cycle.write_text(renamed, encoding="utf-8"), "Slottner-Testsson") == []
    assert wait_for(lambda: "Slottner-Testsson" in fetch(url)), log.read_text()
    text = log.read_text()
    assert QUICK in text and "'dirty' build" not in text, text
    # The renamed person's page is new and the old one gone; the search index has the new name and every other page.
    assert "Slottner-Testsson" in fetch(site + "personer/erik-slottner-testsson/")
    assert status(site + "personer/erik-slottner/") == 404
    index = fetch(site + "search/search_index.json")
    pages = {doc["location"].split("#")[0] for doc in json.loads(index)["docs"]}
    assert "Slottner-Testsson" in index and "personer/erik-slottner/" not in pages
    assert {"", "2021/", "tillganglighet/", "kommuner/varmdo/", "personer/erik-slottner-testsson/"} <= pages

    cycle.write_text(good + "\nyear: 2023\n", encoding="utf-8")
    assert wait_for(lambda: "fältet year står två gånger" in log.read_text()), log.read_text()
    page = fetch(url)  # answered at once, from the last good build
    assert "Slottner-Testsson" in page
    text = log.read_text()
    assert "data/cycles/2023.yaml:" in text and "senaste fungerande versionen" in text
    assert "Traceback" not in text

    cycle.write_text(good, encoding="utf-8")
    assert wait_for(lambda: "Slottner-Testsson" not in fetch(url) and "Erik Slottner" in fetch(url)), log.read_text()
    assert status(site + "personer/erik-slottner/") == 200 and status(site + "personer/erik-slottner-testsson/") == 404


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


def test_partial_rebuilds_leave_the_site_a_full_build_would(tmp_path, project_copy):
    project = project_copy
    edits = [
        ("data/cycles/2023.yaml", "Erik Slottner", "Erik Slottner-Testsson"),  # renamed: one page comes, one goes
        ("data/winners.yaml", "Kalix har visat", "Kalix har tydligt visat"),  # a winner's motivation
        # outside data/: MkDocs' full rebuild
        ("docs/tillganglighet.md", "# Tillgänglighetsredogörelse", "# Tillgänglighetsredogörelse för arkivet"),
        ("data/cycles/2023.yaml", "Slottner-Testsson", "Slottner-Testsdottir"),
        ("data/cycles/2023.yaml", "\nyear: 2023\n", "\nyear: 2023\nyear: 2023\n"),  # bad data: the last good site stays
        ("data/cycles/2023.yaml", "\nyear: 2023\nyear: 2023\n", "\nyear: 2023\n"),
    ]
    log = serve_in_process(project, tmp_path / "served", edits)
    assert log.count(QUICK) == 5 and "senaste fungerande versionen" in log, log
    assert "'dirty' build" not in log, log
    serve_in_process(project, tmp_path / "fresh", [])  # the first build of `mkdocs serve`, on the edited data
    served, fresh = tree(tmp_path / "served"), tree(tmp_path / "fresh")
    assert sorted(served) == sorted(fresh)
    assert [path for path in fresh if served[path] != fresh[path]] == []
