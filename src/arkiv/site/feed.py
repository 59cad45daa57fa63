"""Flöde och webbplatskarta: ett Atom-flöde med ett inlägg per utmärkelseår, och sitemap.xml med riktiga ändringsdatum.

Both date a page by the last change to the data files it is built from (lastmod.data_lastmod), never by the build.
"""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TypedDict

from arkiv import urls
from arkiv.record import model as m
from arkiv.record.marks import mark
from arkiv.site.lastmod import docs_lastmod, page_files, page_lastmod
from arkiv.templating import env
from arkiv.text import first_sentence

FEED_NAME = urls.FEED  # at the site root
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


class FeedEntry(TypedDict):
    """One cycle in the feed, as feed.xml.j2 reads it."""

    id: str
    url: str
    title: str
    updated: str  # Atom timestamps, "2023-11-21T00:00:00Z"
    published: str | None
    summary: str
    cycle: m.Cycle
    category: str
    image: str


def _stamp(date: str) -> str:
    return f"{date}T00:00:00Z"


# The Atom feed of every cycle, newest first.
def atom(archive: m.Archive, site_url: str, site_name: str, lastmod: dict[str, str], generated: str) -> str:
    entries: list[FeedEntry] = []
    for c in archive.cycles:
        url = urls.year(c.year)
        # The prize-giving's date, when known to the day and unmarked (arkiv.record.marks): Atom states it as fact.
        date = c.ceremony.date if c.ceremony and not mark(c, "datum").marked else None
        published = date if date and len(date) == 10 else None
        entries.append({
            "id": site_url + url, "url": site_url + url, "title": f"{c.award_name} {c.year}: {c.winner.name}",
            "updated": _stamp(page_lastmod(archive, lastmod, url) or generated),
            "published": _stamp(published) if published else None,
            "summary": first_sentence(c.motivation[0]), "cycle": c, "category": c.award_name,
            "image": site_url + urls.share_image(c.year),
        })
    updated = max((e["updated"] for e in entries), default=_stamp(generated))
    return env().get_template("feed.xml.j2").render(site_url=site_url, site_name=site_name,
                                                    feed_url=site_url + FEED_NAME,
                                                     updated=updated, entries=entries, archive=archive)


# Rewrite MkDocs' sitemap.xml with each page's real last-modified date; returns (sitemap.xml, sitemap.xml.gz).
# Pages built from data get the date their data files last changed; hand-written pages in docs_dir their own.
def sitemap(original: str, archive: m.Archive, site_url: str, lastmod: dict[str, str],
            docs_dir: Path | None = None) -> tuple[str, bytes]:
    root = ET.fromstring(original)
    rows = []
    for node in root.findall(f"{{{SITEMAP_NS}}}url"):
        loc = (node.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        rel = loc[len(site_url):] if site_url and loc.startswith(site_url) else loc
        date = docs_lastmod(docs_dir, rel) if docs_dir and page_files(archive, rel) is None else None
        theirs = (node.findtext(f"{{{SITEMAP_NS}}}lastmod") or "").strip()
        rows.append((loc, date or page_lastmod(archive, lastmod, rel) or theirs))
    text = env().get_template("sitemap.xml.j2").render(namespace=SITEMAP_NS, rows=rows)
    return text, gzipped(text.encode("utf-8"))


# Gzip with a fixed header (no file name, time 0, OS byte 255 "unknown"), so every Python writes the same bytes:
# gzip.compress(mtime=0) writes the OS byte of the machine on 3.11 and 255 from 3.13.
def gzipped(data: bytes) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=out, mtime=0) as file:
        file.write(data)
    return out.getvalue()
