"""The search index of a real build: what the hook wrote into mkdocs-material's search_index.json."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from arkiv.site.search import BOOSTS, ENTRANTS, FOLDED, NAMES, PARTS, PEOPLE, STOP_WORDS, WINNER, index_budget

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs(index) -> dict[str, dict]:
    return {d["location"]: d for d in index["docs"]}


def test_index_declares_the_added_fields(index):
    assert index["config"]["lang"] == ["sv"]
    fields = index["config"]["fields"]
    assert fields["title"]["boost"] == 1000 and fields["text"]["boost"] == 1
    assert {k: fields[k]["boost"] for k in BOOSTS} == BOOSTS


def test_every_document_is_unique_and_pages_come_before_their_sections(index):
    # The theme maps documents by address and takes the first one of a page as the page itself.
    locations = [d["location"] for d in index["docs"]]
    assert len(locations) == len(set(locations))
    seen = set()
    for loc in locations:
        page = loc.split("#", 1)[0]
        assert "#" not in loc or page in seen, loc
        seen.add(page)


def test_municipality_pages_are_found_without_a_a_o(docs):
    assert docs["kommuner/varmdo/"][NAMES] == "varmdo"
    assert docs["kommuner/upplands-vasby/"][NAMES] == "vasby"
    assert docs["kommuner/vara/"][NAMES] == "varakommun"
    assert "ostersunds" in docs["kommuner/ostersund/"][FOLDED]


def test_year_pages_hold_winner_entrants_and_motivation(docs, archive):
    assert docs["2023/"][WINNER] == "värmdö varmdo"
    entrants = docs["2023/#omgang-2"][ENTRANTS].split()
    assert "mora" in entrants and "nacka" in entrants and "varmdo" not in entrants and "kommun" not in entrants
    assert docs["2019/"][NAMES] == "it kommun" and docs["2009/"][NAMES] == "digitaliseringskommun"
    for c in archive.cycles:  # the motivation is a section of its own; the page names it among its parts
        assert docs[f"{c.year}/#motivering"]["title"] == "Juryns motivering"
        assert c.motivation[0][:60] in docs[f"{c.year}/#motivering"]["text"], c.year
        assert docs[f"{c.year}/"][PARTS].split() == (["motivering", "jury"] if c.jury else ["motivering"])


def test_each_juror_has_a_document_at_their_anchor(docs, archive, built_site):
    for c in archive.cycles:
        page = (built_site / str(c.year) / "index.html").read_text(encoding="utf-8")
        for p in c.jury.members if c.jury else ():
            doc = docs[f"{c.year}/#{p.anchor}"]
            assert doc["title"] == f"Jury: {p.name}"
            assert f'id="{p.anchor}"' in page, "the document points at an anchor on the page"
    assert docs["2017/#jury-jorgen-westergren"][NAMES] == "jorgen"
    assert docs["2017/#prisutdelning"][PEOPLE] == "peter eriksson"


def test_pages_carry_their_front_matter_keys_and_titles_without_a_a_o(docs):
    assert docs["om/#processen"][NAMES] == "jury juryn"
    assert docs[""][NAMES] == "vinnare"
    assert docs["tillganglighet/"][NAMES] == "tillganglighetsredogorelse"
    assert docs["data/"][NAMES] == "oppna"


def test_previews_are_the_pages_own_words(docs, built_site):
    # Titles and texts are what the theme shows; the added fields never reach them.
    shown = " ".join(f"{d['title']} {d['text']}" for d in docs.values())
    assert "varakommun" not in shown and "Varmdo" not in shown
    # Cells of a table and terms of a definition list are apart, not run together ("PrisutdelarePeter").
    assert "Prisutdelare Peter Eriksson" in docs["2017/#prisutdelning"]["text"]
    assert "Fil Innehåll Rader arkiv.json Hela arkivet i en fil." in docs["data/#filer"]["text"]


def test_lists_of_every_name_stay_out_of_the_index(docs):
    # The home page's table of winners and the table of municipalities: a name finds the page about it instead.
    assert "Falkenbergs" not in docs["kommuner/"]["text"] and "Falkenbergs" not in docs[""]["text"]
    assert "Värmdö" not in docs["#vinnare"]["text"]


def test_stop_words_are_the_themes():
    # arkiv.site.search keeps a copy of lunr's Swedish stop words; the copy must follow the theme's.
    import material
    js = (Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.sv.min.js").read_text()
    words = re.search(r'generateStopWordFilter\("([^"]+)"', js).group(1).split()
    assert frozenset(words) == STOP_WORDS


def test_index_stays_within_its_budget(built_site, archive):
    # The same measure as bench/run.py (gzip level 6, as a web server sends it); the size is not timed, so it is kept.
    raw = (built_site / "search" / "search_index.json").read_bytes()
    assert len(gzip.compress(raw, 6)) <= index_budget(len(archive.cycles))
