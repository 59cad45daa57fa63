"""`python3 dev.py` passes a stop on: SIGTERM (as an editor's task runner or a process manager sends it), or SIGINT
sent to dev.py alone, stops the child it started (`mkdocs serve`, pytest), and serve's port is free afterwards.

Each run serves a one-page MkDocs site on a free port (dev.py passes its arguments on to `mkdocs serve`), so the
test costs a second or two, not a build of the archive.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_until(predicate, seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "dev.py"), *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# The child dev.py started (not uv, which has come and gone by then), once it is running.
def child_of(dev: subprocess.Popen, name: str) -> int:
    def found():
        return [c for c in children(dev.pid) if name in Path(f"/proc/{c}/cmdline").read_bytes().decode()]
    assert wait_until(lambda: bool(found())), f"dev.py never started {name}"
    return found()[0]


def stop(dev: subprocess.Popen, child: int, signum: int) -> None:
    try:
        dev.send_signal(signum)
        dev.wait(timeout=30)
        assert wait_until(lambda: not alive(child), 30), "the child outlived dev.py"
    finally:
        if alive(child):
            os.kill(child, signal.SIGKILL)
        if dev.poll() is None:
            dev.kill()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_serve_stops_mkdocs_and_frees_the_port(tmp_path, signum):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Sida\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Prov\n", encoding="utf-8")
    port = free_port()
    dev = start(["serve", "-f", str(tmp_path / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"])
    child = child_of(dev, "mkdocs")
    assert wait_until(lambda: listening(port)), "mkdocs serve never listened"
    stop(dev, child, signum)
    assert not listening(port), "the port is still held"


def test_stopping_the_tests_stops_pytest(tmp_path):
    slow = tmp_path / "test_slow.py"
    slow.write_text("import time\n\ndef test_slow():\n    time.sleep(120)\n", encoding="utf-8")
    dev = start(["test", "--fast", "-p", "no:cacheprovider", str(slow)])
    child = child_of(dev, "pytest")
    stop(dev, child, signal.SIGTERM)


# A child that does not stop when the stop is passed on (as `mkdocs serve` hangs on a Ctrl-C that comes between opening
# its port and serving) is ended by dev.py a few seconds later; dev.py then stops too.
def test_a_child_that_ignores_the_stop_is_ended(tmp_path):
    ready = tmp_path / "deaf"
    deaf = tmp_path / "test_deaf.py"
    deaf.write_text("import pathlib, signal, time\n\ndef test_deaf():\n"
                    "    signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                    f"    pathlib.Path({str(ready)!r}).touch()\n    time.sleep(120)\n", encoding="utf-8")
    dev = start(["test", "--fast", "-p", "no:cacheprovider", str(deaf)])
    child = child_of(dev, "pytest")
    assert wait_until(ready.exists), "the test never began"
    started = time.monotonic()
    stop(dev, child, signal.SIGINT)
    # It took dev.py's grace (5 s) and then the child was ended, not the SIGINT (which the child ignores).
    assert 4 < time.monotonic() - started < 20
