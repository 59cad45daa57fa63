"""Läser data/ en gång, validerar allt och bygger arkivet, eller samlar alla fel i ett DataErrors."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from arkiv.record import model as m
from arkiv.record import people as pp
from arkiv.errors import DataError, DataErrors
from arkiv.record.register import Register
from arkiv.reading.schema import validate
from arkiv.text import date_bounds, parse_date
from arkiv.reading.yamlload import Loaded, load_yaml

CYCLE_FILE = re.compile(r"^(\d{4})\.yaml$")
DATE_KEYS = {"date", "start", "end", "deadline", "version"}


@dataclass(frozen=True)
class Layout:
    """Where the data lives, and how file names are shown in messages."""

    data_dir: Path
    shown_as: str = "data"  # prefix used in messages: data/cycles/2023.yaml

    @property
    def schema_dir(self) -> Path:
        return self.data_dir / "schema"

    def show(self, path: Path) -> str:
        return f"{self.shown_as}/{path.relative_to(self.data_dir).as_posix()}"


# Load the whole archive, or raise DataErrors listing every problem in every file.
def load_archive(data_dir: Path, shown_as: str = "data") -> m.Archive:
    layout = Layout(Path(data_dir), shown_as)
    errors: list[DataError] = []
    register = Register.from_csv(layout.data_dir / "kommuner.csv")

    def read(path: Path, schema: str) -> Loaded | None:
        shown = layout.show(path)
        if not path.exists():
            errors.append(DataError(shown, 1, 1, (), "filen saknas.", "Återställ filen från main."))
            return None
        loaded, errs = load_yaml(path.read_bytes(), shown)
        errors.extend(errs)
        if loaded is None:
            return None
        schema_errors = validate(loaded, layout.schema_dir, schema)
        errors.extend(schema_errors)
        if not schema_errors:
            errors.extend(_check_dates(loaded))
        return None if schema_errors else loaded

    award = read(layout.data_dir / "award.yaml", "award.schema.json")
    sources = read(layout.data_dir / "sources.yaml", "sources.schema.json")
    winners = read(layout.data_dir / "winners.yaml", "winners.schema.json")
    people = read(layout.data_dir / "people.yaml", "people.schema.json")
    cycles: dict[int, Loaded] = {}
    unreadable: set[int] = set()  # cycle files that exist but failed: no cross-file errors about them
    cycle_dir = layout.data_dir / "cycles"
    for path in sorted(cycle_dir.glob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        match = CYCLE_FILE.match(path.name)
        if not match:
            errors.append(DataError(layout.show(path), 1, 1, (), "filnamnet ska vara året följt av .yaml.",
                                    "Byt namn på filen, till exempel till 2025.yaml."))
            continue
        loaded = read(path, "cycle.schema.json")
        if loaded is None:
            unreadable.add(int(match.group(1)))
            continue
        year = loaded.data["year"]
        if year != int(match.group(1)):
            errors.append(loaded.error(("year",), f"året {year} stämmer inte med filnamnet {path.name}.",
                                       f"Ändra year till {match.group(1)} eller byt namn på filen till {year}.yaml."))
            unreadable.add(int(match.group(1)))
            continue
        cycles[year] = loaded

    if award is None or sources is None or winners is None or people is None:
        raise DataErrors(errors)
    builder = _Builder(register, award, sources, winners, cycles, errors, unreadable, people)
    archive = builder.build()
    if errors:
        raise DataErrors(errors)
    return archive


# Every date-like field must be a real calendar date ("2023-02-30" is not).
def _check_dates(loaded: Loaded) -> list[DataError]:
    out = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                if k in DATE_KEYS and isinstance(v, str):
                    try:
                        parse_date(v)
                    except ValueError as exc:
                        why = "dagen finns inte i den månaden" if "day is out of range" in str(exc) else exc
                        out.append(loaded.error(path + (k,), f"{v} är inget riktigt datum ({why}).",
                                                "Kontrollera dag och månad."))
                else:
                    walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))

    walk(loaded.data, ())
    return out


class _Builder:
    """Cross-file rules and construction of the model; appends to the shared error list."""

    def __init__(self, register, award, sources, winners, cycles, errors, unreadable=frozenset(), people=None):
        self.unreadable, self.people_file = unreadable, people
        self.register, self.award, self.sources_file = register, award, sources
        self.winners, self.cycle_files, self.errors = winners, cycles, errors
        self.source_ids: set[str] = set()

    def build(self) -> m.Archive:
        sources = self._sources()
        award = self.award.data
        names = tuple(m.AwardName(n["name"], n["from"], n.get("to"), tuple(n["sources"])) for n in award["names"])
        self._refs(self.award)
        founded, interval = award["founded"], award["interval_years"]
        rows = self._winner_rows(founded, interval)
        cycles = []
        for year in sorted(set(rows) | set(self.cycle_files) | set(self.unreadable), reverse=True):
            if year in self.unreadable:
                continue
            if year in self.cycle_files and ((year - founded) % interval or year < founded):
                self.errors.append(self.cycle_files[year].error(("year",), f"{year} är inget utmärkelseår.",
                                                                f"Utmärkelsen delas ut vartannat år från {founded}: {founded}, {founded + interval} …"))
                continue
            if year not in self.cycle_files:
                loaded, i = rows[year]
                self.errors.append(loaded.error((i, "year"), f"det finns ingen fil data/cycles/{year}.yaml för året.",
                                                f"Skapa den med: arkiv new-cycle {year}"))
                continue
            if year not in rows:
                self.errors.append(self.cycle_files[year].error(("year",), f"{year} saknar en rad i data/winners.yaml.",
                                                                "Lägg till vinnaren och motiveringen i winners.yaml."))
                continue
            cycle = self._cycle(year, rows[year], names)
            if cycle:
                cycles.append(cycle)
        archive = m.Archive(
            cycles=tuple(cycles), sources=sources, names=names, founded=founded, interval=interval,
            purpose=m.Fact(award["purpose"]["text"], tuple(award["purpose"]["sources"])),
            history=tuple(self._fact(f) for f in award["history"]),
        )
        archive.people, archive.person_notes = self._people(archive.cycles)
        codes = {k.code for c in cycles for e in c.entrants() for k in e.kommuner}
        archive.kommuner = sorted((k for k in self.register.kommuner if k.code in codes), key=lambda k: k.name)
        archive.publications = tuple(self._publication(p) for p in award.get("publications", []))
        nf = award.get("next_fair")
        archive.next_fair = m.Fair(nf["year"], nf["name"], tuple(nf["sources"]), nf.get("start"), nf.get("end"), nf.get("venue"),
                                   nf.get("city"), nf.get("note")) if nf else None
        self._check_editions(archive)
        return archive

    # Everyone with a role, with what data/people.yaml says about them; each of its keys must name someone.
    def _people(self, cycles: tuple[m.Cycle, ...]) -> tuple[tuple[pp.Individual, ...], tuple[pp.PersonNote, ...]]:
        notes: dict[str, pp.PersonNote] = {}
        loaded = self.people_file
        if loaded is not None:
            self._refs(loaded)
            for i, row in enumerate(loaded.data):
                if row["key"] in notes:
                    self.errors.append(loaded.error((i, "key"), f"personen {row['key']} står redan i filen.",
                                                    "Slå ihop raderna till en."))
                notes[row["key"]] = pp.PersonNote(row["key"], row.get("name"), row.get("uncertain", False),
                                                  row.get("note"), tuple(row.get("sources", [])))
        found = pp.index(cycles, notes)
        ids = sorted(p.id for p in found)
        if loaded is not None and not self.errors and not self.unreadable:  # a broken cycle file hides its people
            for i, row in enumerate(loaded.data):
                if row["key"] not in ids:
                    close = difflib.get_close_matches(row["key"], ids, n=1)
                    hint = f"Menade du {close[0]}?" if close else "Skriv nyckeln som namnet med a–z och bindestreck, till exempel asa-zetterberg."
                    self.errors.append(loaded.error((i, "key"), f"ingen person i årens filer har nyckeln {row['key']}.", hint))
        return found, tuple(notes.values())

    # A source's "the tenth time" must agree with the archive's own count: a mismatch means a missing or extra cycle.
    def _check_editions(self, archive: m.Archive) -> None:
        if self.errors or self.unreadable:
            return  # a cycle that failed to load would throw the count off
        for c in archive.cycles:
            if c.edition and c.edition.number != archive.edition_of(c.year):
                self.errors.append(self.cycle_files[c.year].error(
                    ("edition", "number"),
                    f"källan säger att {c.year} var gång nummer {c.edition.number}, men arkivet räknar till {archive.edition_of(c.year)}.",
                    "Kontrollera edition.number mot källan, och att alla år sedan starten finns i data/winners.yaml."))

    def _sources(self) -> dict[str, m.Source]:
        out = {}
        for i, row in enumerate(self.sources_file.data):
            if row["id"] in out:
                self.errors.append(self.sources_file.error((i, "id"), f"källan {row['id']} finns redan.", "Ge källan ett eget id."))
            out[row["id"]] = m.Source(**{**row, "formerly": tuple(row.get("formerly", []))})
        self.source_ids = set(out)
        return out

    # Every `sources` list in a file must name sources that exist.
    def _refs(self, loaded: Loaded) -> None:
        def walk(value, path):
            if isinstance(value, dict):
                for k, v in value.items():
                    if k == "sources" and isinstance(v, list):
                        for i, ref in enumerate(v):
                            if ref not in self.source_ids:
                                close = difflib.get_close_matches(ref, sorted(self.source_ids), n=1)
                                hint = f"Menade du {close[0]}?" if close else "Lägg till källan i data/sources.yaml."
                                self.errors.append(loaded.error(path + (k, i), f"källan {ref} finns inte i data/sources.yaml.", hint))
                    else:
                        walk(v, path + (k,))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, path + (i,))
        walk(loaded.data, ())

    def _winner_rows(self, founded: int, interval: int) -> dict[int, tuple[Loaded, int]]:
        self._refs(self.winners)
        rows = {}
        for i, row in enumerate(self.winners.data):
            if row["year"] in rows:
                self.errors.append(self.winners.error((i, "year"), f"året {row['year']} står två gånger.", "Ta bort den ena raden."))
                continue
            if (row["year"] - founded) % interval or row["year"] < founded:
                self.errors.append(self.winners.error((i, "year"), f"{row['year']} är inget utmärkelseår.",
                                                      f"Utmärkelsen delas ut vartannat år från {founded}: {founded}, {founded + interval} …"))
                continue
            rows[row["year"]] = (self.winners, i)
        return rows

    def _entrant(self, value, loaded: Loaded, path: tuple) -> m.Entrant | None:
        if isinstance(value, str):
            name, names, extra = value, [value], {}
        else:
            name = value["name"]
            names = value.get("kommuner") or [name]
            extra = {"uncertain": value.get("uncertain", False), "note": value.get("note")}
        kommuner = []
        for j, n in enumerate(names):
            k = self.register.find(n)
            if k is None:
                where = path if isinstance(value, str) else (path + ("kommuner", j) if value.get("kommuner") else path + ("name",))
                close = self.register.suggest(n)
                hint = ("Menade du " + " eller ".join(close) + "?") if close else "Skriv kommunens namn som i data/kommuner.csv."
                self.errors.append(loaded.error(where, f"{n} finns inte i kommunregistret.", hint))
                return None
            kommuner.append(k)
        return m.Entrant(name, tuple(kommuner), **extra)

    def _person(self, d: dict | None):
        return m.Person(d["name"], d.get("title"), d.get("organisation"), d.get("key")) if d else None

    def _publication(self, d: dict) -> m.Publication:
        return m.Publication(d["title"], tuple(d["sources"]), d.get("date"), d.get("publisher"),
                             tuple(m.Contributor(c["name"], c["role"]) for c in d.get("contributors", [])),
                             d.get("description"), d.get("uncertain", False), d.get("note"))

    # The entrant a statement or representative speaks for: an entrant's name in the cycle, or one of its municipalities.
    def _entrant_in(self, name: str, entrants: tuple[m.Entrant, ...], loaded: Loaded, path: tuple, year: int) -> m.Entrant | None:
        for e in entrants:
            if e.name.casefold() == name.strip().casefold():
                return e
        k = self.register.find(name)
        if k is not None:
            for e in entrants:
                if k.code in e.codes:
                    return e
        names = ", ".join(dict.fromkeys(e.name for e in entrants))
        self.errors.append(loaded.error(path, f"{name} är inte vinnare, nominerad eller finalist {year}.",
                                        f"Skriv namnet som det står bland årets deltagare: {names}."))
        return None

    def _fact(self, d: dict) -> m.Fact:
        return m.Fact(d["text"], tuple(d["sources"]), d.get("quote"), d.get("uncertain", False), d.get("note"), d.get("year"))

    def _cycle(self, year: int, row_ref: tuple[Loaded, int], names) -> m.Cycle | None:
        wfile, i = row_ref
        row = wfile.data[i]
        loaded = self.cycle_files[year]
        d = loaded.data
        self._refs(loaded)
        before = len(self.errors)
        award_name = next((n.name for n in names if n.covers(year)), None)
        if award_name is None:
            self.errors.append(loaded.error(("year",), f"data/award.yaml har inget namn på utmärkelsen för {year}.",
                                            "Lägg till eller förläng en period under names i award.yaml."))
        winner = self._entrant(row["winner"], wfile, (i, "winner"))
        rounds = []
        for ri, r in enumerate(d.get("rounds", [])):
            entrants = [self._entrant(e, loaded, ("rounds", ri, "entrants", ei)) for ei, e in enumerate(r["entrants"])]
            rounds.append(m.Round(r["label"], r["stage"], tuple(e for e in entrants if e), tuple(r["sources"]),
                                  r.get("date"), r.get("size"), r.get("note")))
        if winner and rounds and not any(e.codes == winner.codes for e in rounds[-1].entrants):
            self.errors.append(loaded.error(("rounds", len(rounds) - 1, "entrants"),
                                            f"vinnaren {winner.name} saknas bland {rounds[-1].label} {year}.",
                                            "Lägg till vinnaren i den sista omgången, eller rätta vinnaren i winners.yaml."))
        jury = None
        if "jury" in d:
            seen: dict[str, int] = {}
            for ji, member in enumerate(d["jury"]["members"]):
                key = " ".join(member["name"].split()).casefold()
                if key in seen:
                    self.errors.append(loaded.error(("jury", "members", ji, "name"),
                                                    f"{member['name']} står två gånger i juryn (även som nummer {seen[key] + 1}).",
                                                    "Ta bort dubbletten."))
                seen[key] = ji
            chairs = [ji for ji, mm in enumerate(d["jury"]["members"]) if mm.get("chair")]
            for ji in chairs[1:]:
                first = d["jury"]["members"][chairs[0]]["name"]
                self.errors.append(loaded.error(("jury", "members", ji, "chair"),
                                                f"juryn har mer än en ordförande ({first} är redan ordförande).",
                                                "Sätt chair: true på en ledamot."))
            jury = m.Jury(tuple(m.JuryMember(mm["name"], mm.get("title"), mm.get("organisation"), key=mm.get("key"),
                                             chair=mm.get("chair", False), uncertain=mm.get("uncertain", False),
                                             note=mm.get("note")) for mm in d["jury"]["members"]),
                          d["jury"]["complete"], tuple(d["jury"]["sources"]), d["jury"].get("note"))
        timeline = tuple(m.TimelineItem(t["date"], t["text"], tuple(t["sources"]), t.get("end")) for t in d.get("timeline", []))
        self._check_timeline(loaded, year, d)
        cer = d.get("ceremony")
        ceremony = m.Ceremony(tuple(cer["sources"]), cer.get("date"), cer.get("occasion"), cer.get("venue"), cer.get("city"),
                              self._person(cer.get("presenter")), tuple(self._person(p) for p in cer.get("received_by", [])),
                              cer.get("uncertain", False), cer.get("note")) if cer else None
        proc = d.get("process")
        process = m.Process(tuple(proc["sources"]), tuple(m.Step(s["title"], s["text"], tuple(s.get("sources", [])))
                                                          for s in proc.get("steps", []))) if proc else None
        ca = d.get("call")
        call = m.Call(tuple(ca["sources"]), ca.get("text"), ca.get("deadline"), ca.get("nominations"),
                      tuple(m.Question(q["question"], q.get("max_chars")) for q in ca.get("entry_questions", [])),
                      ca.get("uncertain", False), ca.get("note")) if ca else None
        ev = d.get("event")
        event = m.Event(**{**ev, "sources": tuple(ev["sources"]), "organisers": tuple(ev.get("organisers", []))}) if ev else None
        entrants = tuple(e for e in [winner, *(e for r in rounds for e in r.entrants)] if e)
        statements = []
        for si, st in enumerate(d.get("statements", [])):
            e = self._entrant_in(st["entrant"], entrants, loaded, ("statements", si, "entrant"), year)
            if e:
                statements.append(m.Statement(st["text"], self._person(st["speaker"]), e, tuple(st["sources"]),
                                              st.get("context"), st.get("uncertain", False), st.get("note")))
        representatives = []
        for ri, rep in enumerate(d.get("representatives", [])):
            e = self._entrant_in(rep["entrant"], entrants, loaded, ("representatives", ri, "entrant"), year)
            if e:
                representatives.append(m.Representative(self._person(rep), e, tuple(rep["sources"]), rep.get("context"), rep.get("note")))
        self._check_recipients(loaded, year, d, winner)
        self._check_deadline(loaded, d)
        ec = d.get("entrants_count")
        entrants_count = m.EntrantsCount(ec["count"], tuple(ec["sources"]), ec.get("uncertain", False), ec.get("note")) if ec else None
        ed = d.get("edition")
        edition = m.Edition(ed["number"], ed["quote"], tuple(ed["sources"]), ed.get("note")) if ed else None
        pr = d.get("prize")
        prize = m.Prize(pr["text"], tuple(pr["sources"]), pr.get("amount_sek")) if pr else None
        if len(self.errors) > before or winner is None or award_name is None:
            return None
        return m.Cycle(
            year=year, award_name=award_name, winner=winner, motivation=tuple(row["motivation"]),
            winner_sources=tuple(row["sources"]), winner_note=row.get("note"),
            summary=self._fact(d["summary"]) if "summary" in d else None,
            call=call,
            event=event, process=process, rounds=tuple(rounds), jury=jury, timeline=timeline, ceremony=ceremony,
            prize=prize, benefits=tuple(self._fact(f) for f in d.get("benefits", [])),
            quotes=tuple(m.Quote(q["text"], self._person(q["speaker"]), tuple(q["sources"])) for q in d.get("quotes", [])),
            facts=tuple(self._fact(f) for f in d.get("facts", [])), gaps=tuple(d.get("gaps", [])),
            statements=tuple(statements), representatives=tuple(representatives),
            partners=tuple(m.Partners(tuple(p["organisations"]), tuple(p["sources"]), p.get("role"), p.get("uncertain", False),
                                      p.get("note")) for p in d.get("partners", [])),
            publications=tuple(self._publication(p) for p in d.get("publications", [])),
            entrants_count=entrants_count, edition=edition,
            conflicts=tuple(m.Conflict(c["topic"], tuple(m.Claim(cl["text"], tuple(cl["sources"])) for cl in c["claims"]),
                                       c["follows"]) for c in d.get("conflicts", [])),
        )

    # Whoever received the prize did so for the winner: their organisation must be one of the winner's municipalities.
    def _check_recipients(self, loaded: Loaded, year: int, d: dict, winner: m.Entrant | None) -> None:
        if winner is None:
            return
        for pi, person in enumerate((d.get("ceremony") or {}).get("received_by", [])):
            k = self.register.find(person["organisation"])
            if k is None or k.code not in winner.codes:
                self.errors.append(loaded.error(
                    ("ceremony", "received_by", pi, "organisation"),
                    f"{person['name']} tog emot priset för {person['organisation']}, men {year} vann {winner.name}.",
                    f"Skriv vinnarens namn som organisation ({', '.join(k.own_name for k in winner.kommuner)}), "
                    "eller flytta personen till statements eller representatives."))

    # The entry deadline falls before the prize was handed over.
    def _check_deadline(self, loaded: Loaded, d: dict) -> None:
        deadline = (d.get("call") or {}).get("deadline")
        ceremony = (d.get("ceremony") or {}).get("date")
        if not deadline or not ceremony:
            return
        try:
            late = date_bounds(deadline)[0] >= date_bounds(ceremony)[1]
        except ValueError:
            return  # reported by _check_dates
        if late:
            self.errors.append(loaded.error(("call", "deadline"), f"sista anmälningsdag {deadline} ligger inte före prisutdelningen {ceremony}.",
                                            "Kontrollera året i call.deadline och ceremony.date."))

    # Timeline dates must run in order and fall within the cycle (the year before to the year after).
    def _check_timeline(self, loaded: Loaded, year: int, d: dict) -> None:
        lo, hi = dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)
        previous = None
        for ti, item in enumerate(d.get("timeline", [])):
            try:
                start, _ = date_bounds(item["date"])
                _, end = date_bounds(item.get("end") or item["date"])
            except ValueError:
                return  # reported by _check_dates
            if not (lo <= start and end <= hi):
                self.errors.append(loaded.error(("timeline", ti, "date"), f"{item['date']} ligger utanför utmärkelseåret {year}.",
                                                f"Datum i tidslinjen ska ligga mellan {year - 1} och {year + 1}."))
            if item.get("end") and date_bounds(item["end"])[1] < start:
                self.errors.append(loaded.error(("timeline", ti, "end"), "slutdatum ligger före startdatum.", "Byt plats på date och end."))
            if previous and end < previous[1]:  # "2021-05" after "2021-05-12" is fine: the month holds the day
                self.errors.append(loaded.error(("timeline", ti, "date"), f"{item['date']} kommer före föregående rad ({previous[0]}).",
                                                "Sortera tidslinjen i tidsordning."))
            previous = (item["date"], start)
        event = d.get("event") or {}
        if event.get("start") and event.get("end"):
            try:
                if date_bounds(event["end"])[1] < date_bounds(event["start"])[0]:
                    self.errors.append(loaded.error(("event", "end"), "slutdatum ligger före startdatum.", "Byt plats på start och end."))
            except ValueError:
                pass  # reported by _check_dates
        for key in ("ceremony",):
            value = (d.get(key) or {}).get("date")
            if value:
                try:
                    s, e = date_bounds(value)
                except ValueError:
                    continue
                if not (lo <= s and e <= hi):
                    self.errors.append(loaded.error((key, "date"), f"{value} ligger utanför utmärkelseåret {year}.",
                                                    f"Datumet ska ligga mellan {year - 1} och {year + 1}."))
