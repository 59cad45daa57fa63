"""Svaren i formuläret, prövade ett i taget: ett nytt år, eller varje problem med fältets rubrik och vad som ska stå."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arkiv.reading.datehint import example_for, to_archive_date
from arkiv.record.chronology import LAST_YEAR, award_year_from
from arkiv.record.register import Register
from arkiv.text import every_years
from arkiv.tools.issue.form import Field

URL = re.compile(r"^https?://[^\s<>\"]+$")
NAME = re.compile(r"^[^<>{}\[\]\n]{2,120}$")  # the schema's name: what a person's or a place's name may hold
CHAIR = re.compile(r"\s*\((?:ordförande|ordf\.?)\)\s*", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


@dataclass(frozen=True)
class Problem:
    label: str  # the form field's label, as the organiser sees it
    message: str  # what is wrong, in Swedish
    hint: str  # what to write instead

    def __str__(self) -> str:
        return f"{self.label}: {self.message} {self.hint}"


@dataclass(frozen=True)
class Context:
    """What the archive already holds that the answers are judged against."""

    register: Register
    founded: int
    interval: int
    years: frozenset[int]  # the years data/cycles/ already has


@dataclass
class NewYear:
    """The year as the form gives it, in the archive's words; nothing here is guessed."""

    year: int = 0
    winner: str = ""
    motivation: list[str] = field(default_factory=list)
    nominees: list[str] = field(default_factory=list)
    finalists: list[str] = field(default_factory=list)
    jury: list[dict] = field(default_factory=list)
    jury_complete: bool = False
    date: str | None = None
    venue: str | None = None
    city: str | None = None
    presenter: dict | None = None
    sources: list[tuple[str, str]] = field(default_factory=list)  # (address, title)


class _Judge:
    """Collects the problems of every answer, so that the organiser sees them all at once."""

    def __init__(self, answers: dict[str, str | None], form_fields: tuple[Field, ...], ctx: Context):
        self.answers, self.ctx = answers, ctx
        self.labels = {f.id: f.label for f in form_fields}
        self.required = {f.id for f in form_fields if f.required}
        self.problems: list[Problem] = []

    def fail(self, fid: str, message: str, hint: str) -> None:
        self.problems.append(Problem(self.labels.get(fid, fid), message, hint))

    # The answer's text, or None; a required answer that is missing is a problem.
    def text(self, fid: str) -> str | None:
        value = self.answers.get(fid)
        if value is None and fid in self.required:
            self.fail(fid, "fältet är tomt.", "Fyll i det; det behövs för att året ska kunna läggas till.")
        return value

    # The answer's non-empty lines, without list marks ("- ", "1. ").
    def lines(self, fid: str) -> list[str]:
        return [BULLET.sub("", line).strip() for line in (self.text(fid) or "").splitlines() if line.strip()]

    # A municipality's name as the register writes it, or a problem that names the register's form.
    def kommun(self, fid: str, name: str) -> str | None:
        wrong = self.ctx.register.misnamed(
            name, "Skriv kommunens namn som i kommunregistret, till exempel Värmdö kommun.")
        if wrong is not None:
            self.fail(fid, *wrong)
            return None
        return name

    # A person's or a place's name, or a problem saying what it may not hold.
    def name(self, fid: str, value: str, what: str) -> str | None:
        if NAME.match(value):
            return value
        self.fail(fid, f"{what} {value!r} går inte att använda som namn.",
                  "Ett namn har 2–120 tecken och inga av tecknen < > { } [ ].")
        return None


# Judge every answer: the new year, or every problem found (the year is then not to be written).
def judge(answers: dict[str, str | None], form_fields: tuple[Field, ...], ctx: Context) -> NewYear | list[Problem]:
    j = _Judge(answers, form_fields, ctx)
    new = NewYear()
    new.year = _year(j)
    written = j.text("vinnare")
    new.winner = (j.kommun("vinnare", written.strip()) or "") if written else ""
    new.motivation = [" ".join(p.split()) for p in re.split(r"\n\s*\n", j.text("motivering") or "") if p.strip()]
    new.nominees = [n for n in (j.kommun("nominerade", x) for x in j.lines("nominerade")) if n]
    new.finalists = [n for n in (j.kommun("finalister", x) for x in j.lines("finalister")) if n]
    _winner_among(j, new)
    new.jury = _jury(j)
    new.jury_complete = (j.text("hela_juryn") or "").strip().lower().startswith("ja")
    new.date = _date(j, new.year)
    new.venue, new.city = _place(j)
    new.presenter = _presenter(j)
    new.sources = _sources(j)
    return j.problems or new


