"""När datafilerna senast ändrades, ur git-historiken (eller filens tid om git saknas)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from arkiv import git, urls
from arkiv.record import model as m


# A file's time as the ISO date it was last written, in local time: 1700000000.0 -> "2023-11-14".
def file_date(mtime: float) -> str:
    return dt.date.fromtimestamp(mtime).isoformat()


# What git says in a folder, or "" when git is missing or the folder is not in a repository (the file times serve).
def _git_or_nothing(cwd: Path, *args: str) -> str:
    try:
        return git.run(cwd, *args)
    except git.GitError:
        return ""


# Map each file under data/ (relative to the project, "data/cycles/2023.yaml") to the ISO date it last changed.
def data_lastmod(project_dir: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    log = _git_or_nothing(project_dir, "log", "--format=%x00%cs", "--name-only", "--", "data")
    for entry in log.split("\x00")[1:]:
        lines = [line for line in entry.splitlines() if line.strip()]
        if not lines:
            continue
        date, files = lines[0], lines[1:]
        for f in files:
            out.setdefault(f, date)
    dirty = _git_or_nothing(project_dir, "status", "--porcelain", "--", "data") if log else ""
    for path in (project_dir / "data").rglob("*"):
        rel = path.relative_to(project_dir).as_posix()
        if path.is_file() and (rel not in out or rel in dirty):
            out[rel] = file_date(path.stat().st_mtime)
    return out


# The data files (relative to the project) a page is built from; None means every file under data/.
def page_files(archive: m.Archive, url: str) -> list[str] | None:
    year, kommun_slug = urls.year_of(url), urls.kommun_of(url)
    if year is not None:
        return [f"data/cycles/{year}.yaml", "data/winners.yaml"]
    if kommun_slug is not None:
        kommun = next((k for k in archive.kommuner if k.slug == kommun_slug), None)
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


# When a hand-written page in docs/ last changed: its last commit, or the file's time if git does not know it or it
# has changes not yet committed.
def docs_lastmod(docs_dir: Path, url: str) -> str | None:
    for candidate in (docs_dir / (url.rstrip("/") + ".md"), docs_dir / url / "index.md"):
        if url and candidate.is_file():
            out = _git_or_nothing(candidate.parent, "log", "-1", "--format=%cs", "--", candidate.name).strip()
            dirty = _git_or_nothing(candidate.parent, "status", "--porcelain", "--", candidate.name).strip() \
                if out else ""
            return out if out and not dirty else file_date(candidate.stat().st_mtime)
    return None
