"""The rules across fields and files (arkiv.reading.rules), on small files written here: what the corpus in
tests/corpus.yaml does not show (each rule's main case is there), such as what a rule leaves to another one."""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path

import pytest

from arkiv.errors import DataErrors
from arkiv.reading import rules
from arkiv.reading.files import CycleFiles, Files
from arkiv.reading.load import load_archive
from arkiv.reading.yamlload import Loaded, load_yaml
from arkiv.record.register import Register
from arkiv.text import every_years

ROOT = Path(__file__).resolve().parents[2]
REGISTER = Register.from_csv(ROOT / "data" / "kommuner.csv")
AWARD = """\
founded: 2001
interval_years: 2
names: [{name: Sveriges IT-kommun, from: 2001, sources: [s]}]
"""


def loaded(text: str, file: str) -> Loaded:
    out, errors = load_yaml(textwrap.dedent(text).encode("utf-8"), file)
    assert out is not None and not errors, errors
    return out


def winners(*rows: tuple[int, str]) -> Loaded:
    text = "".join(f"- year: {y}\n  winner: {w}\n  motivation: [x]\n  sources: [s]\n" for y, w in rows)
    return loaded(text, "data/winners.yaml")


# One year, 2023, from parts of its file and the winner's name in winners.yaml.
def year(*parts: str, winner: str = "Värmdö kommun") -> CycleFiles:
    file = loaded("".join(["year: 2023\n", *(textwrap.dedent(p) for p in parts)]), "data/cycles/2023.yaml")
    return CycleFiles(year=2023, file=file, winners=winners((2023, winner)), row=0, register=REGISTER)


def files(rows: Loaded, cycles: dict[int, str] | None = None, unreadable: frozenset[int] = frozenset(),
          award: str = AWARD) -> Files:
    return Files(register=REGISTER, award=loaded(award, "data/award.yaml"),
                 sources=loaded("- {id: s, title: T}\n", "data/sources.yaml"), winners=rows,
                 people=loaded("[]\n", "data/people.yaml"),
                 cycles={y: loaded(f"year: {y}\n{b}", f"data/cycles/{y}.yaml") for y, b in (cycles or {}).items()},
                 unreadable=unreadable)


def found(rule, subject) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in rule(subject)]


ROUNDS = """\
rounds:
  - label: finalister
    stage: finalist
    sources: [s]
    entrants: [Värmdö kommun, {name: "Mora, Orsa och Älvdalens kommuner",
               kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]}]
"""


def test_every_rule_is_run_by_the_loader():
    run = {*rules.FILE_RULES, *rules.CYCLE_RULES, *rules.ARCHIVE_RULES, rules.real_dates}
    # The two checks the lenient rules (arkiv.reading.lenient) also run on a file that broke its schema are parts of
    # rules, not rules of their own.
    shared = {"judge", "judge_archive", "unknown_sources", "entrant_in_register"}
    public = {f for name, f in inspect.getmembers(rules, inspect.isfunction)
              if f.__module__ == rules.__name__ and not name.startswith("_") and name not in shared}
    assert public == run


def test_every_rule_says_what_it_checks_in_a_comment():
    for rule in {*rules.FILE_RULES, *rules.CYCLE_RULES, *rules.ARCHIVE_RULES, rules.real_dates}:
        assert (inspect.getcomments(rule) or "").startswith("# "), rule.__name__


def test_the_wording_of_the_rhythm():
    assert [every_years(n) for n in (1, 2, 3, 4)] == ["varje år", "vartannat år", "vart 3:e år", "vart 4:e år"]


def test_award_years_follow_the_interval_in_award_yaml():
    rows = winners((2024, "Värmdö kommun"), (2025, "Värmdö kommun"))
    every_fourth = files(rows, award=AWARD.replace("interval_years: 2", "interval_years: 4"))
    errors = list(rules.winners_in_award_years(every_fourth))
    assert [e.path for e in errors] == [(0, "year")]
    assert errors[0].hint == "Utmärkelsen delas ut vart 4:e år från 2001: 2001, 2005 …"


def test_a_year_twice_is_said_once_and_a_year_that_is_no_award_year_at_each_row():
    f = files(winners(*[(y, "Värmdö kommun") for y in (2023, 2023, 2024, 2024)]))
    assert found(rules.winners_once, f) == [("post 2, year", "året 2023 står två gånger.")]
    assert found(rules.winners_in_award_years, f) == [("post 3, year", "2024 är inget utmärkelseår."),
                                                      ("post 4, year", "2024 är inget utmärkelseår.")]


