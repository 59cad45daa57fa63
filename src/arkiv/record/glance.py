"""Ett utmärkelseår i korthet: de uppgifter en läsare vill ha först, ur modellen, på ett ställe.

The year page opens with them as a definition list (templates/cycle.md.j2), and the page's structured data
(arkiv.site.structured_data) describes the prize-giving from the same values, so the two never disagree. A value the
archive does not have is None; arkiv.record.knowledge judges the same facets, and the year page's list of gaps says why.
Only the values are here; the markup is the template's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from arkiv.record.marks import CLEAR, Mark, marks

if TYPE_CHECKING:
    from arkiv.record.model import Archive, Cycle, Entrant, JuryMember, Person, Round, Size


@dataclass(frozen=True)
class Glance:
    year: int
    award_name: str  # the name in force that year
    winner: Entrant
    edition: int  # which time the award was given, counted from the archive's cycles (load checks a source's word)
    founded: int  # the first year, for "tolfte gången sedan starten 2001"
    date: str | None  # the ceremony's date as the data gives it: "2023-11-21", "2011-11" or "2011"
    occasion: str | None  # "Kvalitetsmässans invigningskväll"
    venue: str | None
    city: str | None
    presenter: Person | None
    last_round: Round | None  # the last round before the winner: its label and entrants, in the source's words
    chair: JuryMember | None
    marks: dict[str, Mark] = field(default_factory=dict)  # arkiv.record.marks: every marked fact, by facet key

    # Whether the date is the archive's inference, marked as uncertain wherever it is shown.
    @property
    def date_uncertain(self) -> bool:
        return self.mark("datum").uncertain

    # The mark of one fact shown in the summary (none when it is certain).
    def mark(self, key: str) -> Mark:
        return self.marks.get(key, CLEAR)

    # The place as one line: "GöteborgsOperan, Göteborg"; None when neither is known.
    @property
    def place(self) -> str | None:
        return ", ".join(p for p in (self.venue, self.city) if p) or None

    # How many entrants the last round had, when it had or may have had more than the archive names.
    @property
    def round_size(self) -> Size | None:
        r = self.last_round
        return r.size if r and r.short else None


# The facts of one cycle at a glance.
def glance(archive: Archive, cycle: Cycle) -> Glance:
    cer, marked = cycle.ceremony, marks(cycle)
    return Glance(
        year=cycle.year, award_name=cycle.award_name, winner=cycle.winner, edition=archive.edition_of(cycle.year),
        founded=archive.founded,
        date=cer.date if cer else None,
        occasion=cer.occasion if cer else None, venue=cer.venue if cer else None, city=cer.city if cer else None,
        presenter=cer.presenter if cer else None,
        last_round=cycle.rounds[-1] if cycle.rounds else None, chair=cycle.jury.chair if cycle.jury else None,
        marks=marked,
    )
