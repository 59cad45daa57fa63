"""Vilka filer att ladda ner en ändring ger nytt innehåll: vinnare.csv, arkiv.json, feed.xml och de andra, jämförda
mellan två byggen av sajten.

What differs between two builds of the same data does not count: the build's date and the data's last change in
arkiv.json, and the feed's <updated> dates (they come from git, which an exported version has none of).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from arkiv import urls
from arkiv.templating import env
from arkiv.tools.pages_changed import KINDS

UPDATED = re.compile(r"<updated>[^<]*</updated>")
VOLATILE = ("generated", "data_modified")  # arkiv.json's build date and the date the data last changed


# The downloads of a built site by their path from the site's root: the open data files and the feed.
def downloads(site: Path) -> dict[str, Path]:
    found = {p.relative_to(site).as_posix(): p for p in sorted((site / urls.DATA).glob("*"))
             if p.suffix in (".csv", ".json") and p.is_file()}
    if (site / urls.FEED).is_file():
        found[urls.FEED] = site / urls.FEED
    return found


# A download's content without what moves from build to build of the same data.
def content(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.name == urls.FEED:
        return UPDATED.sub("", text)
    if path.suffix == ".json":
        data = json.loads(text)
        if isinstance(data, dict):
            return json.dumps({k: v for k, v in data.items() if k not in VOLATILE}, sort_keys=True)
    return text


# The downloads whose content differs between the base site and this one: (path, kind), new and removed included.
def compare(base: Path, site: Path) -> list[tuple[str, str]]:
    old, new = downloads(base), downloads(site)
    out = []
    for name in old.keys() | new.keys():
        if name not in old:
            out.append((name, "ny"))
        elif name not in new:
            out.append((name, "borttagen"))
        elif content(old[name]) != content(new[name]):
            out.append((name, "ändrad"))
    return sorted(out, key=lambda c: (KINDS.index(c[1]), c[0]))


# The list as Swedish Markdown, beside the pages that change.
def render(base: str, changes: list[tuple[str, str]], compared: int) -> str:
    return env().get_template("downloads_changed.md.j2").render(base=base, changes=changes, compared=compared)
