"""The year at a glance: the definition list at the top of every year page (arkiv.record.glance, templates/cycle.md.j2).

One checker reads the list back from a built page and compares every value with the model: on the small archive the
tests write themselves (a year known only by its winner, a joint winner, an unknown and an uncertain chair, an inferred
date, a renaming) and on the real build, over archive.cycles, so a new year in data/ is checked without a test edit.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from arkiv.record import knowledge as kn
from arkiv.record.glance import glance
from arkiv.text import format_date, ordinal

pytestmark = pytest.mark.build

GLANCE = re.compile(r'<section class="arkiv-glance" id="i-korthet" aria-label="(\d+) i korthet" data-search-exclude>'
                    r"(.*?)</section>", re.S)
UNKNOWN = "okänt"
UNCERTAIN = "(osäker uppgift)"
DISPUTED = "(källorna säger olika)"


@dataclass
class Value:
    text: str = ""
    links: list[str] = field(default_factory=list)
    uncertain: int = 0  # how many uncertain marks


class DefinitionList(HTMLParser):
    """The summary's heading and its terms, each with its values (a term can have several: the finalists)."""

    def __init__(self):
        super().__init__()
        self.heading, self.terms, self._in = "", [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h2", "dt"):
            self._in = tag
            if tag == "dt":
                self.terms.append(["", []])
        elif tag == "dd":
            self._in = "dd"
            self.terms[-1][1].append(Value())
        elif tag == "a" and self._in == "dd":
            self.terms[-1][1][-1].links.append(attrs["href"])
        elif tag == "span" and self._in == "dd" and attrs.get("class") == "arkiv-uncertain":
            self.terms[-1][1][-1].uncertain += 1

    def handle_endtag(self, tag):
        if tag in ("h2", "dt", "dd"):
            self._in = None

    def handle_data(self, data):
        if self._in == "h2":
            self.heading += data
        elif self._in == "dt":
            self.terms[-1][0] += data
        elif self._in == "dd":
            self.terms[-1][1][-1].text += data


def read_glance(site: Path, year: int) -> tuple[str, dict[str, list[Value]], str]:
    page = (site / str(year) / "index.html").read_text(encoding="utf-8")
    found = GLANCE.findall(page)
    assert len(found) == 1, f"{year}: {len(found)} summaries"
    assert found[0][0] == str(year), "the region is named for screen readers"
    assert page.index('id="i-korthet"') < page.index('id="motivering"'), "the summary opens the page"
    parser = DefinitionList()
    parser.feed(found[0][1])
    terms = {term: [Value(" ".join(v.text.split()), v.links, v.uncertain) for v in values]
             for term, values in parser.terms}
    assert len(terms) == len(parser.terms), "each term once"
    return parser.heading, terms, page


def entrant_text(e) -> str:
    return e.name if len(e.kommuner) == 1 else f"{e.name} ({', '.join(k.own_name for k in e.kommuner)})"


def entrant_links(e) -> list[str]:
    return [f"../kommuner/{k.slug}/" for k in e.kommuner]


def person_text(p) -> str:
    return ", ".join(x for x in (p.name, p.title, p.organisation) if x)


# Every value of one year's summary, read from the built page, equals the model's; unknowns lead to the gaps.
def check_year(site: Path, archive, c) -> dict[str, list[Value]]:
    g = glance(archive, c)
    heading, terms, page = read_glance(site, c.year)
    assert heading == f"{c.year} i korthet"
    cells = {cell.facet.key: cell for cell in kn.cells(c)}
    gaps = re.search(r'<h2 id="luckor".*?(?=<h2 )', page, re.S).group(0)

    def unknown(term: str, facet: str) -> None:
        (value,) = terms[term]
        assert (value.text, value.links) == (UNKNOWN, ["#" + kn.GAPS_ANCHOR]), (c.year, term)
        assert cells[facet].state == kn.UNKNOWN, (c.year, facet)
        gap = html.escape(cells[facet].gap, quote=False)
        assert gap in gaps, (c.year, facet, "the gap is said where the link leads")

    assert [v.text for v in terms["Utmärkelse"]] == [c.award_name]
    (winner,) = terms["Vinnare"]
    assert (winner.text, winner.links) == (entrant_text(c.winner), entrant_links(c.winner))

    (date,) = terms["Datum"]
    occasion = f", {c.ceremony.occasion}" if c.ceremony and c.ceremony.occasion else ""
    if c.ceremony and c.ceremony.date:
        mark = f" {UNCERTAIN}" if c.ceremony.uncertain else ""
        assert date.text == format_date(c.ceremony.date) + mark + occasion, c.year
        assert cells["datum"].state != kn.UNKNOWN
    else:
        assert date.text == UNKNOWN + occasion and date.links == ["#" + kn.GAPS_ANCHOR], c.year
        assert cells["datum"].state == kn.UNKNOWN

    place = ", ".join(x for x in (c.ceremony.venue, c.ceremony.city) if x) if c.ceremony else ""
    if place:
        assert [v.text for v in terms["Plats"]] == [place] and cells["plats"].state == kn.KNOWN
    else:
        unknown("Plats", "plats")

    presenter = c.ceremony.presenter if c.ceremony else None
    if presenter:
        (value,) = terms["Prisutdelare"]
        disputed = c.disputed().get("prisutdelare")
        assert value.text == person_text(presenter) + (f" {DISPUTED}" if disputed else ""), c.year
        assert value.links[0].startswith("../personer/")
        assert value.links[1:] == ([f"#motstridigt-{disputed}"] if disputed else []), c.year
        assert value.uncertain == int(bool(disputed))
        assert cells["prisutdelare"].state == (kn.PARTIAL if disputed else kn.KNOWN)
    else:
        unknown("Prisutdelare", "prisutdelare")

    if c.rounds:
        last = c.rounds[-1]
        values = terms[last.label.capitalize()]
        names = [v for v in values if not v.text.endswith(" kända")]
        assert [v.text.removesuffix(f" {UNCERTAIN}") for v in names] == [entrant_text(e) for e in last.entrants]
        assert [v.links for v in names] == [entrant_links(e) for e in last.entrants]
        assert [v.uncertain for v in names] == [int(e.uncertain) for e in last.entrants]
        counted = [v.text for v in values if v.text.endswith(" kända")]
        span = (last.size.span or "okänt antal") if last.size else None
        assert counted == ([f"{len(last.entrants)} av {span} kända"] if last.short else [])
    else:
        unknown("Nominerade och finalister", "nominerade")

    chair = next((p for p in c.jury.members if p.chair), None) if c.jury else None
    if chair:
        (value,) = terms["Juryns ordförande"]
        assert value.text == person_text(chair) + (f" {UNCERTAIN}" if chair.uncertain else ""), c.year
        assert value.uncertain == int(chair.uncertain)
    else:
        unknown("Juryns ordförande", "ordforande")

    n = archive.edition_of(c.year)
    assert g.edition == n and (c.edition is None or c.edition.number == n)
    since = f" sedan starten {archive.founded}" if c.year > archive.founded else ""
    # The source's own word on it, when the data has one, follows the archive's count (nothing above the summary).
    stated = [f"Källan skriver: ”{c.edition.quote}”"] if c.edition else []
    assert [v.text.split(" Källa")[0] for v in terms["I ordningen"]] == [f"{ordinal(n)} gången{since}", *stated]
    return terms


def test_the_summary_on_every_year_of_the_small_archive(small_site):
    site, archive = small_site
    for c in archive.cycles:
        check_year(site, archive, c)


def test_a_year_known_only_by_its_winner(small_site):
    site, archive = small_site
    bare = next(c for c in archive.cycles if c.jury is None and not c.rounds and c.ceremony is None)
    terms = check_year(site, archive, bare)
    unknown = {term for term, values in terms.items() if [v.text for v in values] == [UNKNOWN]}
    assert unknown == {"Datum", "Plats", "Prisutdelare", "Nominerade och finalister", "Juryns ordförande"}
    assert terms["Utmärkelse"][0].text == archive.names[0].name, "the name in force then, before the renaming"
    assert kn.unknowns(bare), "the gaps the okänt links lead to are listed"


def test_a_joint_winner_an_uncertain_chair_and_an_inferred_date(small_site):
    site, archive = small_site
    c = next(c for c in archive.cycles if len(c.winner.kommuner) > 1)
    terms = check_year(site, archive, c)
    assert terms["Vinnare"][0].links == [f"../kommuner/{k.slug}/" for k in c.winner.kommuner]
    assert terms["Datum"][0].uncertain == 1 and terms["Juryns ordförande"][0].uncertain == 1
    assert sum(v.uncertain for v in terms[c.rounds[-1].label.capitalize()]) == 1
    assert terms["Plats"][0].text == "Mässan & Co", "a venue alone is a place; text stays text"


def test_the_summary_on_every_year_of_the_real_build(built_site, archive):
    for c in archive.cycles:
        check_year(built_site, archive, c)


def test_nothing_above_the_summary_repeats_it(built_site, archive):
    # Under the title only the renaming note, where it applies; the winner and the n-th time are the summary's.
    for c in archive.cycles:
        page = (built_site / str(c.year) / "index.html").read_text(encoding="utf-8")
        top = page[page.index("</h1>"):page.index('id="i-korthet"')]
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", top)).split())
        assert c.winner.name not in text and "gången" not in text, c.year
        assert ("namn" in text) == (c.award_name != archive.names[-1].name or c.year == archive.names[-1].first)


def test_a_disputed_presenter_is_marked_in_the_summary(small_site, tmp_path):
    # A conflict in the data about who presented the prize marks the presenter and leads to the sources' words.
    site, archive = small_site
    c = next(c for c in archive.cycles if c.ceremony and c.ceremony.presenter)
    assert "prisutdelare" in c.disputed(), "the test archive disputes a presenter"
    terms = check_year(site, archive, c)
    assert terms["Prisutdelare"][0].uncertain == 1


def test_the_summary_is_left_out_of_the_search_index(built_site):
    # Every value is also in the section that holds it: indexing the summary too would only repeat words.
    import json
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("i-korthet" in d["location"] or "I ordningen" in d["text"] for d in index["docs"])
