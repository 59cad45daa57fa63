"""Strukturerade data (JSON-LD, schema.org) för sökmotorer: öppna data som Dataset, varje år som en prisutdelning.

Built from the model and never claiming more than the data holds: a ceremony date or place that carries a mark
(arkiv.record.marks: inferred, or one the sources disagree on) is left out, as is a place the data does not give;
nothing is said about an event's status.
The year page's values come from arkiv.record.glance, the same values as its summary. The text is JSON ready to stand
inside <script type="application/ld+json">: <, > and & are written as \\u escapes, so no text from the data can end
the script or open a comment (`script_json`). Pages carry it in their front matter (structured_data), and
overrides/main.html writes it into <head>.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from arkiv import urls
from arkiv.record.glance import Glance
from arkiv.site import export

if TYPE_CHECKING:
    from arkiv.record.model import Archive, Entrant

CONTEXT = "https://schema.org"
COUNTRY = "Sverige"  # every municipality in the register is Swedish (data/kommuner.csv, SCB)
FORMATS = {".json": "application/json", ".csv": "text/csv",
           ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
JSON_DOWNLOAD = ("arkiv.json", "Hela arkivet i en fil: varje utmärkelseår med alla uppgifter och källor.")

# Characters that must not appear as themselves inside a <script> element, and the JSON escapes that mean the same.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


# A JSON-LD object as text that is safe inside <script type="application/ld+json">, whatever the data holds.
def script_json(value: dict) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


# The archive as the organisation that publishes the data (the feed's author and CITATION.cff use the same name).
def _archive(archive: Archive, site_url: str) -> dict:
    return {"@type": "Organization", "name": archive.title, "url": site_url}


# /data/: the archive's open data as a Dataset, each download a DataDownload with its format.
def dataset(archive: Archive, site_url: str, modified: str | None = None) -> dict:
    first, latest = archive.cycles[-1].year, archive.cycles[0].year
    names = [n.name for n in archive.names]
    current, former = names[-1], names[:-1]
    also = f" (som hette {' och '.join(former)} till namnbytet {archive.names[-1].first})" if former else ""
    downloads = [JSON_DOWNLOAD, *export.CSV_FILES.items(), export.XLSX_DOWNLOAD]
    out: dict = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": f"{archive.title}: öppna data {first}–{latest}",
        "description": (f"Vinnare och juryns motiveringar, nominerade och finalister, juryer, personer med en roll, "
                        f"hålltider, prisutdelningar och källor för varje utmärkelseår {first}–{latest} av "
                        f"utmärkelsen {current}{also}, med SCB:s kommunkod för varje kommun. Uppgifterna är märkta "
                        f"CC0 1.0; juryns motiveringar och citat återges ordagrant ur källorna."),
        "url": site_url + export.FOLDER,
        "inLanguage": "sv",
        "keywords": [*names, "kommuner", "digitalisering", "öppna data"],
        "license": export.LICENCE,
        "isAccessibleForFree": True,
        "temporalCoverage": f"{first}/{latest}",
        "spatialCoverage": {"@type": "Country", "name": COUNTRY},
        "creator": _archive(archive, site_url),
        "publisher": _archive(archive, site_url),
        "distribution": [{"@type": "DataDownload", "name": name, "description": what,
                          "encodingFormat": FORMATS[name[name.rindex("."):]],
                          "contentUrl": site_url + export.FOLDER + name} for name, what in downloads],
    }
    if modified:
        out["dateModified"] = modified
    return out


# The winner as the organisations behind it: one municipality, or each of several that entered together.
def _winner(entrant: Entrant, award: str, site_url: str) -> list[dict]:
    out = []
    for k in entrant.kommuner:
        name = entrant.name if len(entrant.kommuner) == 1 else k.own_name
        out.append({"@type": "GovernmentOrganization", "name": name, "award": award,
                    "identifier": {"@type": "PropertyValue", "propertyID": "kommunkod", "value": k.code},
                    "url": site_url + urls.kommun(k.slug)})
    return out


# A year page: the prize-giving as an Event, about the winner, from the year's glance (what the page's summary shows).
# Only what the data holds, and holds for certain.
def prize_giving(g: Glance, site_url: str) -> dict:
    award = f"{g.award_name} {g.year}"
    out: dict = {"@context": CONTEXT, "@type": "Event", "name": f"Prisutdelningen av {award}",
                 "url": site_url + urls.year(g.year)}
    if g.date and not g.mark("datum").marked:
        out["startDate"] = g.date
    if g.place and not g.mark("plats").marked:
        place: dict = {"@type": "Place", "name": g.venue or g.city}
        if g.city:
            place["address"] = {"@type": "PostalAddress", "addressLocality": g.city}
        out["location"] = place
    winners = _winner(g.winner, award, site_url)
    out["about"] = winners[0] if len(winners) == 1 else winners
    return out
