"""När datafilerna senast ändrades, ur git-historiken (eller filens tid om git saknas)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from arkiv import urls
from arkiv.record import model as m


# Map each file under data/ (relative to the project, "data/cycles/2023.yaml") to the ISO date it last changed.
def data_lastmod(project_dir: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "data"], cwd=project_dir,
                             capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        log = ""
    for entry in log.split("\x00")[1:]:
        lines = [line for line in entry.splitlines() if line.strip()]
        if not lines:
            continue
        date, files = lines[0], lines[1:]
        for f in files:
            out.setdefault(f, date)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "data"], cwd=project_dir, capture_output=True,
                           text=True).stdout if log else ""
    for path in (project_dir / "data").rglob("*"):
        rel = path.relative_to(project_dir).as_posix()
        if path.is_file() and (rel not in out or rel in dirty):
            out[rel] = dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
    return out


# The data files (relative to the project) a page is built from; None means every file under data/.
def page_files(archive: m.Archive, url: str) -> list[str] | None:
    if re.fullmatch(r"\d{4}/", url):
        return [f"data/cycles/{url[:4]}.yaml", "data/winners.yaml"]
    match = re.fullmatch(re.escape(urls.KOMMUNER) + r"([a-z0-9-]+)/", url)
    if match:
        kommun = next((k for k in archive.kommuner if k.slug == match.group(1)), None)
        if kommun is not None:
            return ["data/winners.yaml"] + [f"data/cycles/{a.year}.yaml" for a in archive.appearances(kommun.code)]
    person = next((p for p in archive.people if p.url == url), None)
    if person is not None:
        return ["data/people.yaml"] + [f"data/cycles/{y}.yaml" for y in person.years]
    return None


# When a page's data last changed (ISO date), from the map lastmod.data_lastmod gives; None if unknown.
def page_lastmod(archive: m.Archive, lastmod: dict[str, str], url: str) -> str | None:
    files = page_files(archive, url)
    dates = [d for f, d in lastmod.items() if f.startswith("data/")] if files is None else \
        [lastmod[f] for f in files if f in lastmod]
    return max(dates) if dates else None
