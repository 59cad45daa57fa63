"""Öppna data: hela arkivet som JSON (med sitt JSON Schema) och fem CSV-filer, skrivna vid bygget till data/.

The JSON is a stable contract for outside users, not a dump of the model: every key is always present (null or []
when unknown), its shape is described by schema/arkiv.schema.json (published beside it), and SCHEMA_VERSION changes
with the shape: minor for added keys, major for anything removed or renamed. The CSV columns are listed, with their
meaning, in CSV_COLUMNS; the data page is rendered from these two descriptions so every field is documented.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import os
from functools import lru_cache
from importlib import resources

from arkiv import urls
from arkiv.record import knowledge
from arkiv.record import model as m
from arkiv.record import people as pp
from arkiv.record.marks import mark, marks
from arkiv.record.persons import roles_explained
from arkiv.site import feed, maps, redirects, spreadsheet
from arkiv.text import join_and

SCHEMA_VERSION = "2.3.0"
FOLDER = urls.DATA  # where the downloads are published, relative to the site root
LIST_SEP = ";"  # separates several values in one CSV cell: "2062;2034;2039"
PARA_SEP = "\n\n"  # separates the paragraphs of a motivation in one CSV cell
LICENCE = "https://creativecommons.org/publicdomain/zero/1.0/"  # CC0 1.0, the licence's canonical address
LICENCE_URL = LICENCE + "deed.sv"  # the same licence, in Swedish: where the data page and arkiv.json send a reader

ROLE_TEXT = roles_explained()  # what the role column (personer.csv) and field (arkiv.json) hold

# Every CSV file with what one row is (shown on the data page).
CSV_FILES: dict[str, str] = {
    "vinnare.csv": "En rad per utmärkelseår: vinnaren, kommunkoderna och juryns motivering ordagrant.",
    "deltagare.csv": "En rad per kommun och omgång: nominerade och finalister varje år, med kommunkod.",
    "juryer.csv": "En rad per jurymedlem och år, för de år då juryn är känd.",
    "kallor.csv": "En rad per källa som arkivets uppgifter bygger på.",
    "personer.csv": ("En rad per person, roll och år: jurymedlemmar, ordförande, prisutdelare, mottagare, företrädare "
                     "för deltagarna och de som uttalat sig eller citeras."),
}

# The spreadsheet beside them (arkiv.site.spreadsheet), with what it holds (shown on the data page).
XLSX_DOWNLOAD = (spreadsheet.FILE_NAME, "Samma tabeller som CSV-filerna i ett kalkylblad, ett blad per fil, med "
                                        "svenska rubriker och ett blad som förklarar kolumnerna och licensen.")

# Every CSV file: its columns in order, each with what it holds (shown on the data page).
CSV_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "vinnare.csv": (
        ("year", "Utmärkelseåret, till exempel 2023."),
        ("award_name", "Utmärkelsens namn det året: {award_names}."),
        ("winner", "Vinnaren med det namn den tävlade under, till exempel Värmdö kommun."),
        ("kommunkoder", f"Vinnarens kommunkod (SCB, fyra siffror). Flera koder skiljs med {LIST_SEP} när flera "
                        "kommuner vann tillsammans."),
        ("kommuner", f"Kommunernas egna namn i samma ordning som kommunkoderna, skilda med {LIST_SEP}."),
        ("motivation", "Juryns motivering ordagrant ur källan. Stycken skiljs med en tom rad."),
        ("sources", f"Id för källorna till vinnaren och motiveringen, skilda med {LIST_SEP}; se kallor.csv."),
        ("note", "Arkivets anmärkning om uppgiften, annars tomt."),
        ("url", "Årets sida i arkivet."),
    ),
    "deltagare.csv": (
        ("year", "Utmärkelseåret."),
        ("award_name", "Utmärkelsens namn det året."),
        ("round", "Omgångens nummer det året, 1 för den första (oftast nominerade)."),
        ("round_label", "Omgångens namn som källan använder, till exempel nominerade eller finalister."),
        ("stage", "Omgångens steg: nominerad eller finalist."),
        ("round_date", "När omgången offentliggjordes (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD), annars tomt."),
        ("entrant", "Namnet som deltagaren tävlade under; kan vara flera kommuner tillsammans."),
        ("kommunkod", "Kommunens kod (SCB, fyra siffror). En rad per kommun: ett gemensamt bidrag från tre kommuner "
                      "ger tre rader."),
        ("kommun", "Kommunens eget namn, till exempel Lidingö stad."),
        ("uncertain", "true om uppgiften att deltagaren var med är osäker, annars false."),
        ("note", "Arkivets anmärkning om deltagaren, annars tomt."),
        ("winner", "true om deltagaren vann utmärkelsen det året, annars false."),
        ("sources", f"Id för källorna till omgången, skilda med {LIST_SEP}."),
        ("url", "Deltagarens plats på årets sida (med ankare)."),
    ),
    "juryer.csv": (
        ("year", "Utmärkelseåret."),
        ("award_name", "Utmärkelsens namn det året."),
        ("name", "Ledamotens namn."),
        ("title", "Titel som källan anger, annars tomt."),
        ("organisation", "Organisation som källan anger, annars tomt."),
        ("chair", "true för juryns ordförande, annars false."),
        ("uncertain", "true om uppgiften är osäker eller om källorna säger olika om årets jury, annars false."),
        ("note", "Arkivets anmärkning, annars tomt."),
        ("jury_complete", "true om arkivet känner hela juryn det året, false om listan kan sakna ledamöter."),
        ("sources", f"Id för källorna till juryn, skilda med {LIST_SEP}."),
        ("url", "Ledamotens plats på årets sida (med ankare)."),
    ),
    "kallor.csv": (
        ("id", "Källans id; uppgifterna i de andra filerna pekar hit."),
        ("title", "Källans rubrik."),
        ("publisher", "Utgivare, om den framgår."),
        ("date", "Publiceringsdatum (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD), om det framgår."),
        ("url", "Adress till källan, om den finns."),
        ("version", "Datum för den version av sidan som arkivet bygger på, om sidan skrivs över; annars tomt."),
        ("archive_url", "Länk till Internet Archives kopia närmast den version arkivet bygger på, om källan har en "
                        "adress."),
        ("kind", "Slags källa: webbsida, nyhet, pressmeddelande, broschyr, blogg, artikel eller källdokument."),
        ("note", "Arkivets anmärkning om källan."),
        ("years", f"Utmärkelseåren vars uppgifter bygger på källan, skilda med {LIST_SEP}."),
    ),
    "personer.csv": (
        ("person", "Personens nyckel: samma på alla rader om samma person, och samma som i adressen till personens "
                   "sida (personer/nyckel/)."),
        ("name", "Namnet så som källan skriver det det året."),
        ("role", ROLE_TEXT),
        ("year", "Utmärkelseåret."),
        ("award_name", "Utmärkelsens namn det året."),
        ("title", "Titel som källan anger det året, annars tomt. Titlar ändras: de står som källan gav dem."),
        ("organisation", "Organisation som källan anger det året, annars tomt."),
        ("entrant", "Deltagaren rollen gäller: vinnaren för prisutdelare och mottagare, den som personen talade "
                    "för vid uttalande och företrädare, annars tomt."),
        ("uncertain", "true om uppgiften om rollen är osäker, annars false."),
        ("identity_uncertain", "true om källorna inte visar att personens roller gäller samma person, annars false."),
        ("sources", f"Id för källorna till rollen, skilda med {LIST_SEP}."),
        ("page", "Personens sida i arkivet."),
        ("url", "Rollens plats på årets sida (med ankare)."),
    ),
}


# The export schema as shipped in the package (without an $id).
@lru_cache(maxsize=1)
def _packaged_schema() -> dict:
    return json.loads(resources.files("arkiv").joinpath("schema/arkiv.schema.json").read_text(encoding="utf-8"))


# The schema as published: with its own address as $id.
def schema(site_url: str) -> dict:
    out = copy.deepcopy(_packaged_schema())
    return {"$schema": out.pop("$schema"), "$id": site_url + FOLDER + "arkiv.schema.json", **out}


def _kommun(k) -> dict:
    return {"kommunkod": k.code, "kommun": k.own_name}


def _person(p: m.Person | None) -> dict | None:
    return None if p is None else _named(p)


# A person who is always there (a jury member, a representative): name, title, organisation, key.
def _named(p: m.Person) -> dict:
    return {"name": p.name, "title": p.title, "organisation": p.organisation, "key": p.key}


def _fact(f: m.Fact | None, with_year: bool = False) -> dict | None:
    if f is None:
        return None
    out = {"text": f.text, "quote": f.quote, "uncertain": f.uncertain, "note": f.note, "sources": list(f.sources)}
    return {"year": f.year, **out} if with_year else out


def _publication(p: m.Publication) -> dict:
    return {"title": p.title, "date": p.date, "publisher": p.publisher,
            "contributors": [{"name": c.name, "role": c.role} for c in p.contributors],
            "description": p.description, "uncertain": p.uncertain, "note": p.note, "sources": list(p.sources)}


def _entrant(e: m.Entrant, url: str | None = None) -> dict:
    out = {"name": e.name, "kommuner": [_kommun(k) for k in e.kommuner], "uncertain": e.uncertain, "note": e.note}
    return {**out, "url": url} if url is not None else out


# A round's size as the data gives it: an exact number (size), a range (size_range) or unknown (size_unknown).
def _size(s: m.Size | None) -> dict:
    exact = s is not None and s.known and s.low == s.high
    ranged = s is not None and s.known and s.low != s.high
    return {"size": s.low if exact and s else None,
            "size_range": {"min": s.low, "max": s.high} if ranged and s else None,
            "size_unknown": s is not None and not s.known}


def _cycle(c: m.Cycle, site_url: str, archive_edition: int) -> dict:
    page = site_url + urls.year(c.year)
    anchors = c.entrant_anchors()
    ev, pr, cer, proc, jury = c.event, c.prize, c.ceremony, c.process, c.jury
    return {
        "year": c.year,
        "award_name": c.award_name,
        "url": page,
        "winner": _entrant(c.winner),
        "motivation": list(c.motivation),
        "motivation_sources": list(c.winner_sources),
        "winner_note": c.winner_note,
        "summary": _fact(c.summary),
        "edition": archive_edition,
        "edition_statement": None if c.edition is None else {
            "number": c.edition.number, "quote": c.edition.quote, "note": c.edition.note,
            "sources": list(c.edition.sources)},
        "call": None if c.call is None else {
            "text": c.call.text, "deadline": c.call.deadline, "nominations": c.call.nominations,
            "entry_questions": [{"question": q.question, "max_chars": q.max_chars} for q in c.call.entry_questions],
            "uncertain": c.call.uncertain, "note": c.call.note, "sources": list(c.call.sources)},
        "event": None if ev is None else {
            "name": ev.name, "start": ev.start, "end": ev.end, "venue": ev.venue, "city": ev.city,
            "description": ev.description, "theme": ev.theme, "theme_text": ev.theme_text,
            "organisers": list(ev.organisers), "uncertain": ev.uncertain, "note": ev.note, "sources": list(ev.sources)},
        "process": None if proc is None else {
            "steps": [{"title": s.title, "text": s.text, "sources": list(s.sources)} for s in proc.steps],
            "sources": list(proc.sources)},
        "rounds": [{
            "label": r.label, "stage": r.stage, "date": r.date, **_size(r.size), "note": r.note,
            "entrants": [_entrant(e, urls.at(page, anchors[(ri, ei)])) for ei, e in enumerate(r.entrants)],
            "sources": list(r.sources)} for ri, r in enumerate(c.rounds)],
        "entrants_count": None if c.entrants_count is None else {
            "count": c.entrants_count.count, "uncertain": c.entrants_count.uncertain, "note": c.entrants_count.note,
            "sources": list(c.entrants_count.sources)},
        "jury": None if jury is None else {
            "complete": jury.complete, "note": jury.note, "sources": list(jury.sources),
            "members": [{**_named(p), "chair": p.chair, "uncertain": p.uncertain, "note": p.note,
                         "url": urls.at(page, p.anchor)} for p in jury.members]},
        "timeline": [{"date": t.date, "end": t.end, "text": t.text, "sources": list(t.sources)} for t in c.timeline],
        "ceremony": None if cer is None else {
            "date": cer.date, "occasion": cer.occasion, "venue": cer.venue, "city": cer.city,
            "presenter": _person(cer.presenter), "received_by": [_person(p) for p in cer.received_by],
            "uncertain": cer.uncertain, "note": cer.note, "sources": list(cer.sources)},
        "prize": None if pr is None else {"text": pr.text, "amount_sek": pr.amount_sek, "sources": list(pr.sources)},
        "benefits": [_fact(f) for f in c.benefits],
        "statements": [{"text": st.text, "speaker": _person(st.speaker), "entrant": _entrant(st.entrant),
                        "context": st.context, "uncertain": st.uncertain, "note": st.note, "sources": list(st.sources)}
                       for st in c.statements],
        "representatives": [{**_named(r.person), "entrant": _entrant(r.entrant), "context": r.context, "note": r.note,
                             "sources": list(r.sources)} for r in c.representatives],
        "quotes": [{"text": q.text, "speaker": _person(q.speaker), "sources": list(q.sources)} for q in c.quotes],
        "partners": [{"organisations": list(p.organisations), "role": p.role, "uncertain": p.uncertain, "note": p.note,
                      "sources": list(p.sources)} for p in c.partners],
        "publications": [_publication(p) for p in c.publications],
        "facts": [_fact(f) for f in c.facts],
        "conflicts": [{"topic": k.topic, "claims": [{"text": cl.text, "sources": list(cl.sources)} for cl in k.claims],
                       "follows": k.follows, "about": k.about} for k in c.conflicts],
        "unknowns": list(knowledge.unknowns(c)),
        "knowledge": [{"facet": cell.facet.key, "label": cell.facet.label, "state": cell.state}
                      for cell in knowledge.cells(c)],
        "marks": [{"facet": key, "marks": list(mk.words)} for key, mk in marks(c).items()],
        "sources": list(c.source_ids()),
    }


def _individual(p: pp.Individual, site_url: str) -> dict:
    return {"id": p.id, "name": p.name, "names": list(p.names), "url": site_url + p.url,
            "identity_uncertain": p.uncertain, "note": p.note, "note_sources": list(p.sources),
            "roles": [{"role": r.kind, "year": r.year, "name": r.name, "title": r.title, "organisation": r.organisation,
                       "entrant": r.entrant, "text": r.text, "uncertain": r.uncertain, "note": r.note,
                       "url": site_url + urls.at(urls.year(r.year), r.anchor),
                       "sources": list(r.sources)} for r in p.roles]}


# Everything in the archive as one JSON-ready dict (the content of arkiv.json).
def archive_json(archive: m.Archive, site_url: str, generated: str, data_modified: str | None) -> dict:
    return {
        "$schema": site_url + FOLDER + "arkiv.schema.json",
        "schema_version": SCHEMA_VERSION,
        "generated": generated,
        "data_modified": data_modified,
        "url": site_url,
        "licence": {
            "data": "CC0-1.0",
            "url": LICENCE_URL,
            "quoted_texts": ("Juryns motiveringar, citat och andra återgivna texter (fälten motivation, quote och "
                             "quotes) återges ordagrant med källa. Upphovsrätten till dem, om den finns, ligger kvar "
                             "hos upphovspersonen; CC0 gäller arkivets sammanställning och struktur."),
        },
        "award": {
            "names": [{"name": n.name, "from": n.first, "to": n.last, "sources": list(n.sources)}
                      for n in archive.names],
            "founded": archive.founded,
            "interval_years": archive.interval,
            "purpose": {"text": archive.purpose.text, "sources": list(archive.purpose.sources)},
            "history": [_fact(f, with_year=True) for f in archive.history],
            "publications": [_publication(p) for p in archive.publications],
            "next_fair": None if archive.next_fair is None else {
                "year": archive.next_fair.year, "name": archive.next_fair.name, "start": archive.next_fair.start,
                "end": archive.next_fair.end, "venue": archive.next_fair.venue, "city": archive.next_fair.city,
                "note": archive.next_fair.note, "sources": list(archive.next_fair.sources),
                "held": None if archive.next_fair.held is None else _fact(archive.next_fair.held)},
        },
        "cycles": [_cycle(c, site_url, archive.edition_of(c.year)) for c in archive.cycles],
        "kommuner": [{"kommunkod": k.code, "kommun": k.name, "kommun_formellt": k.formal, "eget_namn": k.own_name,
                      "lan": k.county, "url": site_url + urls.kommun(k.slug)} for k in archive.kommuner],
        "people": [_individual(p, site_url) for p in archive.people],
        "sources": [{"id": s.id, "title": s.title, "publisher": s.publisher, "date": s.date, "version": s.version,
                     "url": s.url, "no_address": s.no_address, "archive_url": s.archive_url,
                     "formerly": list(s.formerly), "kind": s.kind,
                     "note": s.note} for s in archive.sources.values()],
    }


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _cell(value) -> str:
    return "" if value is None else str(value)


# Every CSV file's columns with what each holds, the award's names and their years filled in from the data:
# "Sveriges IT-kommun (från 2001 till 2015) eller Sveriges DigitaliseringsKommun (sedan 2017)".
def csv_columns(archive: m.Archive) -> dict[str, tuple[tuple[str, str], ...]]:
    names = join_and([f"{n.name} ({n.during})" for n in archive.names], "eller")
    return {file: tuple((column, meaning.replace("{award_names}", names)) for column, meaning in columns)
            for file, columns in CSV_COLUMNS.items()}


# The rows of each CSV file, as dicts keyed by CSV_COLUMNS.
def csv_rows(archive: m.Archive, site_url: str) -> dict[str, list[dict[str, str]]]:
    vinnare, deltagare, juryer = [], [], []
    for c in archive.cycles:
        page = site_url + urls.year(c.year)
        vinnare.append({
            "year": str(c.year), "award_name": c.award_name, "winner": c.winner.name,
            "kommunkoder": LIST_SEP.join(k.code for k in c.winner.kommuner),
            "kommuner": LIST_SEP.join(k.own_name for k in c.winner.kommuner),
            "motivation": PARA_SEP.join(c.motivation), "sources": LIST_SEP.join(c.winner_sources),
            "note": _cell(c.winner_note), "url": page,
        })
        anchors = c.entrant_anchors()
        for ri, r in enumerate(c.rounds):
            for ei, e in enumerate(r.entrants):
                for k in e.kommuner:
                    deltagare.append({
                        "year": str(c.year), "award_name": c.award_name, "round": str(ri + 1), "round_label": r.label,
                        "stage": r.stage, "round_date": _cell(r.date), "entrant": e.name, "kommunkod": k.code,
                        "kommun": k.own_name, "uncertain": _bool(e.uncertain), "note": _cell(e.note),
                        "winner": _bool(e.codes == c.winner.codes), "sources": LIST_SEP.join(r.sources),
                        "url": urls.at(page, anchors[(ri, ei)]),
                    })
        if c.jury:
            disputed_jury = mark(c, "jury").marked  # every member of a jury the sources disagree on is uncertain
            for p in c.jury.members:
                juryer.append({
                    "year": str(c.year), "award_name": c.award_name, "name": p.name, "title": _cell(p.title),
                    "organisation": _cell(p.organisation), "chair": _bool(p.chair),
                    "uncertain": _bool(p.uncertain or disputed_jury),
                    "note": _cell(p.note), "jury_complete": _bool(c.jury.complete),
                    "sources": LIST_SEP.join(c.jury.sources), "url": urls.at(page, p.anchor),
                })
    years: dict[str, list[str]] = {}
    for c in sorted(archive.cycles, key=lambda c: c.year):
        for sid in c.source_ids():
            years.setdefault(sid, []).append(str(c.year))
    kallor = [{"id": s.id, "title": s.title, "publisher": _cell(s.publisher), "date": _cell(s.date),
               "url": _cell(s.url), "version": _cell(s.version), "archive_url": _cell(s.archive_url),
               "kind": _cell(s.kind), "note": _cell(s.note),
               "years": LIST_SEP.join(years.get(s.id, []))} for s in archive.sources.values()]
    personer = [{"person": p.id, "name": r.name, "role": r.kind, "year": str(r.year), "award_name": r.award_name,
                 "title": _cell(r.title), "organisation": _cell(r.organisation), "entrant": _cell(r.entrant),
                 "uncertain": _bool(r.uncertain), "identity_uncertain": _bool(p.uncertain),
                 "sources": LIST_SEP.join(r.sources), "page": site_url + p.url,
                 "url": site_url + urls.at(urls.year(r.year), r.anchor)}
                for p in archive.people for r in p.roles]
    return {"vinnare.csv": vinnare, "deltagare.csv": deltagare, "juryer.csv": juryer, "kallor.csv": kallor,
            "personer.csv": personer}


def _csv_text(name: str, rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[c for c, _ in CSV_COLUMNS[name]], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


# Every download: file name (inside data/) -> its text. UTF-8, no byte order mark, CSV with CRLF (RFC 4180).
# `rows`: csv_rows(archive, site_url), made once for the CSV files and the spreadsheet.
def downloads(archive: m.Archive, site_url: str, generated: str, data_modified: str | None,
              rows: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    dump = lambda v: json.dumps(v, ensure_ascii=False, indent=2) + "\n"  # noqa: E731
    out = {"arkiv.json": dump(archive_json(archive, site_url, generated, data_modified)),
           "arkiv.schema.json": dump(schema(site_url))}
    for name, file_rows in rows.items():
        out[name] = _csv_text(name, file_rows)
    return out


# Each JSON field with its description, walked from the schema: ("cycles[].winner.name", "text", "…").
def json_fields(site_url: str = "") -> list[tuple[str, str, str]]:
    sch = _packaged_schema()
    defs = sch.get("$defs", {})
    out: list[tuple[str, str, str]] = []

    def resolve(node: dict) -> dict:
        while "$ref" in node:
            node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def type_name(node: dict) -> str:
        if node.get("$ref", "").endswith("/date"):
            return "datum"
        node = resolve(node)
        if "enum" in node or "const" in node:
            return "text: " + " eller ".join(str(v) for v in node.get("enum", [node.get("const")]))
        if "anyOf" in node:
            return " eller ".join(type_name(n) for n in node["anyOf"])
        t = node.get("type")
        if isinstance(t, list):
            return " eller ".join(_TYPES.get(str(x), str(x)) for x in t)
        if t == "array":
            return "lista med " + type_name(node.get("items", {}))
        return _TYPES.get(t, "värde") if isinstance(t, str) else "värde"

    def walk(node: dict, path: str) -> None:
        node = resolve(node)
        for branch in node.get("anyOf", []):
            walk(branch, path)
        if node.get("type") == "array" or (isinstance(node.get("type"), list) and "array" in node["type"]):
            walk(node.get("items", {}), path + "[]")
        for key, sub in node.get("properties", {}).items():
            full = f"{path}.{key}" if path else key
            out.append((full, type_name(sub), resolve(sub).get("description", "")))
            walk(sub, full)

    walk(sch, "")
    return out


_TYPES = {"string": "text", "integer": "heltal", "boolean": "true/false", "null": "null", "object": "objekt",
          "array": "lista", "number": "tal"}


# The build date as an ISO date: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise today.
def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


# When the data last changed: the newest date of a file in data/ (lastmod: file -> ISO date, from git), or None.
def data_modified(lastmod: dict[str, str] | None) -> str | None:
    return max((d for f, d in (lastmod or {}).items() if f.startswith("data/")), default=None)


# The spreadsheet: every CSV file's rows, with what a row is and what each column holds, as arkiv.xlsx's bytes.
def xlsx(archive: m.Archive, modified: str | None, rows: dict[str, list[dict[str, str]]]) -> bytes:
    columns = csv_columns(archive)
    tables = {name: (what, columns[name], rows[name]) for name, what in CSV_FILES.items()}
    return spreadsheet.workbook(archive, tables, LICENCE_URL, modified)


# Every file the build publishes besides the pages: path from the site root -> text (the spreadsheet: bytes).
# Downloads in data/, the Atom feed and the redirect pages (the share images come from arkiv.site.social); `offline`:
# the redirect pages lead to the page's file (see arkiv.site.pages.Site.offline).
def published_files(archive: m.Archive, site_url: str, site_name: str, lastmod: dict[str, str] | None,
                    generated: str | None = None, offline: bool = False) -> dict[str, str | bytes]:
    lastmod = lastmod or {}
    generated = generated or build_date()
    modified = data_modified(lastmod)
    rows = csv_rows(archive, site_url)
    out: dict[str, str | bytes] = {FOLDER + name: text
                                   for name, text in downloads(archive, site_url, generated, modified, rows).items()}
    out[FOLDER + spreadsheet.FILE_NAME] = xlsx(archive, modified, rows)
    out[feed.FEED_NAME] = feed.atom(archive, site_url, site_name, lastmod, generated)
    out.update(redirects.redirect_pages(archive, site_url, offline))
    out[maps.LAND_FILE] = maps.land_svg(archive)  # the land under the map on /kommuner/
    return out
