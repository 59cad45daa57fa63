"""Sidvikter och deras baslinje: vad en sida väger (gzip) och hur mycket den får växa.

A page's weight is measured two ways, both gzip (level 6, as bench/run.py's server and GitHub Pages serve it):
  - "document": the page's own HTML file, compressed; deterministic, read straight from the built site;
  - "transfer": every byte Chromium receives for a cold load of the page (HTML, theme CSS/JS, search index, images),
    from the gzip-serving server in bench/run.py, median of three loads.
bench/baseline-weights.json holds the weights of /kommuner/ and every municipality page as they were before the map
(issue #11), measured once with

    .venv/bin/python bench/weights.py --write-baseline

The benchmark (bench/run.py) compares today's weights with it: each municipality page may weigh at most 10 % more.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from arkiv import git

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "bench" / "baseline-weights.json"
GROWTH = 0.10  # a municipality page may weigh at most this much more than in the baseline
LOADS = 1  # cold loads per page (median); one is enough: the same files from the same server give the same bytes
MAP_BUDGET = 90 * 1024  # /kommuner/ with its map, gzip


# The pages whose weight the archive watches: the municipality index and every municipality page.
def watched_paths(site: Path) -> list[str]:
    pages = sorted(p.parent.name for p in (site / "kommuner").glob("*/index.html"))
    return ["kommuner/"] + [f"kommuner/{name}/" for name in pages]


# The page's own HTML, gzip-compressed as the server sends it.
def document_weight(site: Path, path: str) -> int:
    return len(gzip.compress((site / path / "index.html").read_bytes(), 6))


# Bytes Chromium receives for one cold load of each page, median of LOADS loads, and the number of requests.
def transfer_weights(browser, site: Path, paths: list[str]) -> dict[str, tuple[int, int]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from common import GzipHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = {}
    try:
        for path in paths:
            loads = [one_cold_load(browser, f"http://127.0.0.1:{server.server_port}/{path}") for _ in range(LOADS)]
            out[path] = (int(statistics.median(t for t, _ in loads)), loads[0][1])
    finally:
        server.shutdown()
    return out


# One load in a fresh browser context (empty cache): total encoded bytes and request count.
def one_cold_load(browser, url: str) -> tuple[int, int]:
    context = browser.new_context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict = {}
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(300)
        return sum(sizes.values()), len(sizes)
    finally:
        context.close()


# The map's own file beside /kommuner/ (the land it shows with <use>), gzip; 0 before there was one.
def map_file_weight(site: Path) -> int:
    land = site / "kommuner" / "karta.svg"
    return len(gzip.compress(land.read_bytes(), 6)) if land.exists() else 0


# Document and transfer weight of every watched page of a built site; /kommuner/ also its map file.
def measure(browser, site: Path) -> dict[str, dict]:
    paths = watched_paths(site)
    transfers = transfer_weights(browser, site, paths)
    out = {"/" + p: {"document": document_weight(site, p), "transfer": transfers[p][0], "requests": transfers[p][1]}
           for p in paths}
    out["/kommuner/"]["map"] = map_file_weight(site)
    return out


# The recorded baseline: {"/kommuner/varmdo/": {"document": ..., "transfer": ...}, ...}.
def read_baseline() -> dict[str, dict]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))["pages"]


# Each municipality page against the baseline: (path, baseline transfer, now, ratio), worst first.
def compare(now: dict[str, dict], baseline: dict[str, dict],
            key: str = "transfer") -> list[tuple[str, int, int, float]]:
    rows = [(p, baseline[p][key], now[p][key], now[p][key] / baseline[p][key])
            for p in baseline if p != "/kommuner/" and p in now]
    return sorted(rows, key=lambda r: -r[3])


# The benchmark's rows: /kommuner/ with its map against its budget, each municipality page against the baseline.
def report(row, now: dict[str, dict]) -> None:
    base = read_baseline()
    k = now["/kommuner/"]
    together = k["document"] + k["map"]
    row("/kommuner/ med kartan, sidan och kartan (gzip)",
        f"{kb(together)} ({kb(k['document'])} + karta.svg {kb(k['map'])})",
        f"< 90 KB (före kartan {kb(base['/kommuner/']['document'])})", together < MAP_BUDGET)
    row("  /kommuner/ överfört vid kall laddning", kb(k["transfer"]),
        f"(före kartan {kb(base['/kommuner/']['transfer'])})")
    worst = compare(now, base)[0]
    row("Kommunsida, största ökning mot baslinjen (överfört, gzip)", f"{100 * (worst[3] - 1):+.1f} % ({worst[0]})",
        f"≤ +10 % ({kb(worst[1])} → {kb(worst[2])})", all(r[3] <= 1 + GROWTH for r in compare(now, base)))
    doc = compare(now, base, "document")[0]
    row("  kommunsidans eget HTML-dokument (gzip)", f"{100 * (doc[3] - 1):+.1f} % ({doc[0]})",
        f"({kb(doc[1])} → {kb(doc[2])}: lägeskartan ligger i sidan)")


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-baseline", action="store_true", help=f"skriv {BASELINE.relative_to(ROOT)}")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "bench"))
    from common import CHROMIUM_ARGS, build

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(ROOT / "mkdocs.yml", site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            weights = measure(browser, site)
            browser.close()
    for path, w in weights.items():
        print(f"{path}: dokument {w['document']} B, överfört {w['transfer']} B ({w['requests']} anrop)")
    if BASELINE.exists() and not args.write_baseline:
        report(lambda *cells: print("  ".join(str(c) for c in cells)), weights)
    if args.write_baseline:
        commit = git.run(ROOT, "rev-parse", "HEAD").strip()
        record = {"measured": time.strftime("%Y-%m-%d"), "commit": commit,
                  "note": "gzip level 6; document = the page's HTML, transfer = a cold load in Chromium (median of 3)",
                  "pages": weights}
        BASELINE.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Skrev {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
