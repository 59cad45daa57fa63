"""What each page of the real archive tells the search index it is about (arkiv.site.search_keys): the record's own
years as they are, and what the data does not know proven on the test archive (tests/fixtures/archive/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from arkiv.reading.load import load_archive
from arkiv.record.register import Kommun
from arkiv.site.search import Keys
from arkiv.site.search_keys import kommun_names, site_keys

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"": ("Start", "vinnare"), "om/": ("Om utmärkelsen", {"processen": "jury juryn", "": ["syfte"]}),
         "2023/": ("2023", None),
         "personer/asa-zetterberg/": ("Åsa Zetterberg", None), "personer/": ("Personer", None)}


@pytest.fixture(scope="module")
def archive():
    return load_archive(ROOT / "data")


@pytest.fixture(scope="module")
def keys(archive):
    return site_keys(archive, PAGES)


def test_municipality_page_is_about_its_name(keys):
    assert keys["kommuner/falkenberg/"] == Keys(names=("Falkenbergs kommun",))
    assert keys["kommuner/lidingo/"] == Keys(names=("Lidingö stad",))


def test_short_name_is_added_when_the_own_name_does_not_begin_with_it():
    falun = Kommun("2080", "Falun", "Falu kommun", "Falu kommun", "Dalarnas län", 60.6, 15.6)
    assert kommun_names(falun) == ("Falu kommun", "Falun")
    varmdo = Kommun("0120", "Värmdö", "Värmdö kommun", "Värmdö kommun", "Stockholms län", 59.3, 18.5)
    assert kommun_names(varmdo) == ("Värmdö kommun",)


def test_year_page_knows_its_winner_and_both_award_names_and_each_round_its_entrants(keys):
    y2017 = keys["2017/"]
    assert y2017.winner == ("Stockholms stad",) and y2017.entrants == ()
    assert y2017.names == ("Sveriges IT-kommun", "Sveriges DigitaliseringsKommun")
    # Three of 2017's eight nominees are known; one found later would join them.
    assert {"Falkenbergs kommun", "Lomma kommun", "Uppsala kommun"} <= set(keys["2017/#omgang-1"].entrants)
    assert keys["2017/#omgang-2"].entrants == ("Falkenbergs kommun", "Karlskrona kommun", "Kungsbacka kommun",
                                               "Uppsala kommun")
    assert keys["2009/"].winner == ("Falkenbergs kommun",)


def test_a_round_or_jury_document_only_where_the_data_has_one(archive, keys, fixture_archive):
    for c in archive.cycles:
        assert (f"{c.year}/#omgang-1" in keys) == bool(c.rounds), c.year
        assert (f"{c.year}/#jury" in keys) == (c.jury is not None), c.year
    # The test archive's 2015 knows neither its entrants nor its jury; 2023 knows both.
    small = site_keys(fixture_archive, {})
    assert "2015/#omgang-1" not in small and "2015/#jury" not in small and small["2015/"].winner == ("Lidingö stad",)
    assert "2023/#omgang-1" in small and "2023/#jury" in small


def test_joint_entrant_names_itself_and_each_municipality(keys):
    assert keys["2023/#omgang-1"].entrants[:4] == ("Mora, Orsa och Älvdalens kommuner", "Mora kommun", "Orsa kommun",
                                                   "Älvdalens kommun")
    assert "Värmdö kommun" not in keys["2023/#omgang-2"].entrants, "the winner is on the year's page"


def test_every_year_page_names_its_parts_and_the_about_page_the_former_names(archive, keys):
    for c in archive.cycles:
        assert f"{c.year}/#motivering" not in keys, "the motivation is a section of its own"
        assert keys[f"{c.year}/"].parts == (("motivering", "jury") if c.jury else ("motivering",))
    assert keys["om/"].former == tuple(n.name for n in archive.names[:-1])


def test_jurors_are_split_out_at_their_anchors(archive, keys):
    items = keys["2023/#jury"].items
    assert items[0] == ("jury-patrik-sundstrom", "Patrik Sundström") and len(items) == 10
    assert all(f"{c.year}/#jury" in keys for c in archive.cycles if c.jury)


def test_presenter_receivers_and_quoted_people(keys):
    assert keys["2017/#prisutdelning"].people == ("Peter Eriksson",)
    assert keys["2021/#prisutdelning"].people == ("Patrik Sundström", "Marcus Matteby", "Jonas Walker")
    assert keys["2017/#citat"].people == ("Jörgen Westergren", "Jon Arwidson")


def test_pages_name_their_topics_in_front_matter_and_people_pages_by_title(keys):
    assert keys[""] == Keys(topics=("vinnare",))
    assert keys["om/#processen"] == Keys(topics=("jury juryn",)) and keys["om/"].topics == ("syfte",)
    assert keys["personer/asa-zetterberg/"] == Keys(names=("Åsa Zetterberg",))
    assert "personer/" not in keys, "the list of people is not a person"


def test_front_matter_list_of_keys(archive):
    assert site_keys(archive, {"data/": ("Öppna data", ["csv", "json"])})["data/"] == Keys(topics=("csv", "json"))


def test_the_statements_section_names_who_spoke_and_who_represented_an_entrant(archive, keys):
    # As a juror is a key of the jury: a speaker's or representative's name finds the year they are named in.
    assert any(c.statements or c.representatives for c in archive.cycles), "the record has some to check"
    for c in archive.cycles:
        said = {st.speaker.name for st in c.statements} | {r.person.name for r in c.representatives}
        doc = keys.get(f"{c.year}/#uttalanden")
        assert (set(doc.people) if doc else set()) == said, c.year
