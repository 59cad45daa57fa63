"""JSON Schema failures become short Swedish messages with a hint, at the right path."""

from __future__ import annotations

from pathlib import Path

from arkiv.reading.schema import validate
from arkiv.reading.yamlload import load_yaml

SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "schema"


def errors_for(text: str, schema: str = "cycle.schema.json"):
    loaded, errs = load_yaml(text.encode("utf-8"), "data/cycles/2023.yaml")
    assert not errs, errs
    return validate(loaded, SCHEMAS, schema)


def only(text: str, schema: str = "cycle.schema.json"):
    errs = errors_for(text, schema)
    assert len(errs) == 1, errs
    return errs[0]


def test_minimal_cycle_is_valid():
    assert errors_for("year: 2023\n") == []


def test_unknown_field_suggests_the_near_one():
    err = only("year: 2023\nevent:\n  name: Kvalitetsmässan\n  venu: Svenska Mässan\n  sources: [a]\n")
    assert err.path == ("event", "venu") and err.line == 4
    assert err.message == "okänt fält venu." and err.hint == "Menade du venue?"


def test_unknown_field_far_from_any_lists_allowed():
    err = only("year: 2023\nprize:\n  text: Ett pris.\n  sources: [a]\n  xyzzy: 1\n")
    assert err.hint.startswith("Tillåtna fält här: amount_sek, sources, text")


def test_missing_required():
    err = only("year: 2023\njury:\n  members: [{name: Anna Andersson}]\n  sources: [a]\n")
    assert err.path == ("jury",) and err.message == "fältet complete saknas."


def test_yaml11_bool_where_text_expected():
    err = only("year: 2023\nceremony:\n  city: no\n  sources: [a]\n")
    assert err.path == ("ceremony", "city")
    assert err.message == "ska vara text, men YAML läser no som ja/nej." and '"no"' in err.hint


def test_number_where_text_expected():
    err = only("year: 2023\nceremony:\n  city: 2023\n  sources: [a]\n")
    assert "ska vara text, men är ett tal (2023)" in err.message


def test_wrong_type():
    err = only("year: 2023\nprize:\n  text: Pris.\n  amount_sek: femtio\n  sources: [a]\n")
    assert err.message == "ska vara ett heltal, men är text."


def test_year_as_text():
    err = only('year: "tjugo"\n')
    assert err.message == "ska vara ett heltal, men är text."


def test_bad_date_format():
    err = only("year: 2023\nceremony:\n  date: 21/11/2023\n  sources: [a]\n")
    assert "inte ett datum i formen ÅÅÅÅ-MM-DD" in err.message


def test_enum_lists_the_options():
    err = only("year: 2023\nrounds:\n  - label: x1\n    stage: vinnare\n    entrants: [Nacka kommun]\n"
               "    sources: [a]\n")
    assert err.path == ("rounds", 0, "stage") and err.hint == "Skriv ett av: nominerad, finalist."


def test_empty_list_and_empty_text():
    assert only("year: 2023\nprize:\n  text: Pris.\n  sources: []\n").message == "listan är tom."
    assert only('year: 2023\nprize:\n  text: ""\n  sources: [a]\n').message == "texten är tom."


def test_name_with_markup_is_refused():
    err = only("year: 2023\nceremony:\n  city: <b>Göteborg</b>\n  sources: [a]\n")
    assert "har fel form" in err.message


def test_placeholder_from_new_cycle():
    err = only("year: 2023\nrounds:\n  - label: nominerade\n    stage: nominerad\n    entrants: [<kommun>]\n"
               "    sources: [a]\n")
    assert err.message == "platshållaren <kommun> är inte ifylld."
    assert only('year: 2023\nceremony:\n  date: "2023-MM-DD"\n  sources: [a]\n').message == \
        "platshållaren 2023-MM-DD är inte ifylld."


def test_entrant_object_branch_is_explained():
    err = only("year: 2023\nrounds:\n  - label: nominerade\n    stage: nominerad\n    entrants:\n"
               "      - name: Mora och Orsa\n        kommunerr: [Mora kommun]\n    sources: [a]\n")
    assert err.message == "okänt fält kommunerr." and err.hint == "Menade du kommuner?"


def test_too_long_text():
    err = only("year: 2023\nprize:\n  text: " + "a" * 5001 + "\n  sources: [a]\n")
    assert "för lång (5001 tecken, högst 5000)" in err.message


def test_year_out_of_range():
    assert "utanför det tillåtna" in only("year: 1999\n").message


def test_winners_schema():
    err = only("- year: 2023\n  winner: Värmdö kommun\n  sources: [a]\n", "winners.schema.json")
    assert err.path == (0,) and err.message == "fältet motivation saknas."
