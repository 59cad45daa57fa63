"""How problems are written for organisers."""

from __future__ import annotations

from arkiv.errors import DataError, DataErrors, format_path


def test_format_path():
    assert format_path(("jury", "members", 7, "organisation")) == "jury, ledamot 8, organisation"
    assert format_path((0, "winner")) == "post 1, winner"
    assert format_path(("rounds", 1, "entrants", 0)) == "omgång 2, deltagare 1"
    assert format_path(("ceremony", "presenter", "name")) == "ceremony.presenter.name"
    assert format_path(("event", "organisers", 1)) == "event, arrangör 2"
    assert format_path(("odd", 0)) == "odd 1"
    assert format_path(()) == ""


def test_report_sorted_deduplicated_and_counted():
    a = DataError("data/winners.yaml", 9, 3, ("year",), "fel a.")
    b = DataError("data/cycles/2023.yaml", 12, 1, (), "fel b.", "Rätta.")
    report = DataErrors([a, b, a]).report()
    assert report.splitlines() == [
        "2 fel i datafilerna:",
        "  data/cycles/2023.yaml:12:1: (filen): fel b. Rätta.",
        "  data/winners.yaml:9:3: year: fel a.",
    ]
    assert DataErrors([a]).report().startswith("1 fel i datafilerna:")
