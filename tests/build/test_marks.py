"""One fact, one mark, everywhere: every fact the model marks (arkiv.record.marks: inferred, or one the sources
disagree on) carries the same mark on every page and in every file that shows it, and no unmarked fact carries one.

Both the facts and the places are derived from the model, so the test holds for any archive: it runs on the small
test archive (a disputed presenter, an inferred date the year after, an uncertain chair) and on the real build.
Places: the year page's summary and sections (data-fact elements written by macros.j2's `fact`), the year's timeline
item on the ceremony's date, the home page's timeline (a prize handed over a later year), /luckor/ (a marked fact is
partly known), the feed (no <published> for a marked date), the year page's JSON-LD, juryer.csv, personer.csv and
arkiv.json.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from arkiv.record import knowledge
from arkiv.record.chronology import late_ceremony
from arkiv.record.glance import glance
from arkiv.record.marks import CLEAR, DISPUTED, UNCERTAIN, mark, marks, timeline_fact

pytestmark = pytest.mark.build

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class Facts(HTMLParser):
    """Every data-fact element on a page: (facet key, the marks directly in it, the year of the enclosing <li>'s year
    link when there is one)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, list[str], int | None]] = []
        self._stack: list[int | None] = []  # per open span: index into found, or None
        self._year: int | None = None
        self._want_year = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "arkiv-timeline__year" in (a.get("class") or ""):
            self._want_year = True
        if tag != "span":
            return
        if "data-fact" in a:
            self.found.append((a["data-fact"], [], self._year))
            self._stack.append(len(self.found) - 1)
        else:
            self._stack.append(None)
            owner = next((i for i in reversed(self._stack) if i is not None), None)
            if "data-mark" in a and owner is not None:
                self.found[owner][1].append(a["data-mark"])

    def handle_endtag(self, tag):
        if tag == "span" and self._stack:
            self._stack.pop()
        if tag == "li":
            self._year = None

    def handle_data(self, data):
        if self._want_year:
            self._year, self._want_year = int(data), False


def facts_on(page: Path) -> list[tuple[str, list[str], int | None]]:
    parser = Facts()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


# How many times the year page shows each fact, from the model: the summary and the section each show the ceremony's
# date, place and presenter and the chair; the timeline shows the date again on the ceremony's day; the jury's section
# names the dispute about the jury when there is one.
def expected_on_year_page(archive, c) -> dict[str, int]:
    g, cer = glance(archive, c), c.ceremony
    out = {"vinnare": 1, "datum": 2 * bool(g.date), "plats": 2 * bool(g.place), "prisutdelare": 2 * bool(g.presenter),
           "ordforande": 2 * bool(g.chair), "jury": int(bool(c.jury) and mark(c, "jury").marked)}
    out["datum"] += sum(1 for t in c.timeline if timeline_fact(c, t) == "datum")
    assert cer is None or not cer.date or out["datum"] >= 2
    return {k: n for k, n in out.items() if n}


def check_site(site: Path, archive) -> int:
    checked = 0
    home = facts_on(site / "index.html")
    for c in archive.cycles:
        found = facts_on(site / str(c.year) / "index.html")
        counts: dict[str, int] = {}
        for key, words, _ in found:
            counts[key] = counts.get(key, 0) + 1
            assert tuple(words) == mark(c, key).words, (c.year, key, words)
            checked += 1
        assert counts == expected_on_year_page(archive, c), c.year
        # The home page's timeline: a prize handed over a later year shows its date with the same mark.
        on_home = [words for key, words, year in home if year == c.year and key == "datum"]
        assert on_home == ([list(mark(c, "datum").words)] if late_ceremony(c) else []), c.year
        checked += len(on_home)
    assert all(year is not None for _, _, year in home), "every fact on the home page belongs to a year"
    return checked


# /luckor/ and arkiv.json's knowledge: a marked fact is partly known, never known.
def check_gaps(site: Path, archive) -> None:
    table = (site / "luckor" / "index.html").read_text(encoding="utf-8")
    data = {c["year"]: c for c in json.loads((site / "data" / "arkiv.json").read_text(encoding="utf-8"))["cycles"]}
    for c in archive.cycles:
        states = {cell.facet.key: cell.state for cell in knowledge.cells(c)}
        row = re.search(rf'<th scope="row" role="rowheader"><a href="[^"]*">{c.year}</a></th>(.*?)</tr>', table, re.S)
        assert row, c.year
        cells = re.findall(r'<span aria-hidden="true">.</span> (\w+)</a>', row.group(1))
        shown = {f.key: state for (f, _), state in zip(knowledge.FACETS, cells, strict=True)}
        for key in marks(c):
            assert states[key] == knowledge.PARTIAL, (c.year, key)
        assert shown == states, c.year
        assert {m["facet"]: tuple(m["marks"]) for m in data[c.year]["marks"]} == {
            k: mk.words for k, mk in marks(c).items()}


# The feed states a ceremony date only when it is unmarked; the year page's JSON-LD likewise, and the place too;
# juryer.csv marks every member of a disputed jury.
def check_files(site: Path, archive) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    for entry in feed.iter(ATOM + "entry"):
        year = int(entry.findtext(ATOM + "id").rstrip("/").rsplit("/", 1)[-1])
        c = next(c for c in archive.cycles if c.year == year)
        date = c.ceremony.date if c.ceremony else None
        published = entry.findtext(ATOM + "published")
        dated = bool(date) and len(date) == 10 and not mark(c, "datum").marked
        assert (published == f"{date}T00:00:00Z") if dated else published is None, year
    rows = list(csv.DictReader(io.StringIO((site / "data" / "juryer.csv").read_text(encoding="utf-8"))))
    for c in archive.cycles:
        (event,) = [json.loads(t) for t in SCRIPT.findall((site / str(c.year) / "index.html").read_text("utf-8"))]
        assert ("startDate" in event) == bool(c.ceremony and c.ceremony.date and not mark(c, "datum").marked)
        assert ("location" in event) == bool(glance(archive, c).place and not mark(c, "plats").marked)
        for row in (r for r in rows if r["year"] == str(c.year)):
            member = next(p for p in c.jury.members if p.name == row["name"])
            assert row["uncertain"] == ("true" if member.uncertain or mark(c, "jury").marked else "false")
    # personer.csv: the presenter's role carries the presenter's mark, every jury role the jury's.
    for row in csv.DictReader(io.StringIO((site / "data" / "personer.csv").read_text(encoding="utf-8"))):
        c = next(c for c in archive.cycles if c.year == int(row["year"]))
        if row["role"] == "prisutdelare":
            assert row["uncertain"] == ("true" if mark(c, "prisutdelare").marked else "false"), row
        elif row["role"] in ("jurymedlem", "ordförande") and mark(c, "jury").marked:
            assert row["uncertain"] == "true", row


def test_marks_model():
    assert CLEAR.words == () and not CLEAR.marked
    assert (UNCERTAIN, DISPUTED) == ("osäker", "omstridd")


def test_the_small_archive(small_site):
    site, archive = small_site
    marked = {(c.year, k) for c in archive.cycles for k in marks(c)}
    # The fixture's shapes are there: an inferred date, an uncertain chair, a disputed presenter.
    assert {(2021, "datum"), (2021, "ordforande"), (2023, "prisutdelare")} <= marked
    assert check_site(site, archive) > len(marked)
    check_gaps(site, archive)
    check_files(site, archive)


def test_the_real_build(built_site, archive):
    assert check_site(built_site, archive) > 0
    check_gaps(built_site, archive)
    check_files(built_site, archive)
