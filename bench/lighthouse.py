"""Lighthouse (mobil) på de sidor kartan, tidslinjen och statistiken finns på: prestanda och tillgänglighet.

Lighthouse 12 runs on the machine's Node 20 (the newest needs Node 22) with Debian's Chromium; it is installed from
npm into .tools/lighthouse/ the first time. Each page is served gzip-compressed (bench/run.py's server) and audited
with Lighthouse's default mobile settings (simulated slow 4G, 4× CPU slowdown); the median of the runs counts.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIX = ROOT / ".tools" / "lighthouse"
CLI = PREFIX / "node_modules" / ".bin" / "lighthouse"
PAGES = ("", "kommuner/", "kommuner/varmdo/", "statistik/")
PERFORMANCE, ACCESSIBILITY = 0.98, 1.0


# Install Lighthouse 12 into .tools/lighthouse/ if it is not there.
def ensure_cli() -> Path:
    if not CLI.exists():
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-fund", "--no-audit", "--prefix", str(PREFIX), "lighthouse@12"],
                       check=True)
    return CLI


# One Lighthouse run of one address: {"performance": 0.99, "accessibility": 1.0}.
def audit(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        subprocess.run([str(ensure_cli()), url, "--quiet", "--only-categories=performance,accessibility",
                        "--chrome-flags=--headless --no-sandbox --disable-gpu", "--output=json",
                        f"--output-path={out}"],
                       check=True, capture_output=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                       timeout=180)
        report = json.loads(out.read_text(encoding="utf-8"))
    return {k: v["score"] for k, v in report["categories"].items()}


# Median scores of each page over `runs` runs, from a built site.
def scores(site: Path, runs: int) -> dict[str, dict[str, float]]:
    from common import GzipHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        out = {}
        for path in PAGES:
            results = [audit(f"http://127.0.0.1:{server.server_port}/{path}") for _ in range(runs)]
            out["/" + path] = {k: statistics.median(r[k] for r in results) for k in results[0]}
        return out
    finally:
        server.shutdown()


# The benchmark's rows: one per page, with both scores against their targets.
def report(row, site: Path, runs: int) -> None:
    for path, s in scores(site, runs).items():
        ok = s["performance"] >= PERFORMANCE and s["accessibility"] >= ACCESSIBILITY
        row(f"Lighthouse (mobil) {path}", f"prestanda {s['performance']:.2f}, tillgänglighet {s['accessibility']:.2f}",
            f"≥ 0,98 och 1,0 (median av {runs})", ok)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from common import build

    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "site"
        build(ROOT / "mkdocs.yml", built)
        runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1
        report(lambda *cells: print("  ".join(str(c) for c in cells)), built, runs)
