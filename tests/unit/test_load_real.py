"""The real archive in data/, loaded without MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest

from arkiv.reading.load import load_archive

ROOT = Path(__file__).resolve().parents[2]
WINNERS = {
    2023: "Värmdö kommun", 2021: "Sundsvalls kommun", 2019: "Lidingö stad", 2017: "Stockholms stad",
    2015: "Helsingborgs stad", 2013: "Karlstads kommun", 2011: "Upplands Väsby kommun", 2009: "Falkenbergs kommun",
    2007: "Umeå kommun", 2005: "Malmö stad", 2003: "Nacka kommun", 2001: "Kalix kommun",
}


@pytest.fixture(scope="module")
def archive():
    return load_archive(ROOT / "data")


def test_twelve_cycles_newest_first(archive):
    assert [c.year for c in archive.cycles] == list(range(2023, 2000, -2))
    assert (archive.founded, archive.interval) == (2001, 2)


def test_winners(archive):
    assert {c.year: c.winner.name for c in archive.cycles} == WINNERS
    assert all(c.motivation and all(p.strip() for p in c.motivation) for c in archive.cycles)


def test_award_names(archive):
    assert [n.name for n in archive.names if n.covers(2015)] == ["Sveriges IT-kommun"]
    assert [n.name for n in archive.names if n.covers(2017)] == ["Sveriges DigitaliseringsKommun"]
    assert {c.award_name for c in archive.cycles if c.year <= 2015} == {"Sveriges IT-kommun"}


def test_2023_has_two_rounds_with_the_winner_in_the_last(archive):
    c2023 = next(c for c in archive.cycles if c.year == 2023)
    assert [r.stage for r in c2023.rounds] == ["nominerad", "finalist"]
    assert any(e.codes == c2023.winner.codes for e in c2023.rounds[-1].entrants)
    assert c2023.jury is not None and sum(m.chair for m in c2023.jury.members) == 1


def test_joint_entrant_has_three_kommuner(archive):
    c2023 = next(c for c in archive.cycles if c.year == 2023)
    joint = next(e for e in c2023.rounds[0].entrants if len(e.kommuner) > 1)
    assert joint.name == "Mora, Orsa och Älvdalens kommuner"
    assert [k.name for k in joint.kommuner] == ["Mora", "Orsa", "Älvdalen"]
    assert len(archive.appearances(joint.kommuner[2].code)) >= 1


def test_every_source_reference_resolves(archive):
    for c in archive.cycles:
        assert set(c.source_ids()) <= set(archive.sources), c.year


def test_lidingo_is_shown_by_its_own_name(archive):
    c2019 = next(c for c in archive.cycles if c.year == 2019)
    assert c2019.winner.kommuner[0].own_name == "Lidingö stad"


def test_appearances_put_the_win_first(archive):
    varmdo = next(k for k in archive.kommuner if k.name == "Värmdö")
    roles = [(a.year, a.role) for a in archive.appearances(varmdo.code)]
    assert roles[0] == (2023, "vinnare")
    assert (2023, "finalist") in roles and (2023, "nominerad") in roles


def test_shown_as_prefix(tmp_path):
    import shutil
    from arkiv.errors import DataErrors
    shutil.copytree(ROOT / "data", tmp_path / "d")
    (tmp_path / "d" / "cycles" / "2023.yaml").write_text("year: 2023\nx: 1\n", encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_archive(tmp_path / "d", shown_as="min-data")
    assert str(exc.value.errors[0]).startswith("min-data/cycles/2023.yaml:2:1: x:")
