"""Sidornas egna beskrivningar (meta description) ur arkivets data: vad just den här sidan säger."""

from __future__ import annotations

from arkiv.record import model as m
from arkiv.record.register import Kommun
from arkiv.text import join_and

PREPOSITION = {"finalist": "i", "nominerad": "till"}  # finalist i …, nominerad till …


# One year's part without a win: "finalist i Sveriges IT-kommun 2015", or "finalist 2015" when the award is known.
def _took_part(a: m.Appearance, name_award: bool) -> str:
    return f"{a.role} {PREPOSITION[a.role]} {a.award_name} {a.year}" if name_award else f"{a.role} {a.year}"


# A municipality page's description: where it lies and what it did each year it took part, its strongest role that
# year, oldest first: "Falkenbergs kommun i Hallands län vann Sveriges IT-kommun 2009 och var finalist 2017."
def kommun_description(kommun: Kommun, appearances: list[m.Appearance], archive_title: str) -> str:
    best: dict[int, m.Appearance] = {}
    for a in appearances:  # strongest role per year first (Archive.appearances)
        best.setdefault(a.year, a)
    years = sorted(best.values(), key=lambda a: a.year)
    wins = [a for a in years if a.role == m.WINNER]
    others = [a for a in years if a.role != m.WINNER]
    subject = f"{kommun.own_name} i {kommun.county}"
    if wins:
        won = join_and(f"{a.award_name} {a.year}" for a in wins)
        rest = join_and(_took_part(a, False) for a in others) if others else ""
        return f"{subject} vann {won}" + (f" och var {rest}." if rest else ".")
    if not others:
        return f"{subject} i {archive_title[0].lower()}{archive_title[1:]}."
    parts = [_took_part(a, i == 0 or a.award_name != others[i - 1].award_name) for i, a in enumerate(others)]
    return f"{subject} var {join_and(parts)}."
