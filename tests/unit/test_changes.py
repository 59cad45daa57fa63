"""`arkiv changes`: two archives compared through the model, on copies of the real data/ edited as an organiser
would."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from arkiv.reading.load import load_archive
from arkiv.record import model as m
from arkiv.tools.changes import Change, compare, diff, render
from arkiv.tools.cli import render_new_cycle
from arkiv.tools.issue.writing import drop_next_fair
from arkiv.tools.labels import FIELD_LABELS, field_label

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


# The changes an edit of the copy makes, compared with the real data.
def changes_after(data: Path):
    return compare(load_archive(ROOT / "data"), load_archive(data))


def only_cycle(found, year: int):
    assert [c.year for c in found.cycles] == [year], found.cycles
    assert not found.sources and not found.award
    return found.cycles[0]


def test_unchanged_data_has_no_changes(archive, data):
    found = compare(archive, load_archive(data))
    assert found.empty
    text = render("main", found)
    assert "Inga ändringar i arkivet" in text and "###" not in text


def test_comments_and_line_breaks_are_not_changes(data):
    cycle = data / "cycles" / "2023.yaml"
    cycle.write_text("# en ny kommentar\n" + cycle.read_text(encoding="utf-8"), encoding="utf-8")
    winners = data / "winners.yaml"
    # The folded motivation broken at another place reads as the same text.
    edit(winners, "storskalig förflyttning av kultur,\n      kompetens",
         "storskalig förflyttning\n      av kultur, kompetens")
    assert changes_after(data).empty


def test_edited_motivation_is_one_change_shown_word_by_word(data):
    edit(data / "winners.yaml", "format en kultur och en organisation", "format en kultur och en ledning")
    cycle = only_cycle(changes_after(data), 2021)
    assert cycle.status == "ändrat" and cycle.winner == "Sundsvalls kommun"
    (change,) = cycle.changes
    assert (change.place, change.kind) == ("Juryns motivering", "ändras")
    assert [(p.kind, p.text.strip()) for p in change.words if p.kind != "same"] == [
        ("removed", "organisation"), ("added", "ledning")]
    # Only the words around the change, not the whole of the four paragraphs.
    assert sum(len(p.text) for p in change.words) < 120
    text = render("main", changes_after(data))
    assert "### 2021\n" in text
    assert "- **Juryns motivering:** ändras: " in text and "en <del>organisation</del> <ins>ledning</ins> som" in text


def test_jury_member_added_and_another_removed(data):
    edit(data / "cycles" / "2023.yaml", "    - name: Jessica Steinmetz\n      title: biträdande enhetschef\n"
         "      organisation: Regeringskansliet\n",
         "    - name: Anna Andersson\n      title: kommundirektör\n      organisation: Exempels kommun\n")
    cycle = only_cycle(changes_after(data), 2023)
    assert sorted((c.place, c.kind, c.old, c.new) for c in cycle.changes) == [
        ("Juryn › ledamöter", "läggs till", "",
         "Anna Andersson (titel: kommundirektör; organisation: Exempels kommun)"),
        ("Juryn › ledamöter", "tas bort", "Jessica Steinmetz (titel: biträdande enhetschef; organisation: "
                                          "Regeringskansliet)", ""),
    ]
    text = render("main", changes_after(data))
    assert "- **Juryn › ledamöter:** läggs till: Anna Andersson (titel: kommundirektör" in text
    assert "- **Juryn › ledamöter:** tas bort: Jessica Steinmetz" in text


def test_jury_member_edited_in_place(data):
    edit(data / "cycles" / "2023.yaml", "title: biträdande enhetschef", "title: enhetschef")
    (change,) = only_cycle(changes_after(data), 2023).changes
    assert (change.place, change.kind, change.old, change.new) == (
        "Juryn › ledamöter › Jessica Steinmetz › titel", "ändras", "biträdande enhetschef", "enhetschef")
    assert "ändras från ”biträdande enhetschef” till ”enhetschef”" in render("main", changes_after(data))


def test_renamed_source(data):
    edit(data / "sources.yaml", "title: Vinnare av Sveriges DigitaliseringsKommun\n",
         "title: Alla vinnare av Sveriges DigitaliseringsKommun\n")
    found = changes_after(data)
    assert not found.cycles and not found.award
    (change,) = found.sources
    assert (change.place, change.kind, change.old, change.new) == (
        "Källan seed-vinnare › titel", "ändras", "Vinnare av Sveriges DigitaliseringsKommun",
        "Alla vinnare av Sveriges DigitaliseringsKommun")
    assert "### Källor (data/sources.yaml)" in render("main", found)


def test_added_source_with_its_date_in_swedish(data):
    with (data / "sources.yaml").open("a", encoding="utf-8") as f:
        f.write("\n- id: ny-kalla-2023\n  title: En ny källa\n  publisher: Kvalitetsmässan\n  date: \"2023-11-21\"\n"
                "  kind: nyhet\n")
    (change,) = changes_after(data).sources
    assert (change.place, change.kind) == ("Källan ny-kalla-2023", "läggs till")
    assert change.new == "En ny källa (utgivare: Kvalitetsmässan; datum: 21 november 2023; typ av källa: nyhet)"


def test_added_cycle_lists_what_it_holds(archive, data, fill):
    # The next year, as an organiser adds it: newest in the data plus award.yaml's interval.
    newest = archive.cycles[0].year
    year = newest + archive.interval
    (data / "cycles" / f"{year}.yaml").write_text(fill(render_new_cycle(year)), encoding="utf-8")
    award = data / "award.yaml"  # the fair of the year, if award.yaml knew it, is no longer to come
    award.write_text(drop_next_fair(award.read_text(encoding="utf-8")), encoding="utf-8")
    edit(data / "winners.yaml", f"- year: {newest}\n", f"- year: {year}\n  winner: Värmdö kommun\n  motivation:\n"
         f"    - En ny motivering.\n  sources: [seed-vinnare]\n\n- year: {newest}\n")
    new = load_archive(data)
    found = changes_after(data)
    assert [(c.where, c.kind) for c in found.award] in ([], [(("nästa mässa",), "tas bort")])
    cycle = only_cycle(dataclasses.replace(found, award=()), year)
    assert cycle.status == "nytt" and cycle.winner == "Värmdö kommun"
    assert all(c.kind == "läggs till" for c in cycle.changes)
    added = next(c for c in new.cycles if c.year == year)
    # Every filled-in field of the new year is there, under its Swedish name.
    filled = {field_label(f.name) for f in dataclasses.fields(added)
              if f.name != "year" and getattr(added, f.name) not in (None, (), "")}
    assert {c.where[0] for c in cycle.changes} == filled
    assert {"vinnare", "juryns motivering", "juryn", "prisutdelningen"} <= filled
    by_place = {c.place: c.new for c in cycle.changes}
    assert by_place["Vinnare"] == "Värmdö kommun"
    assert by_place["Juryns motivering"] == "En ny motivering."
    assert f"20 november {year}" in by_place["Prisutdelningen"]
    text = render("main", changes_after(data))
    assert f"### {year}: nytt utmärkelseår\n" in text
    assert "- **Vinnare:** läggs till: Värmdö kommun" in text


def test_removed_cycle(archive, data):
    # The newest year: removing an older one would break the sources' own counts ("the tenth time"), which check stops.
    newest, before = archive.cycles[0].year, archive.cycles[1].year
    (data / "cycles" / f"{newest}.yaml").unlink()
    winners = data / "winners.yaml"
    text = winners.read_text(encoding="utf-8")
    start, end = text.index(f"- year: {newest}\n"), text.index(f"- year: {before}\n")
    winners.write_text(text[:start] + text[end:], encoding="utf-8")
    cycle = only_cycle(changes_after(data), newest)
    assert cycle.status == "borttaget" and cycle.changes == ()
    assert f"### {newest}: tas bort ur arkivet" in render("main", changes_after(data))


def test_order_of_jury_changed(archive):
    c = next(c for c in archive.cycles if c.jury and len(c.jury.members) > 2)
    members = c.jury.members
    moved = dataclasses.replace(c, jury=dataclasses.replace(c.jury, members=(members[1], members[0], *members[2:])))
    (change,) = diff(c, moved)
    assert (change.place, change.kind) == ("Juryn › ledamöter", "ny ordning")
    assert change.new.startswith(f"{members[1].name}, {members[0].name}")


# Blank a field as an organiser could: a list emptied, a value removed (the winner swapped, as it cannot be missing).
def blanked(archive: m.Archive, cycle: m.Cycle, name: str):
    value = getattr(cycle, name)
    if name == "winner":
        return next(c.winner for c in archive.cycles if c.winner != value)
    return () if isinstance(value, tuple) else None


def test_every_field_of_a_cycle_is_compared(archive):
    # Generic over the model: each filled-in field of each year, blanked in turn, is reported under its own name.
    checked = set()
    for cycle in archive.cycles:
        for f in dataclasses.fields(cycle):
            if f.name == "year" or getattr(cycle, f.name) in (None, (), ""):
                continue
            found = diff(cycle, dataclasses.replace(cycle, **{f.name: blanked(archive, cycle, f.name)}))
            assert found, f"{cycle.year}: a change of {f.name} was not found"
            assert {c.where[0] for c in found} == {field_label(f.name)}, (cycle.year, f.name, found)
            checked.add(f.name)
    assert {"winner", "motivation", "rounds", "jury", "timeline", "ceremony", "facts"} <= checked


def test_a_field_new_to_the_model_is_compared_without_code_changes(archive):
    # A model extended with fields this module has never heard of, as another branch may do.
    Statement = dataclasses.make_dataclass("Testimony", [("said_by", str), ("text", str)], frozen=True)
    Extended = dataclasses.make_dataclass(
        "Extended", [("testimonies", tuple, ()), ("entrant_count", int | None, None),
                     ("counts", dict, dataclasses.field(default_factory=dict))], bases=(m.Cycle,), frozen=True)
    old = archive.cycles[0]
    base = Extended(**{f.name: getattr(old, f.name) for f in dataclasses.fields(old)})
    new = dataclasses.replace(base, testimonies=(Statement("Anna Andersson", "Ett uttalande."),), entrant_count=42,
                              counts={"nominerad": 7})
    found = diff(base, new)
    assert sorted((c.place, c.kind, c.new) for c in found) == [
        ("Fältet counts", "läggs till", "nominerad: 7"),
        ("Fältet entrant_count", "läggs till", "42"),
        ("Fältet testimonies", "läggs till", "Ett uttalande. (fältet said_by: Anna Andersson)")]
    # Edited inside: the new record type is matched by its text and compared field by field.
    edited = dataclasses.replace(new, testimonies=(Statement("Bo Berg", "Ett uttalande."),), entrant_count=43,
                                 counts={"nominerad": 8, "finalist": 3})
    assert sorted((c.place, c.old, c.new) for c in diff(new, edited)) == [
        ("Fältet counts › finalist", "", "3"), ("Fältet counts › nominerad", "7", "8"),
        ("Fältet entrant_count", "42", "43"),
        ("Fältet testimonies › Ett uttalande. › fältet said_by", "Anna Andersson", "Bo Berg")]
    # And the whole archive, with such cycles, is compared through them.
    older = dataclasses.replace(archive, cycles=(base, *archive.cycles[1:]))
    newer = dataclasses.replace(archive, cycles=(new, *archive.cycles[1:]))
    assert [c.year for c in compare(older, newer).cycles] == [old.year]


def test_labels_are_swedish_and_unknown_fields_are_named_plainly():
    assert field_label("motivation") == "juryns motivering"
    assert field_label("publications") == "skrifter"
    assert field_label("testimonies") == "fältet testimonies"
    assert all(label and label == label.strip() for label in FIELD_LABELS.values())


def test_unknown_kind_of_value_fails_loudly():
    with pytest.raises(TypeError, match="Kan inte beskriva"):
        diff(None, {"en mängd"})
    with pytest.raises(TypeError, match="Kan inte beskriva"):
        diff(1.5j, 2j)


def test_text_from_the_data_cannot_become_markup():
    change = Change(("källan x", "titel"), "ändras", "*fet* [länk](http://x) <b>", "`kod` | tabell")
    text = render("main", _found_sources(change))
    assert r"\*fet\* \[länk\](http://x) &lt;b&gt;" in text
    assert r"\`kod\` \| tabell" in text


def _found_sources(*changes):
    from arkiv.tools.changes import ArchiveChanges
    return ArchiveChanges((), tuple(changes), ())


def test_problems_loading_either_side_are_said_plainly():
    text = render("main", None,
                  base_problem="1 fel i datafilerna:\n  main:data/winners.yaml:1:1: (filen): filen är tom.")
    assert "Uppgifterna i `main` går inte att läsa in" in text
    assert "\n    1 fel i datafilerna:\n      main:data/winners.yaml:1:1:" in text
    text = render("main", None, work_problem="1 fel i datafilerna:\n  data/winners.yaml:1:1: (filen): filen är tom.")
    assert "Uppgifterna i den här versionen går inte att läsa in" in text
