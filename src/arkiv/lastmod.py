"""När datafilerna senast ändrades, ur git-historiken (eller filens tid om git saknas)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


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
