"""Counted and worded once, on the test archive (tests/fixtures/archive/): a joint entry counts once in the counts
about entries, a name in force for one year reads as one year, the award's names in the open data's column
description come from the data, the rhythm is text.every_years's, a disputed fact is known only in part, and one
Swedish sort key orders everything."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from arkiv.record import knowledge as kn
from arkiv.record import persons, stats
from arkiv.record.model import Fact
from arkiv.site import export, pages
from arkiv.text import during_years, sv_key, year_range

ROOT = Path(__file__).resolve().parents[2]


def test_a_joint_entry_counts_once_for_its_county(fixture_archive):
    archive = fixture_archive
    joint = next(e for c in archive.cycles for e in c.entrants() if len(e.kommuner) > 1)
    (county,) = {k.county for k in joint.kommuner}
    row = next(r for r in stats.by_county(archive) if r.name == county)
    assert row.kommuner == len(joint.kommuner) == 3
    assert row.parts == 1, "three municipalities, one entry"
    # The same entry winning is one win, and still one time taken part.
    c = next(c for c in archive.cycles if joint in c.entrants())
    won = dataclasses.replace(archive, cycles=tuple(dataclasses.replace(x, winner=joint) if x is c else x
                                                    for x in archive.cycles))
    row = next(r for r in stats.by_county(won) if r.name == county)
    assert (row.parts, row.wins) == (1, 1)


def test_a_name_in_force_for_one_year_reads_as_one_year(fixture_archive):
    assert (year_range(2001, 2015), year_range(2011, 2011), year_range(2017, None)) == ("2001–2015", "2011", "2017–")
    assert during_years(2001, 2015) == "från 2001 till 2015" and during_years(2011, 2011) == "år 2011"
    assert during_years(2017, None) == "sedan 2017"
    archive = fixture_archive
    old, new = archive.names
    one = dataclasses.replace(old, first=old.last)
    archive = dataclasses.replace(archive, names=(one, new))
    home = pages.render_home(archive)
    assert f"hette <strong>{one.name}</strong> år {one.last} och heter sedan {new.first}" in home
    assert f"från {one.last} till {one.last}" not in home
    about = pages.render_about(archive)
    assert f"<td>{one.last} " in about and f"{one.last}–{one.last}" not in about


def test_the_award_names_in_the_column_description_come_from_the_data(fixture_archive):
    archive = fixture_archive
    old = dataclasses.replace(archive.names[0], last=2015)
    third = dataclasses.replace(archive.names[-1], name="Sveriges Exempelkommun", first=2031)
    ended = dataclasses.replace(archive.names[-1], first=2017, last=2029)
    archive = dataclasses.replace(archive, names=(old, ended, third))
    (meaning,) = [m for c, m in export.csv_columns(archive)["vinnare.csv"] if c == "award_name"]
    assert meaning == ("Utmärkelsens namn det året: Sveriges IT-kommun (från 2001 till 2015), Sveriges "
                       "DigitaliseringsKommun (från 2017 till 2029) eller Sveriges Exempelkommun (sedan 2031).")


def test_the_rhythm_on_the_gaps_page_is_every_years(fixture_archive):
    archive = fixture_archive
    assert "Utmärkelsen delas ut vartannat år." in pages.render_gaps(archive)
    assert "Utmärkelsen delas ut vart 3:e år." in pages.render_gaps(dataclasses.replace(archive, interval=3))


def test_a_disputed_fact_is_known_only_in_part(fixture_archive):
    archive = fixture_archive
    c = next(c for c in archive.cycles if c.disputed())
    assert c.disputed() == {"prisutdelare": 1} and c.ceremony and c.ceremony.presenter
    cells = {cell.facet.key: cell.state for cell in kn.cells(c)}
    assert cells["prisutdelare"] == kn.PARTIAL
    undisputed = dataclasses.replace(c, conflicts=())
    assert {cell.facet.key: cell.state for cell in kn.cells(undisputed)}["prisutdelare"] == kn.KNOWN


def test_a_conflict_names_a_fact_by_the_gaps_pages_keys():
    # The data's schema and the open data's schema allow exactly the facets arkiv.record.knowledge judges.
    keys = [facet.key for facet, _ in kn.FACETS]
    cycle = json.loads((ROOT / "data" / "schema" / "cycle.schema.json").read_text(encoding="utf-8"))
    assert cycle["properties"]["conflicts"]["items"]["properties"]["about"]["enum"] == keys
    published = json.loads((ROOT / "src" / "arkiv" / "schema" / "arkiv.schema.json").read_text(encoding="utf-8"))
    about = published["properties"]["cycles"]["items"]["properties"]["conflicts"]["items"]["properties"]["about"]
    assert about["anyOf"][0]["enum"] == keys


def test_one_swedish_sort_key():
    names = ["Örebro län", "Upplands Väsby", "Åre", "Upplands-Bro", "Älvdalen", "Ale", "Östersund", "Vara", "Eda"]
    assert sorted(names, key=sv_key) == ["Ale", "Eda", "Upplands-Bro", "Upplands Väsby", "Vara", "Åre", "Älvdalen",
                                         "Örebro län", "Östersund"]


def test_a_fact_between_the_two_names_is_told_with_the_renaming(fixture_archive):
    # /om/: a fact dated after the old name's last year and no later than the new name's first is about the renaming.
    between = Fact(text="Exempeltext, året mellan namnen.", sources=("exempel-vinnare",), year=2020)
    about = pages.render_about(dataclasses.replace(fixture_archive, history=(*fixture_archive.history, between)))
    history, renaming = about.split("## Namnbytet", 1)
    assert between.text in renaming and between.text not in history
    assert "Exempeltext om hur utmärkelsen började." in history


def test_the_open_data_says_the_roles_in_the_one_vocabulary():
    # The published schema's role enum and description are the vocabulary of arkiv.record.persons, word for word.
    published = json.loads((ROOT / "src" / "arkiv" / "schema" / "arkiv.schema.json").read_text(encoding="utf-8"))
    role = published["properties"]["people"]["items"]["properties"]["roles"]["items"]["properties"]["role"]
    assert role["enum"] == list(persons.ROLE_LABELS)
    assert role["description"] == persons.roles_explained() == export.ROLE_TEXT
    assert set(persons.ENTRANT_PHRASES) | set(persons.ROLE_MEANINGS) <= set(persons.ROLE_LABELS)