def _year(j: _Judge) -> int:
    written = (j.text("ar") or "").strip()
    if not written:
        return 0
    if not re.fullmatch(r"\d{4}", written):
        j.fail("ar", f"{written!r} är inget årtal.", "Skriv året med fyra siffror, till exempel 2025.")
        return 0
    year, ctx = int(written), j.ctx
    if (after := award_year_from(year, ctx.founded, ctx.interval)) != year:
        j.fail("ar", f"{year} är inget utmärkelseår.", f"Utmärkelsen delas ut {every_years(ctx.interval)} från "
               f"{ctx.founded}. Närmaste utmärkelseår efter {year} är {after}.")
        return 0
    if year > LAST_YEAR:
        j.fail("ar", f"{year} ligger utanför de år arkivet tar emot (2001–{LAST_YEAR}).", "Skriv året det gäller.")
        return 0
    if year in ctx.years:
        j.fail("ar", f"{year} finns redan i arkivet.",
               "Rätta det året i stället, med formuläret Rättelse eller i data/cycles/.")
        return 0
    return year


# The winner stands among the finalists (or, when only the nominees are known, among them).
def _winner_among(j: _Judge, new: NewYear) -> None:
    last, label = (new.finalists, "finalister") if new.finalists else (new.nominees, "nominerade")
    if not new.winner or not last:
        return
    code = j.ctx.register.find(new.winner).code  # type: ignore[union-attr]  # kommun() found it
    if all(j.ctx.register.find(n).code != code for n in last):  # type: ignore[union-attr]
        j.fail(label, f"vinnaren {new.winner} står inte bland {j.labels.get(label, label).lower()}.",
               f"Lägg till {new.winner} här, eller rätta fältet {j.labels.get('vinnare', 'vinnare')}.")


# One jury member per line: name, then title and organisation; "(ordförande)" marks the chair.
def _jury(j: _Judge) -> list[dict]:
    members = []
    for n, line in enumerate(j.lines("jury"), 1):
        chair = bool(CHAIR.search(line))
        parts = [p.strip() for p in CHAIR.sub(" ", line).strip().split(",", 2)]
        names = [j.name("jury", p, f"Ledamot {n}:") for p in parts if p]
        if None in names or not names:
            continue
        member = dict(zip(("name", "title", "organisation"), names, strict=False))
        members.append({**member, "chair": True} if chair else member)
    if sum(1 for m in members if m.get("chair")) > 1:
        j.fail("jury", "mer än en ledamot är markerad (ordförande).", "Skriv (ordförande) efter en ledamot.")
    return members


def _date(j: _Judge, year: int) -> str | None:
    written = j.text("datum")
    if not written:
        return None
    try:
        value = to_archive_date(written)
    except ValueError as exc:
        j.fail("datum", f"{written} är inget datum ({exc}).",
               f"Skriv till exempel {example_for(written)} eller 11 november {year or 2025}.")
        return None
    if year and not year - 1 <= int(value[:4]) <= year + 1:
        j.fail("datum", f"{written} ligger inte nära utmärkelseåret {year}.", "Kontrollera året i datumet.")
        return None
    return value


# "Svenska Mässan, Göteborg" -> (venue, city); "Göteborg" -> (None, city).
def _place(j: _Judge) -> tuple[str | None, str | None]:
    written = j.text("plats")
    if not written:
        return None, None
    venue, _, city = written.strip().rpartition(",")
    city_ok = j.name("plats", city.strip(), "Platsen")
    venue_ok = j.name("plats", venue.strip(), "Lokalen") if venue.strip() else None
    return venue_ok, city_ok


def _presenter(j: _Judge) -> dict | None:
    written = j.text("prisutdelare")
    if not written:
        return None
    name, _, title = (p.strip() for p in written.strip().partition(","))
    person = {"name": j.name("prisutdelare", name, "Namnet")}
    if title:
        person["title"] = j.name("prisutdelare", title, "Titeln")
    return None if None in person.values() else person


# One source per line: its address, a space and its title.
def _sources(j: _Judge) -> list[tuple[str, str]]:
    out = []
    for n, line in enumerate(j.lines("kallor"), 1):
        address, _, title = line.partition(" ")
        address = address.strip("<>")
        if not URL.match(address):
            j.fail("kallor", f"rad {n} börjar inte med en adress ({address[:60]}).",
                   "Börja raden med adressen, till exempel https://kvalitetsmassan.se/…, och skriv rubriken efter.")
        elif not title.strip():
            j.fail("kallor", f"rad {n} saknar källans rubrik.",
                   f"Skriv rubriken efter adressen på samma rad: {address} Rubriken som den står i källan")
        else:
            out.append((address, " ".join(title.split())))
    return out
