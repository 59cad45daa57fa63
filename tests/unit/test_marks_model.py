"""arkiv.record.marks on the test archive: the one place that marks a fact, and what reads it (knowledge, glance,
chronology, people)."""

from __future__ import annotations

from arkiv.record import knowledge
from arkiv.record.chronology import moments
from arkiv.record.glance import glance
from arkiv.record.marks import CLEAR, Mark, mark, marks, timeline_mark


def test_fixture_marks(fixture_archive):
    by_year = {c.year: c for c in fixture_archive.cycles}
    # 2023: a presenter the sources disagree on (the first conflict on the page).
    assert marks(by_year[2023]) == {"prisutdelare": Mark(conflict=1)}
    assert mark(by_year[2023], "datum") is CLEAR and not CLEAR.marked
    assert Mark(uncertain=True, conflict=2).words == ("osäker", "omstridd")


def test_readers_take_the_same_mark(fixture_archive):
    for c in fixture_archive.cycles:
        marked = marks(c)
        states = {cell.facet.key: cell.state for cell in knowledge.cells(c)}
        assert all(states[k] == knowledge.PARTIAL for k in marked)
        g = glance(fixture_archive, c)
        assert g.marks == marked and g.date_uncertain == mark(c, "datum").uncertain
        for t in c.timeline:
            on_day = bool(c.ceremony and t.date == c.ceremony.date and not t.end)
            assert timeline_mark(c, t) == (mark(c, "datum") if on_day else CLEAR)
        presenters = [r for p in fixture_archive.people for r in p.roles
                      if r.year == c.year and r.kind == "prisutdelare"]
        assert all(r.uncertain == ("prisutdelare" in marked) for r in presenters)
    for moment in moments(fixture_archive):
        if moment.cycle:
            assert moment.handed_over_mark == mark(moment.cycle, "datum")
