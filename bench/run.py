"""Prestandamätning av arkivet: `python3 dev.py bench` (eller `.venv/bin/python bench/run.py [--runs N]`).

Measures, with medians of several runs on this machine:
  1. a full `mkdocs build` of the real archive against a baseline built in the same run: the same pages written out
     as plain Markdown (arkiv.site.pages.all_pages) and built by MkDocs without the hooks, same theme and config
     otherwise;
  2. scaling: synthetic archives of 13, 130 and 1,300 cycles (years 2001, 2003, ...; the synthetic copy of the data
     schema allows years up to 9999, since the real schema stops at 2099);
  3. edit-to-preview: `mkdocs serve --livereload`, /2023/ open in Chromium, data/cycles/2023.yaml edited in a temp copy
     of the project, time until the reloaded page shows the change; after each edit, a full `mkdocs build --strict`
     of the same copy, so that the preview is weighed against a full build in the same run (budget: at most half);
  4. page weight: bytes Chromium transfers for a cold load of /2023/ from a gzip-serving server (the search index is
     not among them: it is fetched when a visitor opens the search), and the search index against its budget (45 KB
     gzip); /kommuner/ with its map against its budget and every municipality page against
     bench/baseline-weights.json; the time from focus on the search field to a ready index (the first results for a
     query typed at once) on a cold cache;
  5. Lighthouse (mobile) performance and accessibility on /, /kommuner/, /kommuner/varmdo/ and /statistik/.
Prints a Markdown table and writes it to bench/results/latest.md. `--only preview` (or build, scale, weight,
lighthouse; several allowed) runs only those parts.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

import lighthouse
import weights as page_weights
from arkiv.site.search import index_budget
from arkiv.text import format_number
from common import CHROMIUM_ARGS, ENV, MKDOCS, GzipHandler, build, timed_build

ROOT = Path(__file__).resolve().parents[1]
PREVIEW_BUDGET = 0.5  # edit-to-preview under serve, at most this share of a full strict build in the same run
PARTS = ("build", "scale", "preview", "weight", "lighthouse")
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks", "data", "src"]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} kärnor ({cpu}), Python {platform.python_version()}, {system}"


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    return dest


# The processor seconds a running process has used so far (user and system), from /proc.
def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def median_build(config: Path, runs: int, strict: bool = True) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        build(config, Path(tmp) / "warm", strict)  # warm the file cache and Python's bytecode once
        return statistics.median(build(config, Path(tmp) / f"s{i}", strict) for i in range(runs))


# --- 1. the real archive against plain Markdown --------------------------------------------------------------------

def baseline_project(dest: Path) -> Path:
    """The archive's pages pre-rendered as Markdown files, built without hooks (same theme, overrides and CSS)."""
    sys.path.insert(0, str(ROOT / "src"))
    from arkiv.reading.load import load_archive
    from arkiv.site import pages

    archive = load_archive(ROOT / "data")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    site = pages.Site(url=config.get("site_url", ""), repo=(config.get("repo_url") or "").rstrip("/"))
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    for page in pages.all_pages(archive, site):
        out = dest / "docs" / page.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page.markdown, encoding="utf-8")
    config.pop("watch", None)
    config["hooks"] = [str(Path(__file__).resolve().parent / "baseline_hook.py")]  # the theme's globals, no pages
    config["nav"] = pages.nav(archive)
    config["validation"] = {"nav": {"omitted_files": "ignore"}}  # the pages link to files only the hooks write
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest / "mkdocs.yml"


# --- 2. synthetic archives -------------------------------------------------------------------------------------------

