"""Varje adress sajten publicerar, på ett ställe: sidorna, filerna och ankarna som andra sidor länkar till.

Addresses are relative to the site root, the way MkDocs names pages: "" is the home page, "2023/" a year,
"kommuner/varmdo/" a municipality. Every module and template that links to a page, names a generated file or points
at a section of a year page asks here, so an address is spelt once (and published addresses never change: see
arkiv.publishing.addresses). Headings that nothing links to keep their ids in their own template. Only the standard
library: names are passed in as slugs (arkiv.slugs), so the publishing workflow's ledger job can import this.
"""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

HOME = ""
ABOUT = "om/"
KOMMUNER = "kommuner/"
PERSONER = "personer/"
STATISTIK = "statistik/"
LUCKOR = "luckor/"
DATA = "data/"  # the open data page, and the folder its downloads are published in
PRIVACY = "integritet/"
FEED = "feed.xml"
SHARE_IMAGE = "delning.png"  # a year's share image sits beside its page; the archive's own at the root
LAND_MAP = KOMMUNER + "karta.svg"  # the municipalities outside the archive, drawn once for every map
QUERY_SCRIPT = "javascripts/search-query.js"  # the search script, loaded by the theme before its own bundle
SEARCH_WORKER = "assets/javascripts/workers/arkiv-search.js"  # the search worker the query script starts
FILE_WORKER = "javascripts/file-worker.js"  # the worker frame of a build opened from the file system

# The sections of a year page that other pages, the search index and the open data link to.
SECTIONS = SimpleNamespace(
    summary="i-korthet", winner="vinnare", motivation="motivering", rounds="nominerade", jury="jury",
    ceremony="prisutdelning", prize="pris", timeline="halltider", call="inbjudan", quotes="citat", gaps="luckor",
    sources="kallor", cite="citera", statements="uttalanden", publications="skrifter",
)
# The sections of the page about the award that other pages link to.
ABOUT_SECTIONS = SimpleNamespace(renaming="namnbytet", publisher="utgivare", corrections="rattelser")


# The ids of a year page's people and entrants that other pages and the open data link to.
PRESENTER_ANCHOR = "prisutdelare"  # the one who presented the prize
SOURCE_PREFIX = "kalla-"  # a source in a page's numbered list, "kalla-scb-2023"
# Repeated roles, numbered from the second of one name on: "citat-jorgen-westergren", "citat-jorgen-westergren-2".
QUOTE, STATEMENT, REPRESENTATIVE, RECIPIENT = "citat", "uttalande", "foretradare", "mottagare"


# A year's page: 2023 -> "2023/".
def year(y: int) -> str:
    return f"{y}/"


# A municipality's page by its slug: "kommuner/varmdo/".
def kommun(slug: str) -> str:
    return f"{KOMMUNER}{slug}/"


# A person's page by their id: "personer/asa-zetterberg/".
def person(person_id: str) -> str:
    return f"{PERSONER}{person_id}/"


# A share image: a year's ("2023/delning.png"), or the archive's own at the root ("delning.png").
def share_image(y: int | None = None) -> str:
    return SHARE_IMAGE if y is None else year(y) + SHARE_IMAGE


# The i-th round of a year's entrants (from 1), a section of its own on the year page: "omgang-2".
def round_anchor(i: int) -> str:
    return f"omgang-{i}"


# The n-th place where the sources disagree on a year page (from 1): "motstridigt-1".
def conflict_anchor(n: int) -> str:
    return f"motstridigt-{n}"


# A section or item of a page: ("2023/", "jury") -> "2023/#jury".
def at(url: str, anchor: str) -> str:
    return f"{url}#{anchor}"


# The page an address belongs to: "2023/#jury" -> "2023/".
def page_of(location: str) -> str:
    return location.split("#", 1)[0]


# The year of a year page's address, or None: "2023/" -> 2023, "kommuner/" -> None.
def year_of(url: str) -> int | None:
    return int(url[:4]) if re.fullmatch(r"\d{4}/", url) else None


# The slug of a municipality page's address, or None: "kommuner/varmdo/" -> "varmdo".
def kommun_of(url: str) -> str | None:
    match = re.fullmatch(re.escape(KOMMUNER) + r"([a-z0-9-]+)/", url)
    return match.group(1) if match else None


# A source in a page's numbered list: "scb-2023" -> "kalla-scb-2023".
def source_anchor(source_id: str) -> str:
    return SOURCE_PREFIX + source_id


# An entrant by the slug of its name: "varmdo-kommun" -> "deltagare-varmdo-kommun".
def entrant_anchor(name_slug: str) -> str:
    return "deltagare-" + name_slug


# An entrant in a round of one stage: ("finalist", "varmdo-kommun") -> "finalist-varmdo-kommun".
def stage_anchor(stage: str, name_slug: str) -> str:
    return f"{stage}-{name_slug}"


# A jury member by the slug of their name: "asa-zetterberg" -> "jury-asa-zetterberg".
def juror_anchor(name_slug: str) -> str:
    return "jury-" + name_slug


# The ids of repeated roles in page order: a prefix and the slug of each name; a name's second gets "-2".
def numbered_anchors(prefix: str, name_slugs: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for name_slug in name_slugs:
        base = f"{prefix}-{name_slug}"
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


# The Markdown file MkDocs renders to an address: "" -> "index.md", "2023/" -> "2023/index.md".
def page_file(url: str) -> str:
    return url + "index.md"


# The address of a generated page's Markdown file (page_file's inverse): "2023/index.md" -> "2023/".
def page_address(path: str) -> str:
    return "" if path == "index.md" else path[: -len("index.md")]


# Where an address is written when the site is opened from the file system (`dev.py build --offline`, MkDocs without
# directory URLs): a folder's page is its index.html, "2023/" -> "2023/index.html", "" -> "index.html"; files stay.
def offline_file(url: str) -> str:
    path, hash_, anchor = url.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + hash_ + anchor


# The address of a page however MkDocs named it: "2023/index.html#jury" -> "2023/#jury", "tillganglighet.html" ->
# "tillganglighet/"; an address with directory URLs ("2023/#jury") stays as it is.
def address(location: str) -> str:
    path, hash_, anchor = location.partition("#")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path + hash_ + anchor
