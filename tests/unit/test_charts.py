"""Chart layout (arkiv.site.charts) and the small text helpers the maps and charts use."""

from __future__ import annotations

from arkiv.site import charts
from arkiv.text import join_and, sv_key


def test_bars_are_proportional_and_fit():
    chart = charts.bar_chart([("a", [(10, "deltagit", 4)]), ("b", [(5, "nominerad", 0), (2, "finalist", 0)]),
                              ("c", [])])
    a, b, c = chart.rows
    assert a.bars[0].width == charts.WIDTH - charts.TEXT_ROOM and a.bars[0].part == a.bars[0].width * 0.4
    assert b.bars[0].width == a.bars[0].width / 2 and b.bars[1].y > b.bars[0].y
    assert c.bars == () and c.y > b.bars[1].y and chart.height > c.y
    assert chart.width == charts.WIDTH


def test_strips_share_one_time_axis():
    chart = charts.strip_chart([("x", [(2001, "vinnare"), (2023, "finalist")]), ("y", [(2011, "nominerad")])],
                               list(range(2001, 2024, 2)))
    x, y = chart.strips
    assert x.marks[0].x == chart.x0 and x.marks[1].x == chart.x1
    assert y.marks[0].x == chart.x0 + (chart.x1 - chart.x0) * 10 / 22 and y.y > x.y  # 2011: 10 of 22 years in
    assert [t[1] for t in chart.ticks] == [2001, 2005, 2009, 2013, 2017, 2021] and len(chart.cycles) == 12


def test_join_and_sorting_in_swedish():
    assert join_and([2023]) == "2023" and join_and([2011, 2019]) == "2011 och 2019"
    assert join_and(["a", "b", "c"]) == "a, b och c"
    assert sorted(["Örebro län", "Västra Götalands län", "Ale", "Åre", "Älvdalen"], key=sv_key) == \
        ["Ale", "Västra Götalands län", "Åre", "Älvdalen", "Örebro län"]
