"""Open data: the downloads a real build writes parse, validate against the published schema, and give back exactly
what arkiv.reading.load.load_archive reads from data/; the data page documents every field; the feed and sitemap are
sound."""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from arkiv.record import knowledge
from arkiv.record import model as m
from arkiv.record.marks import mark
from arkiv.site import export
from arkiv.site.lastmod import data_lastmod, docs_lastmod, page_lastmod
from arkiv.text import first_sentence

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]  # not `from conftest import`: tests/browser has a conftest too

SITE_URL = "https://sveriges-digitaliseringskommun.github.io/arkiv/"
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def read_csv(built_site, name: str) -> list[dict[str, str]]:
    raw = (built_site / "data" / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 without byte order mark"
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
    assert reader.fieldnames == [c for c, _ in export.CSV_COLUMNS[name]], name
    return list(reader)


def split(cell: str) -> list[str]:
    return cell.split(export.LIST_SEP) if cell else []


def opt(cell: str) -> str | None:
    return cell or None


@pytest.fixture(scope="module")
def doc(built_site):
    return json.loads((built_site / "data" / "arkiv.json").read_text(encoding="utf-8"))


def test_downloads_exist(built_site):
    for name in ("arkiv.json", "arkiv.schema.json", *export.CSV_FILES):
        assert (built_site / "data" / name).stat().st_size > 100, name


def test_json_validates_against_the_published_schema(built_site, doc):
    schema = json.loads((built_site / "data" / "arkiv.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SITE_URL + "data/arkiv.schema.json" == doc["$schema"]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert not errors, errors[:10]
    assert doc["schema_version"] == export.SCHEMA_VERSION
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["generated"])
    assert doc["licence"]["data"] == "CC0-1.0"


def test_json_round_trips(doc, archive):
    assert [n["name"] for n in doc["award"]["names"]] == [n.name for n in archive.names]
    assert [(n["from"], n["to"]) for n in doc["award"]["names"]] == [(n.first, n.last) for n in archive.names]
    assert doc["award"]["purpose"]["text"] == archive.purpose.text
    assert [h["text"] for h in doc["award"]["history"]] == [h.text for h in archive.history]
    assert [c["year"] for c in doc["cycles"]] == [c.year for c in archive.cycles]
    for d, c in zip(doc["cycles"], archive.cycles, strict=True):
        assert d["award_name"] == c.award_name
        assert d["url"] == f"{SITE_URL}{c.year}/"
        assert d["winner"]["name"] == c.winner.name
        assert [k["kommunkod"] for k in d["winner"]["kommuner"]] == [k.code for k in c.winner.kommuner]
        assert tuple(d["motivation"]) == c.motivation
        assert tuple(d["motivation_sources"]) == c.winner_sources
        assert d["winner_note"] == c.winner_note
        assert len(d["rounds"]) == len(c.rounds)
        for dr, r in zip(d["rounds"], c.rounds, strict=True):
            assert (dr["label"], dr["stage"], dr["date"], dr["note"]) == (r.label, r.stage, r.date, r.note)
            span = dr["size_range"] or {"min": dr["size"], "max": dr["size"]}
            assert (None if dr["size"] is None and not dr["size_range"] and not dr["size_unknown"] else
                    m.Size(span["min"], span["max"])) == r.size
            assert tuple(dr["sources"]) == r.sources
            assert [(e["name"], tuple(k["kommunkod"] for k in e["kommuner"]), e["uncertain"], e["note"])
                    for e in dr["entrants"]] == [(e.name, tuple(k.code for k in e.kommuner), e.uncertain, e.note)
                                                 for e in r.entrants]
        if c.jury is None:
            assert d["jury"] is None
        else:
            assert d["jury"]["complete"] == c.jury.complete
            assert [(p["name"], p["title"], p["organisation"], p["chair"], p["uncertain"])
                    for p in d["jury"]["members"]] == [(p.name, p.title, p.organisation, p.chair, p.uncertain)
                                                       for p in c.jury.members]
            assert all(p["url"] == f"{SITE_URL}{c.year}/#{m.anchor}"
                       for p, m in zip(d["jury"]["members"], c.jury.members, strict=True))
        assert [(t["date"], t["end"], t["text"]) for t in d["timeline"]] == \
            [(t.date, t.end, t.text) for t in c.timeline]
        if c.ceremony is None:
            assert d["ceremony"] is None
        else:
            assert d["ceremony"]["date"] == c.ceremony.date
            presenter = c.ceremony.presenter.name if c.ceremony.presenter else None
            assert (d["ceremony"]["presenter"] or {}).get("name") == presenter
        assert (d["prize"] or {}).get("amount_sek") == (c.prize.amount_sek if c.prize else None)
        assert [q["text"] for q in d["quotes"]] == [q.text for q in c.quotes]
        assert [f["text"] for f in d["facts"]] == [f.text for f in c.facts]
        assert [f["text"] for f in d["benefits"]] == [f.text for f in c.benefits]
        assert tuple(d["unknowns"]) == knowledge.unknowns(c)
        assert tuple(d["sources"]) == c.source_ids()
        assert set(d["sources"]) <= {s["id"] for s in doc["sources"]}
    assert [(k["kommunkod"], k["eget_namn"]) for k in doc["kommuner"]] == \
        [(k.code, k.own_name) for k in archive.kommuner]
    assert {s["id"]: (s["title"], s["publisher"], s["date"], s["url"], s["kind"], s["note"])
            for s in doc["sources"]} == \
        {s.id: (s.title, s.publisher, s.date, s.url, s.kind, s.note) for s in archive.sources.values()}


def test_vinnare_csv_round_trips(built_site, archive):
    rows = read_csv(built_site, "vinnare.csv")
    assert len(rows) == len(archive.cycles)
    for row, c in zip(rows, archive.cycles, strict=True):
        assert int(row["year"]) == c.year and row["award_name"] == c.award_name and row["winner"] == c.winner.name
        assert split(row["kommunkoder"]) == [k.code for k in c.winner.kommuner]
        assert split(row["kommuner"]) == [k.own_name for k in c.winner.kommuner]
        assert tuple(row["motivation"].split(export.PARA_SEP)) == c.motivation
        assert tuple(split(row["sources"])) == c.winner_sources
        assert opt(row["note"]) == c.winner_note
        assert row["url"] == f"{SITE_URL}{c.year}/"


def test_deltagare_csv_round_trips(built_site, archive):
    rows = read_csv(built_site, "deltagare.csv")
    expected = [(c.year, ri + 1, r.label, r.stage, r.date, e.name, k.code, k.own_name, e.uncertain, e.note,
                 e.codes == c.winner.codes, r.sources)
                for c in archive.cycles for ri, r in enumerate(c.rounds) for e in r.entrants for k in e.kommuner]
    got = [(int(r["year"]), int(r["round"]), r["round_label"], r["stage"], opt(r["round_date"]), r["entrant"],
            r["kommunkod"], r["kommun"], r["uncertain"] == "true", opt(r["note"]), r["winner"] == "true",
            tuple(split(r["sources"]))) for r in rows]
    assert got == expected
    assert all(re.fullmatch(r"\d{4}", r["kommunkod"]) for r in rows)
    assert any(r["kommunkod"].startswith("0") for r in rows), "leading zeros are kept (0120 Värmdö)"
    assert all(r["uncertain"] in ("true", "false") and r["winner"] in ("true", "false") for r in rows)
    # The joint entry of three municipalities gives one row per municipality.
    joint = [r["kommunkod"] for r in rows if r["year"] == "2023" and r["stage"] == "finalist"
             and r["entrant"] == "Mora, Orsa och Älvdalens kommuner"]
    assert len(joint) == 3
    for r in rows:
        page = (built_site / r["year"] / "index.html").read_text(encoding="utf-8")
        assert f'id="{r["url"].split("#")[1]}"' in page, r["url"]


def test_juryer_csv_round_trips(built_site, archive):
    rows = read_csv(built_site, "juryer.csv")
    # A member is uncertain in the file when marked, or when the sources disagree on the year's jury (marks).
    expected = [(c.year, p.name, p.title, p.organisation, p.chair, p.uncertain or mark(c, "jury").marked, p.note,
                 c.jury.complete, c.jury.sources)
                for c in archive.cycles if c.jury for p in c.jury.members]
    got = [(int(r["year"]), r["name"], opt(r["title"]), opt(r["organisation"]), r["chair"] == "true",
            r["uncertain"] == "true", opt(r["note"]), r["jury_complete"] == "true", tuple(split(r["sources"])))
           for r in rows]
    assert got == expected


def test_kallor_csv_round_trips(built_site, archive):
    rows = read_csv(built_site, "kallor.csv")
    assert [(r["id"], r["title"], opt(r["publisher"]), opt(r["date"]), opt(r["url"]), opt(r["kind"]), opt(r["note"]))
            for r in rows] == \
        [(s.id, s.title, s.publisher, s.date, s.url, s.kind, s.note) for s in archive.sources.values()]
    cited = {r["id"]: set(split(r["years"])) for r in rows}
    for c in archive.cycles:
        for sid in c.source_ids():
            assert str(c.year) in cited[sid]


def test_personer_csv_round_trips(built_site, archive):
    rows = read_csv(built_site, "personer.csv")
    expected = [(p.id, r.name, r.kind, r.year, r.award_name, r.title, r.organisation, r.entrant, r.uncertain,
                 p.uncertain, r.sources, f"{SITE_URL}{p.url}", f"{SITE_URL}{r.year}/#{r.anchor}")
                for p in archive.people for r in p.roles]
    got = [(r["person"], r["name"], r["role"], int(r["year"]), r["award_name"], opt(r["title"]), opt(r["organisation"]),
            opt(r["entrant"]), r["uncertain"] == "true", r["identity_uncertain"] == "true", tuple(split(r["sources"])),
            r["page"], r["url"]) for r in rows]
    assert got == expected
    # One row per role in the data: every jury member, presenter, recipient, statement, representative and quote.
    mentions = sum(len(c.jury.members) if c.jury else 0 for c in archive.cycles) + sum(
        bool(c.ceremony and c.ceremony.presenter) + len(c.ceremony.received_by if c.ceremony else ())
        + len(c.statements) + len(c.representatives) + len(c.quotes) for c in archive.cycles)
    assert len(rows) == mentions
    for r in rows:
        year_page = (built_site / r["year"] / "index.html").read_text(encoding="utf-8")
        assert f'id="{r["url"].split("#")[1]}"' in year_page, r["url"]
        assert (built_site / r["page"].removeprefix(SITE_URL) / "index.html").is_file(), r["page"]


def test_json_people_and_knowledge(doc, archive):
    assert [p["id"] for p in doc["people"]] == [p.id for p in archive.people]
    for d, p in zip(doc["people"], archive.people, strict=True):
        assert (d["name"], tuple(d["names"]), d["identity_uncertain"], d["note"]) == \
            (p.name, p.names, p.uncertain, p.note)
        assert d["url"] == f"{SITE_URL}personer/{p.id}/"
        assert [(r["role"], r["year"], r["name"], r["title"], r["organisation"], r["text"]) for r in d["roles"]] == \
            [(r.kind, r.year, r.name, r.title, r.organisation, r.text) for r in p.roles]
    for d, c in zip(doc["cycles"], archive.cycles, strict=True):
        assert [(k["facet"], k["state"]) for k in d["knowledge"]] == [(cell.facet.key, cell.state)
                                                                       for cell in knowledge.cells(c)]


def test_dates_are_iso_8601(built_site):
    date = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
    for r in read_csv(built_site, "deltagare.csv"):
        assert not r["round_date"] or date.fullmatch(r["round_date"])
    for r in read_csv(built_site, "kallor.csv"):
        assert not r["date"] or date.fullmatch(r["date"])


def test_data_page_documents_every_field(built_site, archive):
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(page)
    for name, columns in export.CSV_COLUMNS.items():
        assert f'href="{name}"' in page, name
        section = text.split(f'id="{name.replace(".", "-")}"', 1)[1].split("<h2", 1)[0]
        for column, _ in columns:
            assert f"<code>{column}</code>" in section, (name, column)
    json_section = text.split('id="arkiv-json"', 1)[1].split("<h2", 1)[0]
    documented = re.findall(r"<tr><td><code>([^<]+)</code>", json_section)
    schema_paths = [p for p, _, _ in export.json_fields()]
    assert documented == schema_paths and "cycles[].rounds[].entrants[].kommuner[].kommunkod" in documented
    assert all(desc for _, _, desc in export.json_fields()), "every JSON field has a description in the schema"
    for phrase in ("CC0 1.0", "ordagrant", "Upphovsrätten", "kommunkod", "Kolada", "SCB", "UTF-8", "ISO 8601"):
        assert phrase in text, phrase
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="data/"' in home, "Öppna data is in the navigation"


def test_atom_feed(built_site, archive):
    root = ET.fromstring((built_site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [f"{SITE_URL}{c.year}/" for c in archive.cycles]
    for e, c in zip(entries, archive.cycles, strict=True):
        assert e.findtext(f"{ATOM}title") == f"{c.award_name} {c.year}: {c.winner.name}"
        assert e.findtext(f"{ATOM}summary") == first_sentence(c.motivation[0])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", e.findtext(f"{ATOM}updated"))
        assert all(p in html.unescape(e.findtext(f"{ATOM}content")) for p in c.motivation)
    for page in (built_site / "index.html", built_site / "2023" / "index.html",
                 built_site / "kommuner" / "varmdo" / "index.html"):
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"',
                           page.read_text(encoding="utf-8"))
        assert len(links) == 1
        assert (page.parent / links[0]).resolve() == (built_site / "feed.xml").resolve()


def test_sitemap_has_real_dates(built_site, archive):
    lastmod = data_lastmod(ROOT)
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    packed = (built_site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == text
    # A fixed header, the same from every Python: no name, time 0, best compression, OS "unknown".
    assert packed[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    urls = {u.findtext(f"{SM}loc"): u.findtext(f"{SM}lastmod") for u in ET.fromstring(text).findall(f"{SM}url")}
    for c in archive.cycles:
        expected = max(lastmod[f] for f in (f"data/cycles/{c.year}.yaml", "data/winners.yaml"))
        assert urls[f"{SITE_URL}{c.year}/"] == expected == page_lastmod(archive, lastmod, f"{c.year}/")
    assert f"{SITE_URL}data/" in urls
    # Hand-written pages in docs/ are dated by their own file, not by the data.
    for md in (ROOT / "docs").glob("*.md"):
        if md.name != "index.md" and f"{SITE_URL}{md.stem}/" in urls:
            assert urls[f"{SITE_URL}{md.stem}/"] == docs_lastmod(ROOT / "docs", f"{md.stem}/"), md.name
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d or "") for d in urls.values())
    assert not any("sveriges-it-kommun" in u for u in urls), "redirects are not in the sitemap"


def test_citation_on_year_pages(built_site, archive):
    lastmod = data_lastmod(ROOT)
    from arkiv.text import format_date
    for c in archive.cycles:
        page = html.unescape((built_site / str(c.year) / "index.html").read_text(encoding="utf-8"))
        cite = re.search(r'<div class="arkiv-cite">\s*<pre><code>(.*?)</code></pre>', page, re.S)
        assert cite, c.year
        expected = max(lastmod[f] for f in (f"data/cycles/{c.year}.yaml", "data/winners.yaml"))
        assert f"{SITE_URL}{c.year}/" in cite.group(1) and format_date(expected) in cite.group(1)
        assert f"/blob/main/data/cycles/{c.year}.yaml" in page and "Föreslå en rättelse" in page
