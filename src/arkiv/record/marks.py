"""Hur säker en uppgift är: det enda stället som avgör om en uppgift om ett utmärkelseår visas som osäker eller som
en uppgift källorna säger olika om.

Every page and file that shows a fact takes its mark from here: the year's summary and sections, the timelines on the
home page and the year page, /luckor/ (through arkiv.record.knowledge, which counts a marked fact as partly known),
the feed, the structured data and the open data. The keys are knowledge's facet keys ("datum", "jury" …). A fact is
uncertain when the data marks it as the archive's inference, and disputed when a conflict in the data is about it.
Nothing here imports the model at run time: it reads the cycle's fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from arkiv.record.model import Cycle, TimelineItem

UNCERTAIN, DISPUTED = "osäker", "omstridd"  # the two marks, as data-mark on the page and in the open data


@dataclass(frozen=True)
class Mark:
    uncertain: bool = False  # the archive's inference, not a source's word: "(osäker uppgift)"
    conflict: int | None = None  # the number of the first conflict about it on the year page: "(källorna säger olika)"

    # Whether the fact carries any mark.
    @property
    def marked(self) -> bool:
        return self.uncertain or self.conflict is not None

    # The marks as words, for files: ("osäker", "omstridd"), () when the fact is certain.
    @property
    def words(self) -> tuple[str, ...]:
        return (UNCERTAIN,) * self.uncertain + (DISPUTED,) * (self.conflict is not None)


CLEAR = Mark()


# The facts the data itself can mark as inferred: the winner, the ceremony's date and the jury's chair.
def _uncertain(cycle: Cycle) -> dict[str, bool]:
    cer, chair = cycle.ceremony, cycle.jury.chair if cycle.jury else None
    return {"vinnare": cycle.winner.uncertain, "datum": bool(cer and cer.date and cer.uncertain),
            "ordforande": bool(chair and chair.uncertain)}


# The mark of every fact of a cycle that carries one, by facet key; a fact not listed is certain (CLEAR).
def marks(cycle: Cycle) -> dict[str, Mark]:
    disputed, uncertain = cycle.disputed(), _uncertain(cycle)
    keys = [k for k, flag in uncertain.items() if flag] + [k for k in disputed if not uncertain.get(k)]
    return {k: Mark(uncertain.get(k, False), disputed.get(k)) for k in keys}


# The mark of one fact of a cycle.
def mark(cycle: Cycle, key: str) -> Mark:
    return marks(cycle).get(key, CLEAR)


# The fact a timeline item states, when it is one the cycle holds elsewhere: the prize-giving on the ceremony's date.
def timeline_fact(cycle: Cycle, item: TimelineItem) -> str | None:
    cer = cycle.ceremony
    return "datum" if cer and cer.date and item.date == cer.date and not item.end else None


# The mark of a timeline item: the mark of the fact it states, or none.
def timeline_mark(cycle: Cycle, item: TimelineItem) -> Mark:
    key = timeline_fact(cycle, item)
    return mark(cycle, key) if key else CLEAR
