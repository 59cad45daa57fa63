"""Bygger modellen ur filer som har klarat reglerna: varje post en gång, med namngivna fält.

Nothing here judges: load.py calls archive() only when the schema and every rule in rules.py passed, so each
lookup here (an entrant, an award name, the entrant a statement speaks for) is known to succeed.
"""

from __future__ import annotations

from types import MappingProxyType

from arkiv.reading.files import CycleFiles, Files
from arkiv.record import model as m
from arkiv.record import people as pp
from arkiv.text import sv_key


# The whole archive, built once.
def archive(files: Files) -> m.Archive:
    award = files.award.data
    cycles = tuple(cycle(c, files.award_names) for c in files.paired)
    codes = {k.code for c in cycles for e in c.entrants() for k in e.kommuner}
    notes = person_notes(files)
    return m.Archive(
        cycles=cycles,
        sources=sources(files),
        names=files.award_names,
        founded=files.founded,
        interval=files.interval,
        purpose=m.Fact(text=award["purpose"]["text"], sources=tuple(award["purpose"]["sources"])),
        history=tuple(fact(f) for f in award["history"]),
        kommuner=tuple(sorted((k for k in files.register.kommuner if k.code in codes), key=lambda k: sv_key(k.name))),
        person_notes=tuple(notes.values()),
        people=pp.index(cycles, notes),
        publications=tuple(publication(p) for p in award.get("publications", [])),
        next_fair=fair(award["next_fair"]) if award.get("next_fair") else None,
    )


# Every source by id, read-only.
def sources(files: Files) -> MappingProxyType[str, m.Source]:
    out = {row["id"]: m.Source(**{**row, "formerly": tuple(row.get("formerly", []))}) for row in files.sources.data}
    return MappingProxyType(out)


# What data/people.yaml says about each person, by key.
def person_notes(files: Files) -> dict[str, pp.PersonNote]:
    return {row["key"]: pp.PersonNote(key=row["key"], name=row.get("name"), uncertain=row.get("uncertain", False),
                                      note=row.get("note"), sources=tuple(row.get("sources", [])))
            for row in files.people.data}


# One award year: its row in winners.yaml and its own file.
def cycle(c: CycleFiles, names: tuple[m.AwardName, ...]) -> m.Cycle:
    row, d = c.winner_row, c.data
    assert c.winner is not None  # rules.kommuner_exist
    return m.Cycle(
        year=c.year, award_name=next(n.name for n in names if n.covers(c.year)), winner=c.winner,
        motivation=tuple(row["motivation"]), winner_sources=tuple(row["sources"]), winner_note=row.get("note"),
        summary=fact(d["summary"]) if "summary" in d else None,
        call=call(d["call"]) if d.get("call") else None,
        event=event(d["event"]) if d.get("event") else None,
        process=process(d["process"]) if d.get("process") else None,
        rounds=rounds(c),
        jury=jury(d["jury"]) if "jury" in d else None,
        timeline=tuple(m.TimelineItem(date=t["date"], text=t["text"], sources=tuple(t["sources"]), end=t.get("end"))
                       for t in d.get("timeline", [])),
        ceremony=ceremony(d["ceremony"]) if d.get("ceremony") else None,
        prize=prize(d["prize"]) if d.get("prize") else None,
        benefits=tuple(fact(f) for f in d.get("benefits", [])),
        quotes=tuple(m.Quote(text=q["text"], speaker=person(q["speaker"]), sources=tuple(q["sources"]))
                     for q in d.get("quotes", [])),
        facts=tuple(fact(f) for f in d.get("facts", [])),
        gaps=tuple(d.get("gaps", [])),
        statements=tuple(statement(c, st) for st in d.get("statements", [])),
        representatives=tuple(representative(c, rep) for rep in d.get("representatives", [])),
        partners=tuple(partners(p) for p in d.get("partners", [])),
        publications=tuple(publication(p) for p in d.get("publications", [])),
        entrants_count=entrants_count(d["entrants_count"]) if d.get("entrants_count") else None,
        edition=edition(d["edition"]) if d.get("edition") else None,
        conflicts=tuple(conflict(x) for x in d.get("conflicts", [])),
    )


# The year's rounds, each with its entrants.
def rounds(c: CycleFiles) -> tuple[m.Round, ...]:
    return tuple(m.Round(label=r["label"], stage=r["stage"], entrants=entrants, sources=tuple(r["sources"]),
                         date=r.get("date"), size=round_size(r), note=r.get("note"))
                 for r, entrants in zip(c.data.get("rounds", []), c.round_entrants, strict=True))


# A round's size as the data gives it: size (exact), size_range (min–max) or size_unknown; None for none of them.
def round_size(r: dict) -> m.Size | None:
    if "size" in r:
        return m.Size(r["size"], r["size"])
    if "size_range" in r:
        return m.Size(r["size_range"]["min"], r["size_range"]["max"])
    return m.Size() if r.get("size_unknown") else None


