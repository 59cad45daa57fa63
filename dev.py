#!/usr/bin/env python3
"""Projektets enda ingång: sätter upp miljön själv och kör det du ber om.

    python3 dev.py serve    bygg och visa sajten på http://127.0.0.1:8000/ med automatisk omladdning
    python3 dev.py test     kör ruff, mypy, zizmor och hela testsviten (installerar Chromium och Java vid behov)
    python3 dev.py test --fast   den snabba slingan medan du arbetar: enhetstesterna och felkorpusen, utan
                            bygge, webbläsare eller apt (under en halv minut)
    python3 dev.py test --growth N   prova N odlade arkiv (frö 1 till N) som en pull request med nästa år
    python3 dev.py build    bygg sajten till site/ (strikt); --offline: en mapp som öppnas direkt från filsystemet
    python3 dev.py check    kontrollera datafilerna
    python3 dev.py bench    kör prestandamätningen (bench/)

Needs only Python 3.11+ and git. Creates .tools/ (uv) and .venv/ (the locked packages from uv.lock).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
VENV = ROOT / ".venv"
UV_VERSION = "0.13.9"
BIN = "Scripts" if os.name == "nt" else "bin"
STOP_GRACE = 5.0  # seconds a child has to stop after a stop was passed on, before dev.py ends it
FAST_TIER = "tests/unit"  # in-process tests: the package, the rules and the broken-data corpus
GROWTH_TESTS = "tests/browser/test_growth.py"  # archives grown from a seed, checked like a pull request


# Run a command and wait for it. SIGTERM (and SIGINT sent to dev.py alone) is passed on, so stopping dev.py stops
# what it started (mkdocs serve frees its port); a Ctrl-C at the terminal already reaches the child by itself. A child
# still running STOP_GRACE seconds later is ended: `mkdocs serve` never stops on a Ctrl-C that comes after it opened
# its port and before it began to serve (socketserver's shutdown() waits for a loop that never started).
def run(*cmd, check=True, **kw) -> int:
    print("+", " ".join(map(str, cmd)), flush=True)
    with subprocess.Popen([str(c) for c in cmd], cwd=ROOT, **kw) as child:
        def pass_on(signum, _frame):
            if signum != signal.SIGINT or not _from_terminal():
                child.send_signal(signum)
            timer = threading.Timer(STOP_GRACE, _end, args=(child,))
            timer.daemon = True
            timer.start()
        before = {s: signal.signal(s, pass_on) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            code = child.wait()
        finally:
            for s, handler in before.items():
                signal.signal(s, handler)
    if check and code:
        raise subprocess.CalledProcessError(code, cmd)
    return code


# A command started beside the one run in the foreground, its output kept for `report`.
def beside(*cmd) -> subprocess.Popen:
    return subprocess.Popen([str(c) for c in cmd], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


# Waits for a command started `beside`, prints it and what it said, and returns its exit code.
def report(child: subprocess.Popen) -> int:
    out, _ = child.communicate()
    print("+", " ".join(map(str, child.args)), flush=True)
    print(out, end="", flush=True)
    return child.returncode


# Ends a child that did not stop when asked: SIGTERM, then SIGKILL if it still has not stopped.
def _end(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(STOP_GRACE)
        except subprocess.TimeoutExpired:
            child.kill()


# Whether dev.py runs in the terminal's foreground, where a Ctrl-C goes to the child as well.
def _from_terminal() -> bool:
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except OSError:
        return False


# uv in its own small venv, then the project's locked environment in .venv (with the extras test and geo for tests).
def ensure_env(extra_test: bool) -> None:
    uv = TOOLS / BIN / "uv"
    if not uv.exists():
        venv.create(TOOLS, with_pip=True)
        run(TOOLS / BIN / "python", "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_PROJECT_ENVIRONMENT": str(VENV)}
    cmd = [uv, "sync", "--frozen", "--quiet", "--python", sys.executable]
    # --inexact for serve/build/check: keep the test packages if they are there (uv sync removes extras otherwise).
    cmd += ["--extra", "test", "--extra", "geo"] if extra_test else ["--inexact"]
    run(*cmd, env=env)


# Debian's Chromium and a Java runtime for the browser and HTML-validator tiers; installed when missing.
def ensure_system_packages() -> None:
    wanted = []
    if not Path("/usr/bin/chromium").exists():
        wanted.append("chromium")
    if not shutil.which("java"):
        wanted.append("default-jre-headless")
    if not wanted:
        return
    apt = ["apt-get"] if os.geteuid() == 0 else ["sudo", "apt-get"]
    run(*apt, "update", "-qq")
    run(*apt, "install", "-y", "-qq", *wanted,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


# Build into a fresh folder and swap it in only when the build succeeded: site/ is never left half-built.
def build(rest: list[str]) -> int:
    target = ROOT / "site"
    fresh = ROOT / ".site-building"
    shutil.rmtree(fresh, ignore_errors=True)
    # --offline: a site to open from the file system (pages as files, arkiv.building.offline), e.g. the PR preview.
    rest = ["--no-directory-urls" if a == "--offline" else a for a in rest]
    code = run(tool("mkdocs"), "build", "--strict", "--site-dir", fresh, *rest, check=False)
    missing = missing_pages(fresh) if code == 0 else []
    if missing:
        print(f"Bygget saknar sidorna som kroken hooks/archive.py gör av data/ ({', '.join(missing[:3])} …): "
              "generatorn körde inte kroken (mkdocs.yml, hooks:).", file=sys.stderr)
        code = 1
    if code != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print("Bygget misslyckades: site/ är orörd.", file=sys.stderr)
        return code
    old = ROOT / ".site-old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return 0


# The pages the hook makes from data/ that a build must have: the home page, the list of municipalities and each year's
# page. A generator that ignores `hooks:` (as Zensical 0.1 does) builds only the hand-written pages, and exits 0: that
# is no archive. The suite checks its builds with this too (tests/conftest.py).
def missing_pages(site: Path, data: Path | None = None) -> list[str]:
    years = sorted(p.stem for p in ((data or ROOT / "data") / "cycles").glob("*.yaml"))
    wanted = ["index.html", "kommuner/index.html", *(f"{year}/index.html" for year in years)]
    return [page for page in wanted if not (site / page).is_file()] if years else ["data/cycles/*.yaml"]


# How many pytest workers: one more than the cores this process may use. A worker often waits (for a page's frames,
# a server's reload, a child process), and the extra one uses those moments: on 2 cores the suite took 208 s with two
# workers and 188 s with three.
def workers() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return str(cores + 1)


def tool(name: str) -> Path:
    return VENV / BIN / name


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Python keeps each module it compiles (in .venv and the project's __pycache__, both outside git), even where the
    # machine asks it not to: the test suite starts Python some hundred times (builds, the command line, pytest's
    # workers), and each compiled every module again, about a third of a build's time.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    what = argv[0] if argv else "help"
    rest = argv[1:]
    if what == "serve":
        ensure_env(extra_test=False)
        # --livereload: with click > 8.2.1 mkdocs only reloads when asked explicitly (MkDocs issue 4032).
        return run(tool("mkdocs"), "serve", "--livereload", "--dev-addr", "127.0.0.1:8000", *rest, check=False)
    if what == "build":
        ensure_env(extra_test=False)
        return build(rest)
    if what == "check":
        ensure_env(extra_test=False)
        return run(tool("arkiv"), "check", *rest, check=False)
    if what == "test":
        ensure_env(extra_test=True)
        if "--fast" in rest:
            rest.remove("--fast")
            paths = [a for a in rest if not a.startswith("-")]
            return run(tool("pytest"), "-q", *rest, *([] if paths else [FAST_TIER]), check=False)
        ensure_system_packages()
        if any(a.startswith("--growth") for a in rest):  # only the grown archives, shared out over the workers
            return run(tool("pytest"), "-q", "-n", workers(), "--dist", "load", GROWTH_TESTS, *rest, check=False)
        # Every tier on the workers. Each file stays on one worker, so its browser or own build is made once (the
        # archives every file reads are built once per run: tests/conftest.py); the files go out longest first as the
        # last run measured them (pytest's cache, else tests/durations.json; xdist is told not to reorder), and the
        # ten slowest tests are printed. Lint, types and the workflows' audit (a finding fails like lint) run beside
        # them, on one core for a few seconds while the workers start, and report after them.
        checks = [beside(tool("ruff"), "check", "."), beside(tool("mypy")),
                  beside(tool("zizmor"), "--offline", ".github/workflows/")]
        try:
            tests = run(tool("pytest"), *(rest or ["-q", "-n", workers(), "--dist", "loadfile",
                                                   "--no-loadscope-reorder", "--durations=10"]), check=False)
        finally:
            codes = [report(check) for check in checks]
        return next((code for code in codes if code), tests)
    if what == "bench":
        ensure_env(extra_test=True)
        ensure_system_packages()
        return run(tool("python"), "bench/run.py", *rest, check=False)
    print(__doc__)
    return 0 if what in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
