"""Vilka sidor en ändring ger nytt innehåll: två byggen av sajten jämförda sida för sida (`arkiv pages-changed`).

Only what a reader reads counts: a page's title and its content (the <article>). What differs between two builds of
the same data does not: the date the page's data last changed (it comes from git and moves with every commit, and a
version exported from git has no history at all), the navigation and footer shared by every page, the head's metadata.
Redirect pages and the 404 page are not pages of their own. Addresses are those of the published site ("/2023/"),
whichever way each site was built (arkiv.building.offline); each change also names the page's file in the preview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from arkiv import urls
from arkiv.templating import env

ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
REFRESH = re.compile(r'<meta http-equiv="refresh"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
# The citation's "(uppgifterna senast ändrade 21 november 2023)" (templates/macros.j2, cite): the date of the data's
# last commit, not content.
LASTMOD = re.compile(r" \(uppgifterna senast ändrade [^)<]*\)")
# A link as the two forms of the site write it: "../2023/" and "../2023/index.html" are the same page.
LINK = re.compile(r'((?:href|src)=")([^"#:]*?)(index\.html)?([#"])')
KINDS = ("ny", "ändrad", "borttagen")  # in the order they are listed


@dataclass(frozen=True)
class PageChange:
    address: str  # "/2023/"
    kind: str  # one of KINDS
    file: str  # the page's file in the preview folder: "2023/index.html"
    published: str | None  # the page's address on the published site, when it had one


# Every page of a built site by its published address ("/2023/"): not the 404 page, nor the redirect pages.
def site_pages(site: Path) -> dict[str, Path]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel != "404.html" and not REFRESH.search(path.read_text(encoding="utf-8")[:3000]):
            out["/" + urls.address(rel)] = path
    return out


# What a reader reads on a page: its title and its content, without the date its data last changed.
def content(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    title, article = TITLE.search(text), ARTICLE.search(text)
    body = article.group(1) if article else text
    body = LINK.sub(lambda m: m.group(1) + m.group(2) + m.group(4), LASTMOD.sub("", body))
    return (title.group(1).strip() if title else "") + "\n" + body


# The pages whose content differs between the base site and this one, new and removed pages included.
def compare(base: Path, site: Path) -> list[PageChange]:
    old, new = site_pages(base), site_pages(site)
    out = []
    for address in old.keys() | new.keys():
        if address not in old:
            kind = "ny"
        elif address not in new:
            kind = "borttagen"
        elif content(old[address]) != content(new[address]):
            kind = "ändrad"
        else:
            continue
        canonical = CANONICAL.search(old[address].read_text(encoding="utf-8")) if address in old else None
        out.append(PageChange(address, kind, urls.offline_file(address.lstrip("/")),
                              canonical.group(1) if canonical else None))
    return sorted(out, key=lambda c: (KINDS.index(c.kind), c.address))


# The list as Swedish Markdown, for the pull request's summary and the terminal; `problem`: why the base could not
# be built, said instead of the list.
def render(base: str, changes: list[PageChange], compared: int, problem: str = "") -> str:
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in KINDS}
    return env().get_template("pages_changed.md.j2").render(base=base, changes=changes, counts=counts,
                                                           compared=compared, problem=problem)
