"""Reglerna över filerna: det som schemat inte kan säga, för att det gäller flera fält eller flera filer.

Each rule is a small function over the data as read (files.Files, or one year's files.CycleFiles) that yields a
DataError, with file, line, field and a Swedish hint, for every problem it finds; it builds nothing. load.py runs
them all after reading, and builds the model only when none of them found anything. A rule that judges the built
archive (ARCHIVE_RULES) runs only when everything before it passed. Each rule has its case in tests/corpus.yaml,
and what the corpus leaves out is in tests/unit/test_rules.py.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from arkiv.errors import DataError
from arkiv.reading.files import CycleFiles, Files, kommun_names, kommun_path
from arkiv.reading.yamlload import Loaded
from arkiv.record.model import DATE_FIELDS
from arkiv.record.register import Register
from arkiv.text import date_bounds, every_years, parse_date

if TYPE_CHECKING:
    from arkiv.record.model import Archive

Errors = Iterator[DataError]


# Every date field of one file is a real calendar date ("2023-02-30" is not); run on each file as it is read.
def real_dates(loaded: Loaded) -> list[DataError]:
    out = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                if k in DATE_FIELDS and isinstance(v, str):
                    try:
                        parse_date(v)
                    except ValueError as exc:
                        why = "dagen finns inte i den månaden" if "day is out of range" in str(exc) else exc
                        out.append(loaded.error((*path, k), f"{v} är inget riktigt datum ({why}).",
                                                "Kontrollera dag och månad."))
                else:
                    walk(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, (*path, i))

    walk(loaded.data, ())
    return out


# ---- across the files ----

# Each source id stands once in data/sources.yaml.
def sources_once(files: Files) -> Errors:
    seen: set[str] = set()
    for i, row in enumerate(files.sources.data):
        if row["id"] in seen:
            yield files.sources.error((i, "id"), f"källan {row['id']} finns redan.", "Ge källan ett eget id.")
        seen.add(row["id"])


# Every `sources` list names sources that exist (in award, winners and people, and in each year that is built).
def sources_exist(files: Files) -> Errors:
    for loaded in (files.award, files.winners, files.people, *(c.file for c in files.paired)):
        yield from unknown_sources(loaded, (), loaded.data, files.source_ids)


def unknown_sources(loaded: Loaded, path: tuple, value, ids: frozenset[str]) -> Errors:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "sources" and isinstance(v, list):
                for i, ref in enumerate(v):
                    if isinstance(ref, str) and ref not in ids:  # anything else is the schema's error
                        close = difflib.get_close_matches(ref, sorted(ids), n=1)
                        add = (f"Är det en ny källa: lägg till den i data/sources.yaml med id: {ref}, title: (källans "
                               "rubrik) och url: (adressen), som källorna som redan står där.")
                        hint = f"Menade du {close[0]}? {add}" if close else add
                        yield loaded.error((*path, k, i), f"källan {ref} finns inte i data/sources.yaml.", hint)
            else:
                yield from unknown_sources(loaded, (*path, k), v, ids)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from unknown_sources(loaded, (*path, i), v, ids)


# Each year stands once in data/winners.yaml.
def winners_once(files: Files) -> Errors:
    for i, row in enumerate(files.winners.data):
        if files.rows.get(row["year"], i) < i:
            yield files.winners.error((i, "year"), f"året {row['year']} står två gånger.", "Ta bort den ena raden.")


# Each row of data/winners.yaml is for a year the award was given (every interval years from the first).
def winners_in_award_years(files: Files) -> Errors:
    for i, row in enumerate(files.winners.data):
        if not files.is_award_year(row["year"]):
            yield _not_award_year(files, files.winners, (i, "year"), row["year"])


# Each file in data/cycles/ is for a year the award was given.
def cycles_in_award_years(files: Files) -> Errors:
    for year, loaded in files.cycles.items():
        if not files.is_award_year(year):
            yield _not_award_year(files, loaded, ("year",), year)


def _not_award_year(files: Files, loaded: Loaded, path: tuple, year: int) -> DataError:
    founded, interval = files.founded, files.interval
    hint = f"Utmärkelsen delas ut {every_years(interval)} från {founded}: {founded}, {founded + interval} …"
    return loaded.error(path, f"{year} är inget utmärkelseår.", hint)


# Each year in data/winners.yaml has its own file in data/cycles/.
def rows_have_files(files: Files) -> Errors:
    for year, i in files.rows.items():
        if year not in files.cycles and year not in files.unreadable:
            yield files.winners.error((i, "year"), f"det finns ingen fil data/cycles/{year}.yaml för året.",
                                      f"Skapa den med: arkiv new-cycle {year}")


# Each award year's file in data/cycles/ has its row in data/winners.yaml.
def files_have_rows(files: Files) -> Errors:
    for year, loaded in files.cycles.items():
        if files.is_award_year(year) and year not in files.rows:
            yield loaded.error(("year",), f"{year} saknar en rad i data/winners.yaml.",
                               "Lägg till vinnaren och motiveringen i winners.yaml.")


# Each year has a name for the award in data/award.yaml.
def award_named(files: Files) -> Errors:
    for c in files.paired:
        if not any(n.covers(c.year) for n in files.award_names):
            yield c.file.error(("year",), f"data/award.yaml har inget namn på utmärkelsen för {c.year}.",
                               "Lägg till eller förläng en period under names i award.yaml.")


# Each key in data/people.yaml stands once.
def people_once(files: Files) -> Errors:
    seen: set[str] = set()
    for i, row in enumerate(files.people.data):
        if row["key"] in seen:
            yield files.people.error((i, "key"), f"personen {row['key']} står redan i filen.",
                                     "Slå ihop raderna till en.")
        seen.add(row["key"])


# award.yaml's next_fair is about a year still to come: once the year is in the archive, the fair belongs to it.
def next_fair_to_come(files: Files) -> Errors:
    fair = files.award.data.get("next_fair") or {}
    year = fair.get("year")
    if year in files.cycles or year in files.rows:
        yield files.award.error(("next_fair", "year"), f"next_fair gäller {year}, som redan finns i arkivet.",
                                f"För över det som stämmer till event i data/cycles/{year}.yaml, med sina källor, "
                                "och ta bort next_fair ur award.yaml.")


# ---- within one year ----

# Every municipality an entrant names is in the register (the first unknown one of each entrant is reported).
def kommuner_exist(c: CycleFiles) -> Errors:
    for loaded, path, value in c.entrant_values():
        yield from entrant_in_register(loaded, path, value, c.register)


# An entrant's municipalities are in the register, in the register's form: an error for its first that is not.
def entrant_in_register(loaded: Loaded, path: tuple, value, register: Register) -> Errors:
    for j, name in enumerate(kommun_names(value)):
        wrong = register.misnamed(name, "Skriv kommunens namn som i data/kommuner.csv.",
                                  "Skriv {}, så som kommunen själv skriver sitt namn.")
        if wrong is not None:
            yield loaded.error(kommun_path(value, path, j), *wrong)
            return


# The winner is among the entrants of the year's last round.
def winner_in_last_round(c: CycleFiles) -> Errors:
    rounds = c.data.get("rounds", [])
    if c.winner and rounds and not any(e.codes == c.winner.codes for e in c.round_entrants[-1]):
        yield c.file.error(("rounds", len(rounds) - 1, "entrants"),
                           f"vinnaren {c.winner.name} saknas bland {rounds[-1]['label']} {c.year}.",
                           "Lägg till vinnaren i den sista omgången, eller rätta vinnaren i winners.yaml.")


# A round gives its size once (size, size_range or size_unknown), a range from the smaller number to the larger, and
# never fewer than the entrants it names.
def round_size_once(c: CycleFiles) -> Errors:
    for ri, r in enumerate(c.data.get("rounds", [])):
        given = [k for k in ("size", "size_range", "size_unknown") if k in r]
        span = r.get("size_range", {})
        low, high = span.get("min"), span.get("max", r.get("size"))
        if len(given) > 1:
            yield c.file.error(("rounds", ri, given[1]),
                               f"omgången anger sin storlek två gånger ({' och '.join(given)}).",
                               "Behåll en: size för ett exakt antal, size_range för ett spann, size_unknown om det "
                               "inte är känt.")
        elif low is not None and low >= high:
            yield c.file.error(("rounds", ri, "size_range"), f"spannet {low}–{high} går inte från ett mindre tal till "
                               "ett större.", "Sätt det minsta antalet i min och det största i max.")
        elif high is not None and high < len(r["entrants"]):
            yield c.file.error(("rounds", ri, given[0]), f"omgången kan inte ha haft färre än de {len(r['entrants'])} "
                               "deltagare den namnger.", "Rätta antalet eller deltagarna.")


# Each member stands once in the jury (names compared without case and extra spaces).
def jury_once(c: CycleFiles) -> Errors:
    seen: dict[str, int] = {}
    for ji, member in enumerate(c.data.get("jury", {}).get("members", [])):
        key = " ".join(member["name"].split()).casefold()
        if key in seen:
            yield c.file.error(("jury", "members", ji, "name"),
                               f"{member['name']} står två gånger i juryn (även som nummer {seen[key] + 1}).",
                               "Ta bort dubbletten.")
        seen[key] = ji


# The jury has at most one chair.
def one_chair(c: CycleFiles) -> Errors:
    members = c.data.get("jury", {}).get("members", [])
    chairs = [ji for ji, member in enumerate(members) if member.get("chair")]
    for ji in chairs[1:]:
        yield c.file.error(("jury", "members", ji, "chair"),
                           f"juryn har mer än en ordförande ({members[chairs[0]]['name']} är redan ordförande).",
                           "Sätt chair: true på en ledamot.")


# The first and last day of each timeline row, up to the first row with a date that is not real (real_dates says so).
def _timeline(c: CycleFiles) -> Iterator[tuple[int, dict, dt.date, dt.date]]:
    for ti, item in enumerate(c.data.get("timeline", [])):
        try:
            start, _ = date_bounds(item["date"])
            _, end = date_bounds(item.get("end") or item["date"])
        except ValueError:
            return
        yield ti, item, start, end


# The cycle's dates fall from the year before to the year after.
def _in_cycle(year: int, start: dt.date, end: dt.date) -> bool:
    return dt.date(year - 1, 1, 1) <= start and end <= dt.date(year + 1, 12, 31)


# Each timeline row falls within the cycle.
def timeline_in_cycle(c: CycleFiles) -> Errors:
    for ti, item, start, end in _timeline(c):
        if not _in_cycle(c.year, start, end):
            yield c.file.error(("timeline", ti, "date"), f"{item['date']} ligger utanför utmärkelseåret {c.year}.",
                               f"Datum i tidslinjen ska ligga mellan {c.year - 1} och {c.year + 1}.")


# A timeline row that has an end ends after it starts.
def timeline_ends_after_start(c: CycleFiles) -> Errors:
    for ti, item, start, end in _timeline(c):
        if item.get("end") and end < start:
            yield c.file.error(("timeline", ti, "end"), "slutdatum ligger före startdatum.",
                               "Byt plats på date och end.")


# The timeline runs in order ("2021-05" after "2021-05-12" is fine: the month holds the day).
def timeline_in_order(c: CycleFiles) -> Errors:
    previous = None
    for ti, item, start, end in _timeline(c):
        if previous and end < previous[1]:
            yield c.file.error(("timeline", ti, "date"),
                               f"{item['date']} kommer före föregående rad ({previous[0]}).",
                               "Sortera tidslinjen i tidsordning.")
        previous = (item["date"], start)


# The event ends after it starts.
def event_ends_after_start(c: CycleFiles) -> Errors:
    event = c.data.get("event") or {}
    if event.get("start") and event.get("end"):
        try:
            backwards = date_bounds(event["end"])[1] < date_bounds(event["start"])[0]
        except ValueError:
            return  # reported by real_dates
        if backwards:
            yield c.file.error(("event", "end"), "slutdatum ligger före startdatum.", "Byt plats på start och end.")


# The prize was handed over within the cycle.
def ceremony_in_cycle(c: CycleFiles) -> Errors:
    value = (c.data.get("ceremony") or {}).get("date")
    if value:
        try:
            start, end = date_bounds(value)
        except ValueError:
            return  # reported by real_dates
        if not _in_cycle(c.year, start, end):
            yield c.file.error(("ceremony", "date"), f"{value} ligger utanför utmärkelseåret {c.year}.",
                               f"Datumet ska ligga mellan {c.year - 1} och {c.year + 1}.")


# The entry deadline falls before the prize was handed over.
def deadline_before_ceremony(c: CycleFiles) -> Errors:
    deadline = (c.data.get("call") or {}).get("deadline")
    ceremony = (c.data.get("ceremony") or {}).get("date")
    if not deadline or not ceremony:
        return
    try:
        late = date_bounds(deadline)[0] >= date_bounds(ceremony)[1]
    except ValueError:
        return  # reported by real_dates
    if late:
        yield c.file.error(("call", "deadline"),
                           f"sista anmälningsdag {deadline} ligger inte före prisutdelningen {ceremony}.",
                           "Kontrollera året i call.deadline och ceremony.date.")


# Each statement and representative speaks for an entrant of the year (by its name, or one of its municipalities').
def speak_for_entrants(c: CycleFiles) -> Errors:
    names = ", ".join(dict.fromkeys(e.name for e in c.entrants))
    for key in ("statements", "representatives"):
        for i, item in enumerate(c.data.get(key, [])):
            if c.entrant_named(item["entrant"]) is None:
                yield c.file.error((key, i, "entrant"),
                                   f"{item['entrant']} är inte vinnare, nominerad eller finalist {c.year}.",
                                   f"Skriv namnet som det står bland årets deltagare: {names}.")


# Whoever received the prize did so for the winner: their organisation is one of the winner's municipalities.
def recipients_for_winner(c: CycleFiles) -> Errors:
    winner = c.winner
    if winner is None:
        return
    for pi, person in enumerate((c.data.get("ceremony") or {}).get("received_by", [])):
        k = c.register.find(person["organisation"])
        if k is None or k.code not in winner.codes:
            yield c.file.error(
                ("ceremony", "received_by", pi, "organisation"),
                f"{person['name']} tog emot priset för {person['organisation']}, men {c.year} vann {winner.name}.",
                f"Skriv vinnarens namn som organisation ({', '.join(k.own_name for k in winner.kommuner)}), "
                "eller flytta personen till statements eller representatives.")


# ---- over the built archive ----

# Each key in data/people.yaml names someone with a role in the years' files.
def people_known(archive: Archive, files: Files) -> Errors:
    ids = sorted(p.id for p in archive.people)
    for i, row in enumerate(files.people.data):
        if row["key"] not in ids:
            close = difflib.get_close_matches(row["key"], ids, n=1)
            hint = (f"Menade du {close[0]}?" if close
                    else "Skriv nyckeln som namnet med a–z och bindestreck, till exempel asa-zetterberg.")
            yield files.people.error((i, "key"), f"ingen person i årens filer har nyckeln {row['key']}.", hint)


# A source's "the tenth time" agrees with the archive's own count: a mismatch means a missing or extra cycle.
def editions_agree(archive: Archive, files: Files) -> Errors:
    for c in archive.cycles:
        counted = archive.edition_of(c.year)
        if c.edition and c.edition.number != counted:
            yield files.cycles[c.year].error(
                ("edition", "number"),
                f"källan säger att {c.year} var gång nummer {c.edition.number}, men arkivet räknar till {counted}.",
                "Kontrollera edition.number mot källan, och att alla år sedan starten finns i data/winners.yaml.")


FILE_RULES: tuple[Callable[[Files], Iterable[DataError]], ...] = (
    sources_once, sources_exist, winners_once, winners_in_award_years, cycles_in_award_years, rows_have_files,
    files_have_rows, award_named, people_once, next_fair_to_come,
)
CYCLE_RULES: tuple[Callable[[CycleFiles], Iterable[DataError]], ...] = (
    kommuner_exist, winner_in_last_round, jury_once, one_chair, timeline_in_cycle, timeline_ends_after_start,
    timeline_in_order, event_ends_after_start, ceremony_in_cycle, deadline_before_ceremony, speak_for_entrants,
    recipients_for_winner, round_size_once,
)
# In order, each only when the rules before it found nothing: a year that failed would hide its people and its count.
ARCHIVE_RULES: tuple[Callable[[Archive, Files], Iterable[DataError]], ...] = (people_known, editions_agree)


# Every problem the rules find in the files, before anything is built.
def judge(files: Files) -> list[DataError]:
    out = [e for rule in FILE_RULES for e in rule(files)]
    return out + [e for c in files.paired for rule in CYCLE_RULES for e in rule(c)]


# The problems only the built archive shows: the first rule of ARCHIVE_RULES that finds any.
def judge_archive(archive: Archive, files: Files) -> list[DataError]:
    for rule in ARCHIVE_RULES:
        found = list(rule(archive, files))
        if found:
            return found
    return []
