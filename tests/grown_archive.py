"""Archives grown the way the organisers will grow them (issue 21): one or more next years added to the real data/ or
to the test archive (tests/fixtures/archive/), as CONTRIBUTING.md says, with made-up results chosen to be hard.

Every choice comes from one seed, so a failing archive is made again with the same seed (`--growth-seed S`, or
`python3 tests/grown_archive.py S DIR` to write it and run any test on it with ARKIV_TEST_DATA=DIR). A grown archive
has, by chance and on purpose:
- municipalities drawn from the 290 in the register, and people made up from Swedish first names and surnames;
- names that begin other names: a municipality whose name begins another entrant's (Mark, Markaryd) or a person's
  surname (Lund, Lundberg), a first name or surname that begins a municipality's name (Bo, Borås; Falk, Falkenberg),
  a surname that begins another person's (Berg, Bergman), new and already in the archive;
- a municipality that wins a second time, joint entrants, an unknown jury, a late prize (an award year left out
  before it, and the prize given in December), several years in a row;
- for half the seeds (seed % 4 is 0 or 1: seed 1 of the normal suite's two), each year without a joint entrant comes
  through the form "Nytt utmärkelseår": an issue body made from the form file, written into data/ by `arkiv
  from-issue`, as the workflow does, instead of files written here.
No made-up word is a whole word of a municipality's name or another person's name: then two things share one name,
and no ranking can tell which the visitor meant.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from archive_fixture import copy_archive
from arkiv.reading.load import load_archive
from arkiv.record.register import Kommun, Register
from arkiv.text import fold, format_date
from arkiv.tools.issue import form
from arkiv.tools.issue.run import from_issue
from issue_forms import FIELDS, FORM_FILE

ROOT = Path(__file__).resolve().parents[1]
BASES = ("data", "fixture")  # the real archive, the test archive
SOURCE = "tillvaxt-{year}"
FIRST_NAMES = """Anna Bo Eva Karl Tor Olof Eskil Sten Tim Lena Maria Erik Lars Karin Per Ulf Åsa Göran Ingrid Nils Sara
Johan Emma Gustav Elin Oskar Ida Hans Kerstin Mats Sofia Björn Linnea Ove Hedda Sigrid Alf Ebba Ylva""".split()
SURNAMES = """Berg Lind Holm Falk Ek Strand Sol Nord Dahl Lund Sjö Ros Hed Ström Mal Kil Bor Tran Sala Ving Ny Sunn
Vall Gran Ask Alm Hall Björk Sten Ås""".split()
SUFFIXES = ["berg", "man", "ström", "gren", "qvist", "dahl", "holm", "lund", "bom", "sson", "ér", "ander"]
TITLES = ["generaldirektör", "kommundirektör", "professor", "digitaliseringschef", "förbundsdirektör", "utredare"]
ORGANISATIONS = ["Myndigheten för digital förvaltning", "Sveriges Kommuner och Regioner", "Exempeluniversitetet",
                 "Vinnova", "Kvalitetsmässan"]


@dataclass
class Grown:
    """A grown archive: its data folder, the seed and base it came from, and what was added."""

    seed: int
    base: str
    data: Path
    years: list[int] = field(default_factory=list)
    story: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"seed {self.seed} ({self.base}; {'; '.join(self.story)})"


class Names:
    """Made-up people, with the collisions the archive must rank right, and never a whole word already taken."""

    def __init__(self, rng: random.Random, register: list[Kommun], people: list[str]):
        self.rng = rng
        self.kommun_words = {w for k in register for n in (k.name, k.own_name) for w in words(n)}
        self.people = list(people)
        self.taken = {w for p in people for w in words(p)}

    # A made-up surname beginning with `start` and longer than it, or None if every one is taken.
    def longer(self, start: str) -> str | None:
        options = [start + s for s in SUFFIXES if self.free(start + s)]
        return self.rng.choice(options) if options else None

    # Whether a made-up word is no whole word of a municipality's or anyone's name, nor one's genitive.
    def free(self, word: str) -> bool:
        w = fold(word).lower()
        return not ({w, w + "s", w.removesuffix("s")} & (self.kommun_words | self.taken))

    # A new person "First Surname"; the surname drawn, or given (e.g. to begin a municipality's name).
    def person(self, surname: str | None = None) -> str:
        for _ in range(200):
            last = surname or self.rng.choice(SURNAMES) + self.rng.choice(["", *SUFFIXES])
            first = self.rng.choice(FIRST_NAMES)
            name = f"{first} {last}"
            if self.free(last) and name not in self.people and (fold(first).lower() not in self.kommun_words):
                self.people.append(name)
                self.taken.add(fold(last).lower())
                return name
            surname = None
        raise AssertionError("no free name left")


# The words of a name as the index holds them: lower case, without å, ä, ö.
def words(name: str) -> set[str]:
    return set(re.findall(r"\w+", fold(name).lower()))


# Municipalities whose short name begins a word of another's ("mark", "markaryd"): pairs from the register.
def prefix_pairs(register: list[Kommun]) -> list[tuple[Kommun, Kommun]]:
    return [(a, b) for a in register for b in register if a is not b and len(words(a.name)) == 1
            and any(w.startswith(fold(a.name).lower()) and w != fold(a.name).lower() for w in words(b.name))]


# An entrant as an organiser writes it: the municipality's own name, or a joint entrant's name and municipalities.
def entrant(kommuner: list[Kommun]) -> str | dict:
    if len(kommuner) == 1:
        return kommuner[0].own_name
    last = kommuner[-1].name
    names = ", ".join(k.name for k in kommuner[:-1]) + f" och {last}{'' if last[-1] in 'sxz' else 's'} kommuner"
    return {"name": names, "kommuner": [k.own_name for k in kommuner]}


# The codes of an entrant as written above.
def codes(written, by_name: dict[str, Kommun]) -> frozenset[str]:
    names = written["kommuner"] if isinstance(written, dict) else [written]
    return frozenset(by_name[n].code for n in names)


class Grower:
    """Adds award years to a copy of an archive, one file and one winners row each, as an organiser does."""

    def __init__(self, seed: int, data: Path):
        self.rng = random.Random(seed)
        self.data = data
        archive = load_archive(data)
        self.archive = archive
        self.register = Register.from_csv(data / "kommuner.csv").kommuner
        self.by_name = {k.own_name: k for k in self.register}
        self.names = Names(self.rng, self.register, [p.name for p in archive.people])
        self.winners = [c.winner.kommuner[0] for c in archive.cycles if len(c.winner.kommuner) == 1]
        self.year = archive.cycles[0].year
        self.story: list[str] = []
        self.via_form = seed % 4 in (0, 1)  # no draw from rng: a seed grows the same years either way

    # The municipalities of one year: some at random, some chosen to collide with other names.
    def entrants(self) -> list[Kommun]:
        rng = self.rng
        chosen = rng.sample(self.register, rng.randint(2, 5))
        if rng.random() < 0.5:
            a, b = rng.choice(prefix_pairs(self.register))
            chosen += [a, b]
            self.story.append(f"{a.name} begins {b.name}")
        return list(dict.fromkeys(chosen))

    # People for a year: some at random, and some whose names begin, or are begun by, the year's municipalities' names
    # or other people's surnames.
    def people(self, kommuner: list[Kommun], count: int) -> list[str]:
        rng, out = self.rng, []
        singles = [k for k in kommuner if len(words(k.name)) == 1 and len(k.name) <= 8]
        if singles and rng.random() < 0.7:
            k = rng.choice(singles)
            surname = self.names.longer(k.name)
            if surname:
                out.append(self.names.person(surname))
                self.story.append(f"{k.name} begins {out[-1]}")
        if rng.random() < 0.5:
            first = [f for f in FIRST_NAMES if self.names.free(f) and any(
                fold(k.name).lower().startswith(fold(f).lower()) for k in kommuner)]
            if first:
                name = f"{rng.choice(first)} {self.names.person().split()[1]}"
                self.names.people[-1] = name
                out.append(name)
                self.story.append(f"{name} begins a municipality's name")
        if rng.random() < 0.6:
            base = rng.choice(self.names.people)
            last = base.split()[-1]
            surname = self.names.longer(last) if last.isalpha() else None
            if surname:
                out.append(self.names.person(surname))
                self.story.append(f"{last} ({base}) begins {out[-1]}")
        while len(out) < count:
            out.append(self.names.person())
        return out[:max(count, len(out))]

    # One award year's file and winners row, written into the data folder.
    def add_year(self, late: bool) -> int:
        rng = self.rng
        self.year += self.archive.interval * (2 if late else 1)
        year = self.year
        kommuner = self.entrants()
        written = [entrant([k]) for k in kommuner]
        if rng.random() < 0.4 and len(kommuner) >= 3:
            joint = entrant(kommuner[:2])
            written = [joint, *written[2:]]
            self.story.append(f"{year}: joint entrant {joint['name']}")
        finalists = rng.sample(written, max(1, min(len(written), rng.randint(1, 3))))
        winner = rng.choice(finalists)
        before = [k for k in self.winners if k not in kommuner]
        if before and rng.random() < 0.35:
            again = rng.choice(before)
            winner = again.own_name
            if winner not in written:
                written.append(winner)
            if winner not in finalists:
                finalists.append(winner)
            self.story.append(f"{year}: {again.name} wins again")
        cycle: dict = {"year": year, "rounds": [
            {"label": "nominerade", "stage": "nominerad", "date": f"{year}-05-10", "entrants": written,
             "sources": [SOURCE.format(year=year)]},
            {"label": "finalister", "stage": "finalist", "entrants": finalists,
             "sources": [SOURCE.format(year=year)]}]}
        people = self.people(kommuner, rng.randint(2, 5))
        if rng.random() < 0.2:
            self.story.append(f"{year}: jury unknown")
            people = people[:1]
        else:
            members = [{"name": n, "title": rng.choice(TITLES), "organisation": rng.choice(ORGANISATIONS)}
                       for n in people[1:]]
            members[0]["chair"] = True
            cycle["jury"] = {"complete": rng.random() < 0.5, "members": members,
                             "sources": [SOURCE.format(year=year)]}
        day = f"{year}-12-{rng.randint(10, 18)}" if late else f"{year}-11-{rng.randint(10, 25)}"
        cycle["ceremony"] = {"date": day, "city": "Göteborg", "presenter": {"name": people[0], "title": "minister"},
                             "sources": [SOURCE.format(year=year)]}
        if late:
            self.story.append(f"{year}: late, the prize given {day}")
        if self.via_form and all(isinstance(e, str) for e in written):
            self.through_form(cycle, winner)
        else:
            self.write(cycle, winner)
        self.winners.append(self.by_name[winner] if isinstance(winner, str) else self.by_name[winner["kommuner"][0]])
        return year

    # The year's file, its row on top of winners.yaml and its source, as CONTRIBUTING.md's steps say.
    def write(self, cycle: dict, winner) -> None:
        year = cycle["year"]
        header = f"# yaml-language-server: $schema=../schema/cycle.schema.json\n# Påhittat år {year} (tester).\n\n"
        text = yaml.dump(cycle, Dumper=Written, allow_unicode=True, sort_keys=False, width=100)
        (self.data / "cycles" / f"{year}.yaml").write_text(header + text, encoding="utf-8")
        row = yaml.safe_dump([{"year": year, "winner": winner, "motivation": [f"En påhittad motivering för {year}."],
                               "sources": [SOURCE.format(year=year)]}], allow_unicode=True, sort_keys=False)
        winners = (self.data / "winners.yaml").read_text(encoding="utf-8")
        first = winners.index("- year:")
        (self.data / "winners.yaml").write_text(f"{winners[:first]}{row}\n{winners[first:]}", encoding="utf-8")
        # What award.yaml knew of the year's fair beforehand is not announced once the year is in (CONTRIBUTING.md).
        award = self.data / "award.yaml"
        if (yaml.safe_load(award.read_text(encoding="utf-8")).get("next_fair") or {}).get("year") == year:
            award.write_text(drop_block(award.read_text(encoding="utf-8"), "next_fair"), encoding="utf-8")
        with (self.data / "sources.yaml").open("a", encoding="utf-8") as f:
            f.write(f"\n- id: {SOURCE.format(year=year)}\n  title: Påhittad källa {year}\n  kind: webbsida\n"
                    f"  date: \"{year}-11\"\n  url: https://exempel.se/{year}\n")


    # The same year through the form: the answers an organiser types, the body GitHub writes, `arkiv from-issue`.
    def through_form(self, cycle: dict, winner: str) -> None:
        year, (nominees, finalists) = cycle["year"], (r["entrants"] for r in cycle["rounds"])
        jury = cycle.get("jury", {"members": [], "complete": False})
        ceremony = cycle["ceremony"]
        answers = {
            "ar": str(year), "vinnare": winner, "motivering": f"En påhittad motivering för {year}.",
            "nominerade": "\n".join(nominees), "finalister": "\n".join(f"- {f}" for f in finalists),
            "jury": "\n".join(f"{m['name']}, {m['title']}, {m['organisation']}" + (" (ordförande)" if m.get("chair")
                              else "") for m in jury["members"]),
            "hela_juryn": "Ja" if jury["complete"] else "", "datum": format_date(ceremony["date"]),
            "plats": ceremony["city"], "prisutdelare": f"{ceremony['presenter']['name']}, minister",
            "kallor": f"https://exempel.se/{year} Påhittad källa {year}",
        }
        outcome = from_issue(form.body(FIELDS, {k: v for k, v in answers.items() if v}), self.data, FORM_FILE)
        if not outcome.ok:
            raise AssertionError(f"{year} through the form:\n" + "\n".join(outcome.problems))
        self.story.append(f"{year}: through the form")


class Written(yaml.SafeDumper):
    """YAML as an organiser writes it: a value that stands twice (an entrant in two rounds) is written out twice."""

    def ignore_aliases(self, data) -> bool:
        return True


# Drop a top-level block (`key:` and its indented lines) from a YAML file's text.
def drop_block(text: str, key: str) -> str:
    return re.sub(rf"(?m)^{key}:\n(?:(?:[ #].*)?\n)*", "", text)


# Grow an archive from seed into dest (a new folder, becoming the data folder), check it with the real loader.
def grow(seed: int, dest: Path) -> Grown:
    rng = random.Random(seed)
    base = BASES[seed % len(BASES)]
    if base == "data":
        shutil.copytree(ROOT / "data", dest)
    else:
        copy_archive(dest)
    grower = Grower(seed, dest)
    grown = Grown(seed, base, dest, story=grower.story)
    for _ in range(rng.choice([1, 1, 2, 3])):
        grown.years.append(grower.add_year(late=rng.random() < 0.25))
    award = dest / "award.yaml"
    award.write_text(drop_block(award.read_text(encoding="utf-8"), "next_fair"), encoding="utf-8")
    try:
        load_archive(dest)
    except Exception as error:
        raise AssertionError(f"{grown}: the grown archive is not valid:\n{error}") from error
    return grown


if __name__ == "__main__":
    made = grow(int(sys.argv[1]), Path(sys.argv[2]) / "data")
    print(f"{made}\n{made.data}")
