"""A round's size as the sources give it (arkiv.record.model.Size: exact, a range such as 5–10, or unknown): the year
page, /statistik/ (table and chart, each round by its own label) and /luckor/ say it with the names known and the right
grammar. Derived from the model, on the small archive (a first round of 5–10 with four named, a final of 3 with two)
and on the real build."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def plain(raw: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", raw)))


# The words the pages use for a round's count: "5–10 nominerade, varav 1 känd i arkivet", "3 finalister, varav 2 …".
def count_words(r) -> str:
    named = len(r.entrants)
    known = f"{named} {'känd' if named == 1 else 'kända'} i arkivet"
    if r.size is None or not r.size.known:
        return f"okänt antal {'nominerade' if r.stage == 'nominerad' else 'finalister'}, {known}"
    n = r.size.high
    noun = ("nominerad" if n == 1 else "nominerade") if r.stage == "nominerad" else ("finalist" if n == 1 else
                                                                                     "finalister")
    return f"{r.size.span} {noun}" + (f", varav {known}" if r.short else "")


def check(site: Path, archive) -> int:
    gaps = plain((site / "luckor" / "index.html").read_text(encoding="utf-8"))
    raw = (site / "statistik" / "index.html").read_text(encoding="utf-8")
    chart = raw[raw.index('aria-labelledby="figur-per-ar-text"'):]
    chart = chart[:chart.index("</svg>")]
    bars = re.findall(r'<text class="arkiv-chart__value" [^>]*>([^<]*)</text>', chart)
    expected_bars = []
    short = 0
    for c in sorted(archive.cycles, key=lambda c: c.year):
        year_page = plain((site / str(c.year) / "index.html").read_text(encoding="utf-8"))
        for r in c.rounds:
            named = len(r.entrants)
            size = r.size.span if r.size else str(named)
            bar = f"{r.label}: {size or 'okänt antal'}"
            expected_bars.append(bar + (f", {named} {'känd' if named == 1 else 'kända'}" if r.short else ""))
            if r.short:
                short += 1
                words = count_words(r)
                assert f"{c.year}, {r.label}: {words}." in gaps, (c.year, r.label)
                assert f"{words[0].upper()}{words[1:]}." in year_page, (c.year, r.label)
            else:
                assert f"{c.year}, {r.label}:" not in gaps
    assert [html.unescape(b) for b in bars if b != "okänt"] == expected_bars
    assert not re.search(r"\b1 (nominerade|finalister|kända)\b", gaps + plain(chart)), "1 takes the singular"
    return short


def test_the_small_archive(small_site):
    site, archive = small_site
    first = next(c for c in archive.cycles if c.year == 2023).rounds[0]
    assert (first.size.low, first.size.high, len(first.entrants)) == (5, 10, 4)
    assert check(site, archive) >= 2
    assert "2023, nominerade: 5–10 nominerade, varav 4 kända i arkivet." in plain(
        (site / "luckor" / "index.html").read_text(encoding="utf-8"))


def test_the_real_build(built_site, archive):
    check(built_site, archive)