def jury(d: dict) -> m.Jury:
    members = tuple(m.JuryMember(name=p["name"], title=p.get("title"), organisation=p.get("organisation"),
                                 key=p.get("key"), chair=p.get("chair", False), uncertain=p.get("uncertain", False),
                                 note=p.get("note"))
                    for p in d["members"])
    return m.Jury(members=members, complete=d["complete"], sources=tuple(d["sources"]), note=d.get("note"))


def person(d: dict) -> m.Person:
    return m.Person(name=d["name"], title=d.get("title"), organisation=d.get("organisation"), key=d.get("key"))


def fact(d: dict) -> m.Fact:
    return m.Fact(text=d["text"], sources=tuple(d["sources"]), quote=d.get("quote"),
                  uncertain=d.get("uncertain", False), note=d.get("note"), year=d.get("year"))


def ceremony(d: dict) -> m.Ceremony:
    return m.Ceremony(sources=tuple(d["sources"]), date=d.get("date"), occasion=d.get("occasion"), venue=d.get("venue"),
                      city=d.get("city"), presenter=person(d["presenter"]) if d.get("presenter") else None,
                      received_by=tuple(person(p) for p in d.get("received_by", [])),
                      uncertain=d.get("uncertain", False), note=d.get("note"))


def process(d: dict) -> m.Process:
    steps = tuple(m.Step(title=s["title"], text=s["text"], sources=tuple(s.get("sources", [])))
                  for s in d.get("steps", []))
    return m.Process(sources=tuple(d["sources"]), steps=steps)


def call(d: dict) -> m.Call:
    questions = tuple(m.Question(question=q["question"], max_chars=q.get("max_chars"))
                      for q in d.get("entry_questions", []))
    return m.Call(sources=tuple(d["sources"]), text=d.get("text"), deadline=d.get("deadline"),
                  nominations=d.get("nominations"), entry_questions=questions, uncertain=d.get("uncertain", False),
                  note=d.get("note"))


def event(d: dict) -> m.Event:
    return m.Event(**{**d, "sources": tuple(d["sources"]), "organisers": tuple(d.get("organisers", []))})


def prize(d: dict) -> m.Prize:
    return m.Prize(text=d["text"], sources=tuple(d["sources"]), amount_sek=d.get("amount_sek"))


# The entrant a statement or representative speaks for (rules.speak_for_entrants).
def spoken_for(c: CycleFiles, name: str) -> m.Entrant:
    found = c.entrant_named(name)
    assert found is not None
    return found


def statement(c: CycleFiles, d: dict) -> m.Statement:
    return m.Statement(text=d["text"], speaker=person(d["speaker"]), entrant=spoken_for(c, d["entrant"]),
                       sources=tuple(d["sources"]), context=d.get("context"), uncertain=d.get("uncertain", False),
                       note=d.get("note"))


def representative(c: CycleFiles, d: dict) -> m.Representative:
    return m.Representative(person=person(d), entrant=spoken_for(c, d["entrant"]), sources=tuple(d["sources"]),
                            context=d.get("context"), note=d.get("note"))


def partners(d: dict) -> m.Partners:
    return m.Partners(organisations=tuple(d["organisations"]), sources=tuple(d["sources"]), role=d.get("role"),
                      uncertain=d.get("uncertain", False), note=d.get("note"))


def publication(d: dict) -> m.Publication:
    contributors = tuple(m.Contributor(name=x["name"], role=x["role"]) for x in d.get("contributors", []))
    return m.Publication(title=d["title"], sources=tuple(d["sources"]), date=d.get("date"),
                         publisher=d.get("publisher"), contributors=contributors, description=d.get("description"),
                         uncertain=d.get("uncertain", False), note=d.get("note"))


def entrants_count(d: dict) -> m.EntrantsCount:
    return m.EntrantsCount(count=d["count"], sources=tuple(d["sources"]), uncertain=d.get("uncertain", False),
                           note=d.get("note"))


def edition(d: dict) -> m.Edition:
    return m.Edition(number=d["number"], quote=d["quote"], sources=tuple(d["sources"]), note=d.get("note"))


def conflict(d: dict) -> m.Conflict:
    claims = tuple(m.Claim(text=x["text"], sources=tuple(x["sources"])) for x in d["claims"])
    return m.Conflict(topic=d["topic"], claims=claims, follows=d["follows"], about=d.get("about"))


def fair(d: dict) -> m.Fair:
    return m.Fair(year=d["year"], name=d["name"], sources=tuple(d["sources"]), start=d.get("start"), end=d.get("end"),
                  venue=d.get("venue"), city=d.get("city"), note=d.get("note"),
                  held=fact(d["held"]) if d.get("held") else None)
