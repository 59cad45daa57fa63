"""Structured data in the built pages: JSON-LD that parses, uses schema.org's own types and properties, and says what
the data says (arkiv.site.structured_data, written into <head> by overrides/main.html).

Two checks of the vocabulary: rdflib reads each block as JSON-LD (with schema.org's vocabulary as @vocab, since the
tests fetch nothing) and every type and property must be a term of schema.org as rdflib knows it (rdflib.namespace.SDO);
and ALLOWED says which property each type may carry and RANGES which types a property's value may have, as schema.org
defines them (https://schema.org/Event and so on, with the properties each type inherits from Thing, CreativeWork,
Organization or Place).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from arkiv.record.marks import mark
from arkiv.site import export
from arkiv.text import date_bounds

# rdflib's own JSON-LD parser still builds a ConjunctiveGraph inside (rdflib 7.x), which warns about itself.
pytestmark = [pytest.mark.build, pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")]

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"

THING = {"name", "description", "url", "identifier"}
ALLOWED = {
    "Event": THING | {"startDate", "location", "about"},
    "Place": THING | {"address"},
    "Country": THING | {"address"},
    "PostalAddress": THING | {"addressLocality"},
    "GovernmentOrganization": THING | {"award"},
    "Organization": THING,
    "PropertyValue": THING | {"propertyID", "value"},
    "Dataset": THING | {"inLanguage", "keywords", "license", "isAccessibleForFree", "temporalCoverage",
                        "spatialCoverage", "creator", "publisher", "distribution", "dateModified"},
    "DataDownload": THING | {"encodingFormat", "contentUrl"},
}
RANGES = {  # a property whose value is an object: the types schema.org expects (or their subtypes used here)
    "location": {"Place"}, "address": {"PostalAddress"}, "about": {"GovernmentOrganization"},
    "identifier": {"PropertyValue"}, "spatialCoverage": {"Place", "Country"},
    "creator": {"Organization"}, "publisher": {"Organization"}, "distribution": {"DataDownload"},
}


def site_url() -> str:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def blocks(page: Path) -> list[dict]:
    raw = page.read_text(encoding="utf-8")
    head = raw.split("</head>", 1)[0]
    found = SCRIPT.findall(raw)
    assert found == SCRIPT.findall(head), f"{page}: structured data belongs in <head>"
    for text in found:
        assert not set("<>&") & set(text), f"{page}: a raw <, > or & inside the script"
    return [json.loads(text) for text in found]


# Each object's type and properties are schema.org's, and objects sit only where schema.org expects their type.
def check_vocabulary(node, key: str | None = None) -> None:
    if isinstance(node, list):
        for item in node:
            check_vocabulary(item, key)
        return
    if not isinstance(node, dict):
        return
    kind = node["@type"]
    assert kind in ALLOWED, kind
    if key is not None:
        assert kind in RANGES[key], (key, kind)
    for prop, value in node.items():
        if prop.startswith("@"):
            continue
        assert prop in ALLOWED[kind], (kind, prop)
        check_vocabulary(value, prop)


# rdflib reads the block as JSON-LD; every predicate and type in it is a term of schema.org.
def check_with_rdflib(doc: dict) -> int:
    from rdflib import RDF, Graph, URIRef
    from rdflib.namespace import SDO
    assert doc["@context"] == "https://schema.org"
    graph = Graph().parse(data=json.dumps({**doc, "@context": {"@vocab": str(SDO)}}), format="json-ld")
    assert len(graph) > 3
    for _, predicate, obj in graph:
        terms = [obj] if predicate == RDF.type else [predicate]
        for term in terms:
            assert isinstance(term, URIRef) and term in SDO, term
    return len(graph)


def check_event(event: dict, archive, c, url: str) -> None:
    award = f"{c.award_name} {c.year}"
    assert award in event["name"] and event["url"] == f"{url}{c.year}/"
    cer = c.ceremony
    if cer and cer.date and not mark(c, "datum").marked:
        assert event["startDate"] == cer.date
        date_bounds(event["startDate"])  # a real date
    else:
        assert "startDate" not in event, "a marked or unknown date is not claimed"
    if cer and (cer.venue or cer.city) and not mark(c, "plats").marked:
        place = event["location"]
        assert place["name"] == (cer.venue or cer.city)
        assert place.get("address", {}).get("addressLocality") == cer.city
    else:
        assert "location" not in event
    about = event["about"] if isinstance(event["about"], list) else [event["about"]]
    assert [a["identifier"]["value"] for a in about] == [k.code for k in c.winner.kommuner]
    assert [a["url"] for a in about] == [f"{url}kommuner/{k.slug}/" for k in c.winner.kommuner]
    names = [c.winner.name] if len(c.winner.kommuner) == 1 else [k.own_name for k in c.winner.kommuner]
    assert [a["name"] for a in about] == names and {a["award"] for a in about} == {award}
    assert not {"eventStatus", "eventAttendanceMode", "endDate", "organizer"} & set(event)


def test_every_year_page_describes_its_prize_giving(built_site, archive):
    url = site_url()
    for c in archive.cycles:
        (event,) = blocks(built_site / str(c.year) / "index.html")
        assert event["@type"] == "Event"
        check_vocabulary(event)
        check_with_rdflib(event)
        check_event(event, archive, c, url)


def test_open_data_is_a_dataset_with_each_download(built_site, archive):
    url = site_url()
    (data,) = blocks(built_site / "data" / "index.html")
    assert data["@type"] == "Dataset"
    check_vocabulary(data)
    check_with_rdflib(data)
    assert data["url"] == url + export.FOLDER and data["inLanguage"] == "sv"
    assert data["license"] == CC0 and data["isAccessibleForFree"] is True
    assert data["temporalCoverage"] == f"{archive.cycles[-1].year}/{archive.cycles[0].year}"
    assert data["spatialCoverage"] == {"@type": "Country", "name": "Sverige"}
    assert all(n.name in data["keywords"] and n.name in data["description"] for n in archive.names)
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    author = re.search(r"<author><name>(.+?)</name>", feed).group(1)
    assert data["creator"]["name"] == data["publisher"]["name"] == author, "the archive names itself one way"
    assert data["creator"]["url"] == url
    names = [d["name"] for d in data["distribution"]]
    assert names == ["arkiv.json", *export.CSV_FILES, export.XLSX_DOWNLOAD[0]]
    for download in data["distribution"]:
        assert download["contentUrl"].startswith(url)
        path = built_site / download["contentUrl"].removeprefix(url)
        assert path.is_file(), download["contentUrl"]
        if path.suffix == ".xlsx":  # its content: tests/build/test_spreadsheet.py
            assert download["encodingFormat"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            assert f'href="{download["name"]}"' in (built_site / "data" / "index.html").read_text(encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        if download["encodingFormat"] == "application/json":
            assert json.loads(text)["cycles"]
        else:
            assert download["encodingFormat"] == "text/csv"
            header = next(csv.reader(io.StringIO(text)))
            assert header == [col for col, _ in export.CSV_COLUMNS[download["name"]]]
        assert f'href="{download["name"]}"' in (built_site / "data" / "index.html").read_text(encoding="utf-8")


def test_only_the_year_pages_and_open_data_carry_structured_data(built_site, archive):
    carrying = {p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("index.html") if blocks(p)}
    assert carrying == {str(c.year) for c in archive.cycles} | {"data"}


def test_the_small_archive(small_site):
    # A joint winner, an inferred date, a venue without a city and an ampersand in it, a year known by its winner only.
    site, archive = small_site
    url = site_url()
    for c in archive.cycles:
        (event,) = blocks(site / str(c.year) / "index.html")
        check_vocabulary(event)
        check_with_rdflib(event)
        check_event(event, archive, c, url)
    joint = next(c for c in archive.cycles if len(c.winner.kommuner) > 1)
    raw = (site / str(joint.year) / "index.html").read_text(encoding="utf-8")
    assert '"name":"Mässan \\u0026 Co"' in raw
    (event,) = blocks(site / str(joint.year) / "index.html")
    assert len(event["about"]) == len(joint.winner.kommuner) and "startDate" not in event
    (data,) = blocks(site / "data" / "index.html")
    assert data["temporalCoverage"] == f"{archive.cycles[-1].year}/{archive.cycles[0].year}"
