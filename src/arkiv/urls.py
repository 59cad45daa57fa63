"""Varje adress sajten publicerar, på ett ställe: sidorna, filerna och ankarna som andra sidor länkar till.

Addresses are relative to the site root, the way MkDocs names pages: "" is the home page, "2023/" a year,
"kommuner/varmdo/" a municipality. Every module and template that links to a page, names a generated file or points
at a section of a year page asks here, so an address is spelt once (and published addresses never change: see
arkiv.publishing.addresses). Headings that nothing links to keep their ids in their own template.
"""

from __future__ import annotations

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

# The sections of a year page that other pages, the search index and the open data link to.
SECTIONS = SimpleNamespace(
    summary="i-korthet", winner="vinnare", motivation="motivering", rounds="nominerade", jury="jury",
    ceremony="prisutdelning", prize="pris", timeline="halltider", call="inbjudan", quotes="citat", gaps="luckor",
    sources="kallor", cite="citera", statements="uttalanden",
)


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


# The Markdown file MkDocs renders to an address: "" -> "index.md", "2023/" -> "2023/index.md".
def page_file(url: str) -> str:
    return url + "index.md"


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