def synthetic_project(dest: Path, cycles: int) -> Path:
    """The project with `cycles` award years 2001, 2003, ...: each a minimal cycle file and a winners row cloned from
    the real ones in turn. The copied schema's year maximum is raised from 2099 to 9999 (only in this temp copy)."""
    copy_project(dest)
    data = dest / "data"
    common = data / "schema" / "common.schema.json"
    schema = json.loads(common.read_text(encoding="utf-8"))

    def raise_year_max(node):
        if isinstance(node, dict):
            if node.get("maximum") == 2099:
                node["maximum"] = 9999
            for v in node.values():
                raise_year_max(v)
        elif isinstance(node, list):
            for v in node:
                raise_year_max(v)

    raise_year_max(schema)
    common.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    real = yaml.safe_load((ROOT / "data" / "winners.yaml").read_text(encoding="utf-8"))
    shutil.rmtree(data / "cycles")
    (data / "cycles").mkdir()
    rows = []
    for i in range(cycles):
        year = 2001 + 2 * i
        row = real[i % len(real)]
        # The loader refuses files over 512 kB: the synthetic rows keep the first 200 characters of the motivation.
        rows.append({**row, "year": year, "motivation": [row["motivation"][0][:200].rsplit(" ", 1)[0] + "."]})
        (data / "cycles" / f"{year}.yaml").write_text(f"year: {year}\n", encoding="utf-8")
    rows.reverse()  # newest first, as in the real file
    rows = json.loads(json.dumps(rows))  # no shared objects, so no YAML anchors (the loader refuses them)
    (data / "winners.yaml").write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (data / "people.yaml").write_text("[]\n", encoding="utf-8")  # the minimal cycles name no one to note
    return dest / "mkdocs.yml"


# --- 3. edit-to-preview ----------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Seconds from each saved edit to the reloaded page, and of a full strict build of the same copy after each edit;
# each as (wall clock, processor seconds of `mkdocs serve` or of the build), the second figure being what a busy
# machine does not change.
def edit_to_preview(browser, runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        serve = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f",
                                  str(project / "mkdocs.yml")], cwd=project, env=ENV,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            path = urlpath(project)
            url = f"http://127.0.0.1:{port}{path}2023/"
            page = browser.new_page()
            deadline = time.time() + 60
            while True:
                try:
                    page.goto(url)
                    if page.locator("h1").count():
                        break
                except Exception:
                    pass
                if time.time() > deadline:
                    raise SystemExit("mkdocs serve svarade inte")
                time.sleep(0.3)
            cycle = project / "data" / "cycles" / "2023.yaml"
            original = cycle.read_text(encoding="utf-8")
            name = "Åsa Zetterberg"
            assert name in original
            times, builds = [], []
            for i in range(runs):
                marker = f"{name} Mätning{i}"
                page.wait_for_timeout(1500)  # let the previous rebuild settle
                start, used = time.perf_counter(), cpu_seconds(serve.pid)
                cycle.write_text(original.replace(name, marker, 1), encoding="utf-8")
                while True:
                    try:
                        if page.evaluate("m => document.body && document.body.innerText.includes(m)", marker):
                            break
                    except Exception:
                        pass  # the page is reloading
                    if time.perf_counter() - start > 30:
                        raise SystemExit("sidan laddades aldrig om")
                    time.sleep(0.01)
                times.append((time.perf_counter() - start, cpu_seconds(serve.pid) - used))
                page.wait_for_timeout(500)  # the serve process is idle again before the full build starts
                builds.append(timed_build(project / "mkdocs.yml", Path(tmp) / f"full{i}"))
            page.close()
            return times, builds
        finally:
            serve.terminate()
            serve.wait(timeout=10)


def urlpath(project: Path) -> str:
    from urllib.parse import urlsplit
    url = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url") or "/"
    return urlsplit(url).path or "/"


# --- 4. page weight --------------------------------------------------------------------------------------------------

