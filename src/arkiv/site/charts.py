"""Diagrammens mått: var staplar, prickar och etiketter hamnar. Mallen charts.html.j2 ritar dem som SVG.

Charts are laid out at their natural size in CSS pixels (WIDTH wide), so text in them is always 13 px: on a phone
narrower than that they shrink a little, never grow. Only positions are computed here; what is counted comes from
arkiv.record.stats, and every word the reader sees is in the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 340  # the chart's width in CSS pixels
LABEL = 16  # height of a row's label line
BAR = 12  # height of one bar
GAP = 4  # between bars of a row
ROW_GAP = 10  # between rows
TEXT_ROOM = 110  # room right of the longest bar for its value


@dataclass(frozen=True)
class Bar:
    y: int
    width: float  # 0 for a zero value
    value: int
    kind: str  # a CSS class: "deltagit", "nominerad", "finalist", "jury", "ofullstandig"
    part: float = 0  # width of a darker part drawn over the bar from its start (the wins among the times)
    part_value: int = 0


@dataclass(frozen=True)
class Row:
    key: object  # what the row is about (a County, a CycleField ...), for the template's words
    y: int  # top of the row: its label's line
    bars: tuple[Bar, ...]  # empty: nothing known


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    rows: tuple[Row, ...]

    # The kinds of bar drawn, so the template defines a pattern only where a bar uses it.
    @property
    def kinds(self) -> set[str]:
        return {b.kind for r in self.rows for b in r.bars}


# Horizontal bars, each row a label line and then its bars; items are (key, [(value, kind, part), ...]).
# room: how much of the width is kept right of the longest bar for the text that follows it.
def bar_chart(items: list[tuple[object, list[tuple[int, str, int]]]], room: int = TEXT_ROOM) -> BarChart:
    top = max((v for _, bars in items for v, _, _ in bars), default=1) or 1
    scale = (WIDTH - room) / top
    rows, y = [], 0
    for key, bars in items:
        drawn = []
        for i, (value, kind, part) in enumerate(bars):
            drawn.append(Bar(y + LABEL + i * (BAR + GAP), value * scale, value, kind, part * scale, part))
        rows.append(Row(key, y, tuple(drawn)))
        y += LABEL + max(len(bars), 1) * (BAR + GAP) + ROW_GAP
    return BarChart(WIDTH, y, tuple(rows))


STRIP_LABEL = 112  # room for the municipality's name left of its strip
STRIP_ROW = 24
STRIP_AXIS = 22  # room for the year labels above the strips


@dataclass(frozen=True)
class Mark:
    x: float
    year: int
    role: str


@dataclass(frozen=True)
class Strip:
    key: object
    y: float  # the strip's middle line
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class StripChart:
    width: int
    height: int
    x0: float
    x1: float
    ticks: tuple[tuple[float, int], ...]  # (x, year) for each labelled year
    cycles: tuple[float, ...]  # x of every cycle, for faint guide lines
    strips: tuple[Strip, ...]


# One strip per record on a shared time axis; items are (key, [(year, role), ...]) and years every cycle.
def strip_chart(items: list[tuple[object, list[tuple[int, str]]]], years: list[int], every: int = 2) -> StripChart:
    x0, x1 = STRIP_LABEL + 10, WIDTH - 14
    first, last = min(years), max(years)

    def x(year: int) -> float:
        return x0 + (x1 - x0) * (year - first) / ((last - first) or 1)

    strips = tuple(Strip(key, STRIP_AXIS + STRIP_ROW * i + STRIP_ROW / 2, tuple(Mark(x(y), y, r) for y, r in marks))
                   for i, (key, marks) in enumerate(items))
    ticks = tuple((x(y), y) for y in years[::every])
    return StripChart(WIDTH, STRIP_AXIS + STRIP_ROW * len(items) + 4, x0, x1, ticks, tuple(x(y) for y in years), strips)
