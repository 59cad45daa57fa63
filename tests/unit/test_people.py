"""Who is who: the people index (arkiv.record.people) built from the cycles, and data/people.yaml read by the loader."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from arkiv.errors import DataErrors
from arkiv.reading.load import load_archive
from arkiv.record import model as m
from arkiv.record import people as pp
from arkiv.text import sv_key
from arkiv.tools import changes

ROOT = Path(__file__).resolve().parents[2]


def by_id(archive, pid: str) -> pp.Individual:
    return next(p for p in archive.people if p.id == pid)


def roles_of(person: pp.Individual) -> set[tuple[int, str]]:
    return {(r.year, r.kind) for r in person.roles}


def cycle(archive, year: int) -> m.Cycle:
    return next(c for c in archive.cycles if c.year == year)


def test_the_people_journalists_ask_about(archive):
    assert {2017, 2023} <= set(by_id(archive, "asa-zetterberg").years)
    assert {2011, 2017} <= set(by_id(archive, "bo-dahlbom").years)
    assert {2017, 2023} <= set(by_id(archive, "haron-zafar").years)
    assert {(2021, "prisutdelare"), (2023, "ordförande")} <= roles_of(by_id(archive, "patrik-sundstrom"))


def test_every_mention_in_the_data_has_exactly_one_person(archive):
    mentions = [(c.year, r.kind, r.anchor) for c in archive.cycles for r in pp.roles(c)]
    indexed = [(r.year, r.kind, r.anchor) for p in archive.people for r in p.roles]
    assert sorted(mentions) == sorted(indexed)
    jury = [(c.year, mm.name) for c in archive.cycles if c.jury for mm in c.jury.members]
    assert len(jury) == sum(1 for p in archive.people for r in p.roles if r.kind in ("jurymedlem", "ordförande"))
    assert len({p.id for p in archive.people}) == len(archive.people)


def test_titles_belong_to_the_year_not_the_person(archive):
    zafar = by_id(archive, "haron-zafar")
    titles = {r.year: r.title for r in zafar.roles if r.kind in ("jurymedlem", "ordförande")}
    expected = {c.year: mm.title for c in archive.cycles if c.jury for mm in c.jury.members if mm.name == "Haron Zafar"}
    assert titles == expected and len(set(titles.values())) > 1, "the sources give him different titles"


def test_index_is_in_swedish_order_by_surname(archive):
    keys = [p.sort_key for p in archive.people]
    assert keys == sorted(keys)
    surnames = [pp.split_name(p.name)[1] for p in archive.people]
    assert surnames == sorted(surnames, key=sv_key)
    assert archive.people[-1].listed_name.startswith(("Z", "Å", "Ä", "Ö"))


def test_swedish_collation():
    names = ["Östberg", "Zetterberg", "Åberg", "Ärlig", "Aaron", "Édouard", "Eva", "Müller", "Myra"]
    assert sorted(names, key=sv_key) == ["Aaron", "Édouard", "Eva", "Müller", "Myra", "Zetterberg", "Åberg",
                                              "Ärlig", "Östberg"]
    assert sv_key("åsa") > sv_key("zorn") and sv_key("Asa") < sv_key("Bo")


def test_split_name():
    assert pp.split_name("Madeleine Siösteen-Thiel") == ("Madeleine", "Siösteen-Thiel")
    assert pp.split_name("Per-Samuel Nisser (M)") == ("Per-Samuel", "Nisser")
    assert pp.split_name("Cher") == ("", "Cher")


def test_repeated_speakers_get_numbered_quote_ids(archive):
    for c in archive.cycles:
        ids = pp.quote_anchors(c)
        assert len(ids) == len(set(ids)) == len(c.quotes)
        for q, anchor in zip(c.quotes, ids, strict=True):
            assert anchor.startswith("citat-" + pp.person_id(q.speaker))


def test_same_name_in_two_cycles_is_one_person_with_both_roles(archive):
    base = cycle(archive, 2023)
    speaker = m.Person("Åsa Zetterberg", "sektionschef", "SKL")
    older = dataclasses.replace(cycle(archive, 2013), quotes=(m.Quote("Ett citat.", speaker, ("skl-2013",)),))
    people = pp.index((base, older))
    asa = next(p for p in people if p.id == "asa-zetterberg")
    assert [(r.year, r.kind, r.title) for r in asa.roles] == [(2023, "jurymedlem", "förbundsdirektör"),
                                                             (2013, "citerad", "sektionschef")]
    assert asa.short_roles() == [("jurymedlem", ((2023, False),)), ("citerad", ((2013, False),))]


def test_a_note_marks_mentions_not_proven_to_be_one_person(archive):
    notes = {"haron-zafar": pp.PersonNote("haron-zafar", uncertain=True, note="Två källor, inget belägg.")}
    zafar = next(p for p in pp.index(archive.cycles, notes) if p.id == "haron-zafar")
    assert zafar.uncertain and zafar.note == "Två källor, inget belägg."
    assert len(zafar.years) > 1, "the roles stay together on one page, with the note"


def test_uncertain_roles_are_marked_in_short(archive):
    member = m.JuryMember("Bengt Svenson", organisation="SKL", chair=True, uncertain=True)
    jury = m.Jury((member,), False, ("skl-2011",))
    c = dataclasses.replace(cycle(archive, 2011), jury=jury)
    bengt = next(p for p in pp.index((c,)) if p.id == "bengt-svenson")
    assert bengt.short_roles() == [("juryns ordförande", ((2011, True),))]


def test_the_most_used_spelling_names_the_page(archive):
    c = cycle(archive, 2021)
    a, b = c.ceremony.received_by
    renamed = dataclasses.replace(b, name=a.name.replace(" ", "  "))  # same address, another spelling
    cer = dataclasses.replace(c.ceremony, received_by=(a, renamed))
    quotes = (m.Quote("Ord.", a, ("seed-nominerade-2023",)),)
    (person,) = [p for p in pp.index((dataclasses.replace(c, ceremony=cer, quotes=quotes),)) if p.id == pp.person_id(a)]
    assert person.name == a.name and set(person.names) == {a.name, renamed.name}


# --- data/people.yaml through the loader ----------------------------------------------------------------------------

@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_people_file_notes_reach_the_person(data):
    (data / "people.yaml").write_text(
        "- key: bo-dahlbom\n  uncertain: true\n  note: Att det är samma person är inte belagt i källorna.\n",
        encoding="utf-8")
    bo = by_id(load_archive(data), "bo-dahlbom")
    assert bo.uncertain and bo.note == "Att det är samma person är inte belagt i källorna."


def test_people_file_key_must_name_someone(data):
    (data / "people.yaml").write_text("- key: bo-dalbom\n  note: Stavfel i nyckeln.\n", encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_archive(data)
    report = exc.value.report()
    assert "data/people.yaml:1:" in report and "post 1, key" in report and "bo-dalbom" in report
    assert "Menade du bo-dahlbom?" in report


def test_people_file_key_twice(data):
    (data / "people.yaml").write_text("- key: bo-dahlbom\n- key: bo-dahlbom\n", encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_archive(data)
    assert "post 2, key" in exc.value.report() and "står redan" in exc.value.report()


def test_people_file_key_is_an_address(data):
    (data / "people.yaml").write_text("- key: Bo Dahlbom\n", encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_archive(data)
    assert "data/people.yaml" in exc.value.report()


def test_a_key_settles_identity(archive):
    c = cycle(archive, 2021)
    a, b = c.ceremony.received_by
    # Two spellings, one key: one person. The same name with two keys: two people.
    one = dataclasses.replace(c, ceremony=dataclasses.replace(c.ceremony, received_by=(
        dataclasses.replace(a, name="Per Ola Lindahl", key="per-ola-lindahl"),
        dataclasses.replace(b, name="Per-Ola Lindahl", key="per-ola-lindahl"))), quotes=())
    people = [p for p in pp.index((one,)) if "lindahl" in p.id]
    assert [p.id for p in people] == ["per-ola-lindahl"]
    assert set(people[0].names) == {"Per Ola Lindahl", "Per-Ola Lindahl"}
    two = dataclasses.replace(c, ceremony=dataclasses.replace(c.ceremony, received_by=(
        dataclasses.replace(a, name="Anna Ek"), dataclasses.replace(b, name="Anna Ek", key="anna-ek-sundsvall"))),
        quotes=())
    assert sorted(p.id for p in pp.index((two,)) if p.name == "Anna Ek") == ["anna-ek", "anna-ek-sundsvall"]


def test_statements_and_representatives_are_roles(archive):
    c = cycle(archive, 2021)
    speaker = m.Person("Ann Ek", "kommundirektör", "Sundsvalls kommun")
    c = dataclasses.replace(c, statements=(m.Statement("Ord.", speaker, c.winner, ("seed-sundsvall-2021",)),
                                           m.Statement("Fler ord.", speaker, c.winner, ("seed-sundsvall-2021",))),
                            representatives=(m.Representative(m.Person("Bo Ek"), c.winner, ("seed-sundsvall-2021",)),))
    roles = {(r.kind, r.anchor, r.phrase) for r in pp.roles(c) if r.name in ("Ann Ek", "Bo Ek")}
    assert roles == {("uttalande", "uttalande-ann-ek", "uttalade sig för Sundsvalls kommun"),
                     ("uttalande", "uttalande-ann-ek-2", "uttalade sig för Sundsvalls kommun"),
                     ("företrädare", "foretradare-bo-ek", "företrädde Sundsvalls kommun")}


def test_arkiv_changes_reports_people_yaml_not_the_derived_index(archive):
    note = pp.PersonNote("bo-dahlbom", uncertain=True, note="Inte belagt.")
    edited = dataclasses.replace(archive, person_notes=(*archive.person_notes, note), people=archive.people[1:])
    found = changes.compare(archive, edited)
    assert [c.where[0] for c in found.award] == ["personer (data/people.yaml)"]
    assert "bo-dahlbom" in found.award[0].new