def test_a_row_whose_file_did_not_read_asks_for_no_file():
    rows = winners((2023, "Värmdö kommun"), (2021, "Sundsvalls kommun"))
    assert found(rules.rows_have_files, files(rows, unreadable=frozenset({2021}))) == [
        ("post 1, year", "det finns ingen fil data/cycles/2023.yaml för året.")]
    assert [c.year for c in files(rows, {2023: "", 2019: ""}).paired] == [2023]


def test_a_joint_entrant_is_reported_at_its_first_unknown_municipality_only():
    c = year("rounds: [{label: finalister, stage: finalist, sources: [s], entrants: "
             "[Värmdö kommun, {name: Två, kommuner: [Mora kommun, Morra, Orssa]}]}]\n")
    assert found(rules.kommuner_exist, c) == [
        ("omgång 1, deltagare 2, kommun 2", "Morra finns inte i kommunregistret.")]
    assert [e.name for e in c.entrants] == ["Värmdö kommun", "Värmdö kommun"]


def test_an_unknown_winner_is_left_to_the_register_rule():
    recipient = "ceremony: {sources: [s], received_by: [{name: A, organisation: Lidingö stad}]}\n"
    c = year(ROUNDS, recipient, winner="Varmdö")
    assert found(rules.kommuner_exist, c) == [("post 1, winner", "Varmdö finns inte i kommunregistret.")]
    assert found(rules.winner_in_last_round, c) == []
    assert found(rules.recipients_for_winner, c) == []


def test_representatives_speak_for_an_entrant_of_the_year():
    c = year(ROUNDS, """\
        representatives:
          - {name: A, entrant: Orsa, sources: [s]}
          - {name: B, entrant: Lidingö stad, sources: [s]}
        statements:
          - {text: T, speaker: {name: C}, entrant: "mora, orsa och älvdalens kommuner", sources: [s]}
        """)
    assert found(rules.speak_for_entrants, c) == [
        ("företrädare 2, entrant", "Lidingö stad är inte vinnare, nominerad eller finalist 2023.")]
    assert c.entrant_named("Orsa").name == "Mora, Orsa och Älvdalens kommuner"


def test_timeline_rows_after_a_date_that_is_not_real_are_left_for_later():
    c = year("""\
        timeline:
          - {date: "2030-01", text: a, sources: [s]}
          - {date: "2023-02-30", text: b, sources: [s]}
          - {date: "2019", text: c, sources: [s]}
        """)
    assert found(rules.timeline_in_cycle, c) == [("händelse 1, date", "2030-01 ligger utanför utmärkelseåret 2023.")]
    assert found(rules.timeline_in_order, c) == []
    assert [e.field for e in rules.real_dates(c.file)] == ["händelse 2, date"]


def test_event_and_ceremony_dates_are_judged_even_when_the_timeline_has_a_date_that_is_not_real():
    c = year("""\
        timeline: [{date: "2023-02-30", text: a, sources: [s]}]
        event: {name: E, sources: [s], start: "2023-11-21", end: "2023-11-20"}
        ceremony: {sources: [s], date: "2026"}
        """)
    assert found(rules.event_ends_after_start, c) == [("event.end", "slutdatum ligger före startdatum.")]
    assert found(rules.ceremony_in_cycle, c) == [("ceremony.date", "2026 ligger utanför utmärkelseåret 2023.")]


def test_a_month_holds_its_days_in_the_timeline():
    c = year("""\
        timeline:
          - {date: "2021-05-12", text: a, sources: [s]}
          - {date: "2021-05", text: b, sources: [s]}
          - {date: "2021-06", end: "2021-05", text: c, sources: [s]}
        """)
    assert found(rules.timeline_in_order, c) == []
    assert found(rules.timeline_ends_after_start, c) == [("händelse 3, end", "slutdatum ligger före startdatum.")]


def test_the_count_is_judged_only_when_every_person_key_names_someone(small_archive):
    data = small_archive
    with (data / "people.yaml").open("a", encoding="utf-8") as f:
        f.write("\n- key: ingen-alls\n")
    cycle = data / "cycles" / "2023.yaml"
    edition = "edition: {number: 99, quote: x, sources: [exempel-vinnare]}\n"
    cycle.write_text(cycle.read_text(encoding="utf-8") + edition, encoding="utf-8")
    with pytest.raises(DataErrors) as first:
        load_archive(data)
    assert [e.message for e in first.value.errors] == ["ingen person i årens filer har nyckeln ingen-alls."]
    people = (data / "people.yaml").read_text(encoding="utf-8")
    (data / "people.yaml").write_text(people.replace("- key: ingen-alls\n", ""), encoding="utf-8")
    with pytest.raises(DataErrors) as second:
        load_archive(data)
    assert [e.field for e in second.value.errors] == ["edition.number"]
