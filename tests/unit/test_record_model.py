"""The record's new pieces in the model: archived links, the n-th award, ordinals, statements by municipality."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from arkiv.reading.load import load_archive
from arkiv.record import model as m
from arkiv.text import ordinal

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("date, version, stamp", [
    ("2019-03-20", None, "20190320"),  # the day itself
    ("2017-05", None, "20170531"),  # a month: its last day, when that version surely existed
    ("2013", None, "20131231"),
    ("2019", "2019-11-13", "20191113"),  # the version relied on wins over the publication date
])
def test_archived_copy_is_dated_from_the_version_relied_on(date, version, stamp):
    s = m.Source("x", "T", date=date, version=version, url="https://example.se/a/")
    assert s.archive_url == f"https://web.archive.org/web/{stamp}/https://example.se/a/"


def test_archived_copy_without_a_date_lists_every_capture_and_none_without_an_address():
    assert m.Source("x", "T", url="https://example.se/").archive_url == "https://web.archive.org/web/*/https://example.se/"
    assert m.Source("x", "T", date="2020").archive_url is None


@pytest.mark.parametrize("n, word", [(1, "första"), (4, "fjärde"), (6, "sjätte"), (10, "tionde"), (13, "trettonde"),
                                     (20, "tjugonde"), (21, "21:a"), (22, "22:a"), (25, "25:e"), (111, "111:e")])
def test_swedish_ordinals(n, word):
    assert ordinal(n) == word


def test_ordinal_refuses_nonsense():
    with pytest.raises(ValueError):
        ordinal(0)


def test_edition_is_counted_from_the_cycles_in_the_archive():
    archive = load_archive(ROOT / "data")
    assert [archive.edition_of(y) for y in (2001, 2007, 2011, 2019, 2023)] == [1, 4, 6, 10, 12]
    assert all(c.edition.number == archive.edition_of(c.year) for c in archive.cycles if c.edition)


def test_a_statement_may_name_one_municipality_of_a_joint_entrant(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "cycles" / "2023.yaml"
    text = path.read_text(encoding="utf-8")
    # "Orsa kommun" is one of the three behind "Mora, Orsa och Älvdalens kommuner": the statement belongs to that
    # entrant.
    path.write_text(text.replace("    entrant: Värmdö kommun\n", "    entrant: Orsa kommun\n"), encoding="utf-8")
    c2023 = next(c for c in load_archive(data).cycles if c.year == 2023)
    assert c2023.statements[0].entrant.name == "Mora, Orsa och Älvdalens kommuner"


def test_every_new_part_is_in_the_cycles_sources():
    archive = load_archive(ROOT / "data")
    for c in archive.cycles:
        ids = set(c.source_ids())
        parts = [*c.statements, *c.representatives, *c.partners, *c.publications, *c.conflicts]
        parts += [p for p in (c.call, c.edition, c.entrants_count) if p]
        assert all(set(p.sources) <= ids for p in parts), c.year
