"""Swedish typography: dates, spans, amounts and search folding."""

from __future__ import annotations

import datetime as dt

import pytest

from arkiv.text import (
    NBSP,
    date_bounds,
    first_sentence,
    fold,
    format_date,
    format_number,
    format_sek,
    format_span,
    join_and,
    parse_date,
)


@pytest.mark.parametrize("value, shown", [
    ("2023-11-21", "21 november 2023"),
    ("2023-01-01", "1 januari 2023"),
    ("2023-10", "oktober 2023"),
    ("2023", "2023"),
    ("2019-05-09", "9 maj 2019"),
])
def test_format_date(value, shown):
    assert format_date(value) == shown


@pytest.mark.parametrize("start, end, shown", [
    ("2023-11-21", "2023-11-23", "21–23 november 2023"),
    ("2023-08", "2023-09", "augusti–september 2023"),
    ("2022-12-01", "2023-01-10", "1 december 2022–10 januari 2023"),
    ("2023-11-21", None, "21 november 2023"),
    ("2023-11-21", "2023-11-21", "21 november 2023"),
    ("2023-10-30", "2023-11-02", "30 oktober 2023–2 november 2023"),
])
def test_format_span(start, end, shown):
    assert format_span(start, end) == shown


def test_format_sek_uses_non_breaking_spaces():
    assert format_sek(50000) == "50\u00a0000\u00a0kr"
    assert format_sek(50000).replace(NBSP, " ") == "50 000 kr"
    assert " " not in format_sek(1_000_000)
    assert format_sek(500) == "500\u00a0kr"


def test_format_number():
    assert format_number(2000) == "2\u00a0000"
    assert format_number(999) == "999"


@pytest.mark.parametrize("text, folded", [("Värmdö", "Varmdo"), ("Älvdalen", "Alvdalen"), ("Åre", "Are"),
                                          ("Kalix", "Kalix"), ("Malmö stad", "Malmo stad"), ("é", "e")])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13-01", "2023-00", "2023-04-31", "2023-11-00"])
def test_parse_date_refuses_impossible_dates(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_parse_date_accepts_leap_day():
    assert parse_date("2024-02-29") == (2024, 2, 29)


def test_date_bounds():
    assert date_bounds("2023") == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert date_bounds("2023-02") == (dt.date(2023, 2, 1), dt.date(2023, 2, 28))
    assert date_bounds("2023-12") == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert date_bounds("2023-11-21") == (dt.date(2023, 11, 21),) * 2


def test_first_sentence():
    text = "Kalix har visat att en kommun inte behöver vara stor. Med en genomtänkt IT-strategi."
    assert first_sentence(text) == "Kalix har visat att en kommun inte behöver vara stor."
    assert first_sentence("Kort. Sedan mer text här.") == "Kort. Sedan mer text här."


def test_join_and_is_the_one_list_joiner():
    assert join_and([]) == ""
    assert join_and([2013]) == "2013"
    assert join_and([2013, 2015]) == "2013 och 2015"
    assert join_and(["a", "b", "c"]) == "a, b och c"
