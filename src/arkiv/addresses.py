"""Adresser som aldrig går sönder: listan över publicerade adresser och hur den hålls aktuell.

addresses.txt in the project root lists every published address (pages, anchors inside pages, downloads) as a path
from the site root, "/2023/#finalist-varmdo-kommun". tests/test_addresses.py fails if one of them is missing from a
build. Addresses are only ever added: after adding pages, build and run

    .venv/bin/python -m arkiv.addresses site addresses.txt

which adds the site's new addresses to the list and keeps every old one.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

# The ids the archive promises: section headings (h2), list items (each entrant, jury member, source), headings,
# figures and definitions with a name of their own (a quote's speaker, the presenter, each recipient), and sections
# (a year's summary, #i-korthet). Not h1 (the page itself) nor numbered ones (omgang-2, process-3,
# citat-jorgen-westergren-2).
ID = re.compile(r'<(h2|h3|li|figure|dd|section)\b[^>]*?\bid="([^"]+)"')
NUMBERED = re.compile(r"-\d+$")
# Pages whose source list follows from other pages (a person's sources are those of their roles): the page and its
# sections are promised, the numbered sources in it are not.
DERIVED_SOURCES = ("/personer/",)
ARTICLE = re.compile(r'<article\b[^>]*>(.*?)</article>', re.S)
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
DOWNLOAD_EXTS = (".json", ".csv", ".xml", ".png")


# Every address a built site publishes: pages ("/2023/"), ids inside their content ("/2023/#jury"), downloads.
def published_addresses(site_dir: Path) -> list[str]:
    out = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel.startswith(("assets/", "search/", "stylesheets/")) or rel == "404.html":
            continue
        if path.name == "index.html":
            page = "/" + rel[: -len("index.html")]
            text = path.read_text(encoding="utf-8")
            out.append(page)
            article = ARTICLE.search(text)
            if article and not REFRESH.search(text):
                ids = [i for tag, i in ID.findall(article.group(1))
                       if tag in ("h2", "li", "section") or not NUMBERED.search(i)]
                if page.startswith(DERIVED_SOURCES):
                    ids = [i for i in ids if not i.startswith("kalla-")]
                out.extend(f"{page}#{html.unescape(i)}" for i in dict.fromkeys(ids))
        elif path.suffix in DOWNLOAD_EXTS and not rel.endswith(".gz"):
            out.append("/" + rel)
    return out


# Read addresses.txt: the addresses, without comments and blank lines.
def read_addresses(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# Whether an address exists in a built site: the file is there, and the id too if the address has one.
def address_exists(site_dir: Path, address: str) -> bool:
    path, _, fragment = address.partition("#")
    target = site_dir / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return False
    return not fragment or f'id="{html.escape(fragment)}"' in target.read_text(encoding="utf-8")


HEADER = """\
# Adresser som arkivet lovar att hålla: varje rad är en adress från sajtens rot (https://…/arkiv/).
# tests/test_addresses.py bygger sajten och misslyckas om någon av dem saknas (sidan, eller id:t i sidan).
# Ta aldrig bort en rad. Byter en sida adress ska den gamla leda vidare (se src/arkiv/redirects.py).
# Nya adresser läggs till med: .venv/bin/python -m arkiv.addresses site addresses.txt (efter ett bygge till site/).
"""


# Add a built site's new addresses to the list; nothing is ever removed. Returns how many were added.
def update_addresses(site_dir: Path, path: Path) -> int:
    old = read_addresses(path)
    known = set(old)
    new = [a for a in published_addresses(site_dir) if a not in known]
    path.write_text(HEADER + "\n".join(old + new) + "\n", encoding="utf-8")
    return len(new)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("användning: python -m arkiv.addresses SITE_DIR addresses.txt")
    added = update_addresses(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{added} nya adresser i {sys.argv[2]}")
