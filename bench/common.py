"""Shared by the benchmark's parts (run.py, weights.py, lighthouse.py): the strict build and the gzip server.

Each part imports from here and none from another part, so there is no import circle in bench/.
"""

from __future__ import annotations

import gzip
import http.server
import io
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

MKDOCS = Path(sys.executable).parent / "mkdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


# A strict build's wall-clock seconds.
def build(config: Path, site: Path, strict: bool = True) -> float:
    return timed_build(config, site, strict)[0]


# A build's wall-clock seconds and the processor seconds it used (user and system).
def timed_build(config: Path, site: Path, strict: bool = True) -> tuple[float, float]:
    cmd = [str(MKDOCS), "build", "-q", "-f", str(config), "-d", str(site)] + (["--strict"] if strict else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=ENV, cwd=config.parent)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"bygget misslyckades ({config}):\n{result.stdout}{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser asks (as GitHub Pages serves them)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()

        return io.BytesIO(body)

    def log_message(self, *args):
        pass
