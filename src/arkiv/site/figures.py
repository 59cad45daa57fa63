"""Vad /statistik/ visar: räkningarna ur arkiv.record.stats och diagrammen lagda ur dem (arkiv.site.charts)."""

from __future__ import annotations

from arkiv.record import model as m
from arkiv.record import stats
from arkiv.site import charts

COUNTY_TEXT_ROOM = 175  # "11 gånger, varav 5 vinster" follows each county's bar
FIELD_TEXT_ROOM = 220  # a round's bar is followed by its label and size: "första omgången: 5–10, 1 känd"
ORG_TEXT_ROOM = 170  # the organisations' bars are followed by their years


# Everything the statistics page's template needs.
def statistik(archive: m.Archive) -> dict:
    counties = stats.by_county(archive)
    fields = stats.field_per_cycle(archive)
    juries = stats.jury_sizes(archive)
    orgs = stats.jury_organisations(archive)
    repeaters = stats.repeaters(archive)
    winners = stats.winners(archive)
    years = [c.year for c in reversed(archive.cycles)]
    return dict(
        counties=counties,
        county_chart=charts.bar_chart([(c, [(c.parts, "deltagit", c.wins)]) for c in counties], room=COUNTY_TEXT_ROOM),
        most_wins=stats.most_wins(counties),
        repeaters=repeaters,
        repeat_chart=charts.strip_chart([(r, [(p.year, p.role) for p in r.parts]) for r in repeaters], years),
        winners=winners,
        first_time=stats.won_first_time(winners),
        fields=fields,
        field_chart=charts.bar_chart([(f, [(r.value, r.stage, r.named if r.short else 0) for r in f.rounds])
                                      for f in fields], room=FIELD_TEXT_ROOM),
        no_rounds=stats.cycles_without_rounds(fields),
        partly_named=stats.cycles_partly_named(fields),
        juries=juries,
        jury_chart=charts.bar_chart([(j, [(j.size, "jury" if j.complete else "ofullstandig", 0)] if j.size else [])
                                     for j in juries]),
        orgs=orgs,
        org_chart=charts.bar_chart([(o, [(len(o.years), "organisation", 0)]) for o in orgs], room=ORG_TEXT_ROOM),
        without_org=stats.members_without_organisation(archive),
    )
