"""What the archive knows per cycle and facet (arkiv.record.knowledge), and that the year pages' gaps agree with it."""

from __future__ import annotations

import dataclasses

import pytest

from arkiv.record import knowledge as kn
from arkiv.record import model as m


def cycle(archive, year: int) -> m.Cycle:
    return next(c for c in archive.cycles if c.year == year)


def state(c: m.Cycle, key: str) -> str:
    return next(cell.state for cell in kn.cells(c) if cell.facet.key == key)


def bare(archive) -> m.Cycle:
    """A cycle with nothing but its winner and motivation."""
    c = cycle(archive, 2023)
    return m.Cycle(c.year, c.award_name, c.winner, c.motivation, c.winner_sources)


def test_unknowns_agree_with_the_cells(archive):
    for c in archive.cycles:
        cells = kn.cells(c)
        assert [cell.facet.key for cell in cells] == [f.key for f, _ in kn.FACETS]
        unknowns = kn.unknowns(c)
        for cell in cells:
            if cell.state == kn.UNKNOWN:
                assert cell.gap and cell.gap in unknowns, (c.year, cell.facet.key)
                assert cell.anchor == kn.GAPS_ANCHOR
            elif cell.state == kn.KNOWN:
                assert cell.gap is None, (c.year, cell.facet.key)
                assert cell.anchor == cell.facet.anchor
        assert unknowns == tuple(cell.gap for cell in cells if cell.gap) + c.gaps


def test_a_bare_cycle_knows_only_winner_and_motivation(archive):
    c = bare(archive)
    known = {cell.facet.key for cell in kn.cells(c) if cell.state == kn.KNOWN}
    assert known == {"vinnare", "motivering"}
    assert "Vilka som var nominerade eller finalister." in kn.unknowns(c)
    assert f"Vilka som satt i juryn {c.year}." in kn.unknowns(c) and "Vad priset bestod av." in kn.unknowns(c)


@pytest.mark.parametrize("complete, expected", [(True, kn.KNOWN), (False, kn.PARTIAL)])
def test_jury_complete_or_partial(archive, complete, expected):
    jury = m.Jury((m.JuryMember("Ann Ek", chair=True),), complete, ("skl-2011",))
    c = dataclasses.replace(bare(archive), jury=jury)
    assert state(c, "jury") == expected and state(c, "ordforande") == kn.KNOWN


def test_chair(archive):
    no_chair = m.Jury((m.JuryMember("Ann Ek"),), True, ("skl-2011",))
    unsure = m.Jury((m.JuryMember("Ann Ek", chair=True, uncertain=True),), True, ("skl-2011",))
    assert state(dataclasses.replace(bare(archive), jury=no_chair), "ordforande") == kn.UNKNOWN
    assert state(dataclasses.replace(bare(archive), jury=unsure), "ordforande") == kn.PARTIAL
    assert state(bare(archive), "ordforande") == kn.UNKNOWN


@pytest.mark.parametrize("date, uncertain, expected", [
    ("2023-11-21", False, kn.KNOWN), ("2023-11-21", True, kn.PARTIAL), ("2023-11", False, kn.PARTIAL),
    (None, False, kn.UNKNOWN)])
def test_ceremony_date(archive, date, uncertain, expected):
    c = dataclasses.replace(bare(archive), ceremony=m.Ceremony(("kvm-utmarkelse",), date=date, uncertain=uncertain))
    assert state(c, "datum") == expected
    assert state(c, "prisutdelare") == kn.UNKNOWN


def test_rounds_partial_when_more_entrants_than_known(archive):
    full = cycle(archive, 2023).rounds
    named = len(full[0].entrants)
    assert state(dataclasses.replace(bare(archive), rounds=full), "nominerade") == kn.KNOWN
    # More than named: exactly, as a range (5–10) whose top is above the names, or an unknown number.
    for size in (m.Size(named + 3, named + 3), m.Size(named, named + 5), m.Size()):
        short = (dataclasses.replace(full[0], size=size),)
        assert state(dataclasses.replace(bare(archive), rounds=short), "nominerade") == kn.PARTIAL, size
    exact = (dataclasses.replace(full[0], size=m.Size(named, named)),)
    assert state(dataclasses.replace(bare(archive), rounds=exact), "nominerade") == kn.KNOWN


def test_prize_partial_when_only_benefits_are_known(archive):
    benefit = (m.Fact("Logotypen.", ("kvm-jury-2017",)),)
    c = dataclasses.replace(bare(archive), benefits=benefit)
    assert state(c, "pris") == kn.PARTIAL and "Vad priset bestod av." in kn.unknowns(c)
    c = dataclasses.replace(c, prize=m.Prize("En skulptur.", ("kvm-utmarkelse",)))
    assert state(c, "pris") == kn.KNOWN and "Vad priset bestod av." not in kn.unknowns(c)


def test_next_cycle_is_all_unknown_and_totals_add_up(archive):
    assert all(cell.state == kn.UNKNOWN for cell in kn.unknown_cells())
    rows = [kn.cells(c) for c in archive.cycles]
    totals = kn.totals(rows)
    assert sum(totals.values()) == len(archive.cycles) * len(kn.FACETS)
    assert totals[kn.KNOWN] == sum(cell.state == kn.KNOWN for row in rows for cell in row)
