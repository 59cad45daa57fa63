"""`mkdocs serve` on a copy of the project: a data edit rebuilds, a bad edit keeps the last good site on show."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

MKDOCS = Path(sys.executable).parent / "mkdocs"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


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
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/arkiv/2023/"
    try:
        assert wait_for(lambda: "Slottner" in fetch(url), 60), (tmp_path / "serve.log").read_text()
        yield project, url, tmp_path / "serve.log"
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def test_data_edit_reloads_and_bad_edit_keeps_last_good_site(served):
    project, url, log = served
    cycle = project / "data" / "cycles" / "2023.yaml"
    good = cycle.read_text(encoding="utf-8")

    cycle.write_text(good.replace("Erik Slottner", "Erik Slottner-Testsson"), encoding="utf-8")
    assert wait_for(lambda: "Slottner-Testsson" in fetch(url)), log.read_text()

    cycle.write_text(good + "\nyear: 2023\n", encoding="utf-8")
    assert wait_for(lambda: "fältet year står två gånger" in log.read_text()), log.read_text()
    page = fetch(url)  # answered at once, from the last good build
    assert "Slottner-Testsson" in page
    text = log.read_text()
    assert "data/cycles/2023.yaml:" in text and "senaste fungerande versionen" in text
    assert "Traceback" not in text

    cycle.write_text(good, encoding="utf-8")
    assert wait_for(lambda: "Slottner-Testsson" not in fetch(url) and "Erik Slottner" in fetch(url)), log.read_text()