def page_weight(browser, site: Path) -> dict:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls, sizes = {}, {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(f"http://127.0.0.1:{server.server_port}/2023/", wait_until="networkidle")
        page.wait_for_timeout(500)
        by_url = {urls.get(k, k): v for k, v in sizes.items()}
        context.close()
    finally:
        server.shutdown()
    index = site / "search" / "search_index.json"
    raw = index.read_bytes()
    in_load = sum(v for u, v in by_url.items() if "search_index.json" in u)
    return {"total": sum(by_url.values()), "requests": len(by_url), "index_in_load": in_load,
            "index_raw": len(raw), "index_gzip": len(gzip.compress(raw, 6))}


# Focus on the search field of a freshly loaded page (cold cache) and a query typed at once, as a visitor does:
# the time until the first results show. The search script fetches the index only now, and the theme sends the
# query as soon as its worker has built the index, so this is the time from opening the search to a ready index.
FOCUS_TO_RESULTS = """async query => {
  const field = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const start = performance.now();
  field.focus();
  field.value = query;
  field.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  await new Promise(done => {
    const check = () => list.querySelector('li > a') ? done() : setTimeout(check, 2);
    check();
  });
  return performance.now() - start;
}"""


# Seconds from focus to the first results, once per fresh browser context (empty cache) on a municipality page.
def search_ready(browser, site: Path, runs: int, path: str = "kommuner/varmdo/") -> list[float]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = []
    try:
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/{path}", wait_until="networkidle")
            page.wait_for_timeout(300)
            out.append(page.evaluate(FOCUS_TO_RESULTS, "falkenberg") / 1000)
            context.close()
    finally:
        server.shutdown()
    return out


# --- report ----------------------------------------------------------------------------------------------------------

def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


# The full build against the same pages as plain Markdown without hooks, alternated so that load from other programs
# on the machine hits both alike.
def report_build(row, tmp: Path, runs: int) -> None:
    base_config = baseline_project(tmp / "baseline")
    build(ROOT / "mkdocs.yml", tmp / "warm-real")
    build(base_config, tmp / "warm-base", strict=False)
    reals, bases = [], []
    for i in range(runs):
        reals.append(build(ROOT / "mkdocs.yml", tmp / f"real{i}"))
        bases.append(build(base_config, tmp / f"base{i}", strict=False))
    real, base = statistics.median(reals), statistics.median(bases)
    row("Bygge, hela arkivet (med hooks)", f"{real:.2f} s")
    row("Bygge, samma sidor som Markdown utan hooks", f"{base:.2f} s")
    row("Kvot arkiv/baslinje", f"{real / base:.2f}×", "≤ 1,15×", real / base <= 1.15)


# Synthetic archives of 13, 130 and 1,300 award years: how the build grows with the archive.
def report_scale(row, tmp: Path, runs: int) -> None:
    scale = {}
    for n in (13, 130, 1300):
        config = synthetic_project(tmp / f"syn{n}", n)
        scale[n] = median_build(config, 3 if n < 1300 else max(1, min(runs, 3)))
        count = format_number(n)
        row(f"Bygge, syntetiskt arkiv med {count} utmärkelseår", f"{scale[n]:.2f} s")
    row("Kvot 130/13 år", f"{scale[130] / scale[13]:.2f}×", "(10× fler år)")
    row("Kvot 1 300/130 år", f"{scale[1300] / scale[130]:.2f}×", "≤ 12×", scale[1300] / scale[130] <= 12)


# From a saved edit to the reloaded page under `mkdocs serve`, against a full strict build of the same copy.
def report_preview(row, browser, runs: int) -> None:
    previews, fulls = edit_to_preview(browser, runs)
    times = [wall for wall, _ in previews]
    med, full = statistics.median(times), statistics.median(wall for wall, _ in fulls)
    row("Från sparad ändring till omladdad sida (mkdocs serve)", f"{med:.2f} s",
        f"< 1,5 s (min {min(times):.2f}, max {max(times):.2f})", med < 1.5)
    row("  fullt strikt bygge av samma kopia, efter varje ändring", f"{full:.2f} s",
        f"(min {min(w for w, _ in fulls):.2f}, max {max(w for w, _ in fulls):.2f})")
    share = med / full
    row("Kvot omladdad sida/fullt bygge", f"{share:.2f}×", "≤ 0,5×", share <= PREVIEW_BUDGET)
    cpu = statistics.median(c for _, c in previews), statistics.median(c for _, c in fulls)
    row("  processortid: mkdocs serve per ändring / fullt bygge", f"{cpu[0]:.2f} s / {cpu[1]:.2f} s",
        f"(kvot {cpu[0] / cpu[1]:.2f}×; oberoende av annan last på maskinen)")


# What a cold load of /2023/ transfers, when the search index is fetched, how soon search answers, the index's size
# against its budget, and the municipality pages' weights (page_weight, search_ready and weights.measure's results).
def report_weight(row, weights: list[dict], watched: dict, opened: list[float]) -> None:
    total = statistics.median(w["total"] for w in weights)
    w = weights[0]
    without = statistics.median(w["total"] - w["index_in_load"] for w in weights)
    row("Överfört vid kall laddning av /2023/ (gzip)", kb(total), f"< 150 KB ({w['requests']} anrop)",
        total < 150 * 1024)
    if w["index_in_load"]:
        row("  varav sökindexet, som temat hämtar direkt", kb(w["index_in_load"]), f"(utan indexet {kb(without)})")
    fetched = "ja" if w["index_in_load"] else "nej"
    row("  sökindexet hämtas med sidan", fetched, "först när sökningen öppnas", not w["index_in_load"])
    row("Från fokus i sökrutan till färdigt index och första träffarna (kall cache)",
        f"{statistics.median(opened):.2f} s",
        f"(min {min(opened):.2f}, max {max(opened):.2f}; /kommuner/varmdo/)")
    budget = index_budget(len(list((ROOT / "data" / "cycles").glob("*.yaml"))))
    row("Sökindex search_index.json", f"{kb(w['index_raw'])} okomprimerat, {kb(w['index_gzip'])} gzip",
        f"≤ {kb(budget)} gzip", w["index_gzip"] <= budget)
    page_weights.report(row, watched)


# The parts that need Chromium: the preview, the page weights and Lighthouse (on one build of the site in tmp).
def report_in_browser(row, tmp: Path, runs: int, parts: set[str]) -> None:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        if "preview" in parts:
            report_preview(row, browser, runs)
        site = tmp / "site"
        if parts & {"weight", "lighthouse"}:
            build(ROOT / "mkdocs.yml", site)
        if "weight" in parts:
            weights = [page_weight(browser, site) for _ in range(3)]
            watched = page_weights.measure(browser, site)  # /kommuner/ and every municipality page
            opened = search_ready(browser, site, max(runs, 5))
        browser.close()
    if "weight" in parts:
        report_weight(row, weights, watched, opened)
    if "lighthouse" in parts:
        lighthouse.report(row, site, min(runs, 3))


# The rows as a Markdown table in bench/results/latest.md, printed too.
def write_table(rows: list[tuple], runs: int) -> None:
    lines = [f"Maskin: {machine()}. Median av {runs} körningar ({time.strftime('%Y-%m-%d')}).", "",
             "| mätning | värde | mål | uppfyllt |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    table = "\n".join(lines) + "\n"
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.md").write_text(table, encoding="utf-8")
    print("\n" + table)
    print(f"Skrev {out / 'latest.md'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="körningar per mätning (median)")
    parser.add_argument("--only", action="append", choices=PARTS, help="bara den här delen (kan upprepas)")
    args = parser.parse_args()
    runs = args.runs
    parts = set(args.only or PARTS)
    rows = []

    def row(what, value, target="", ok=None):
        mark = "" if ok is None else ("ja" if ok else "**nej**")
        rows.append((what, value, target, mark))
        print(f"  {what}: {value} {target} {mark}", flush=True)

    print(f"Maskin: {machine()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if "build" in parts:
            report_build(row, Path(tmp), runs)
        if "scale" in parts:
            report_scale(row, Path(tmp), runs)
        if parts & {"preview", "weight", "lighthouse"}:
            report_in_browser(row, Path(tmp), runs, parts)
    write_table(rows, runs)
    return 0

if __name__ == "__main__":
    sys.exit(main())
