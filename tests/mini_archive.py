"""A mini archive the software tests write themselves, so that what they prove does not depend on data/.

Three cycles, 2011, 2013 and 2015 (so the real archive's 2017, its renaming year, is this one's unknown next cycle),
with what the generator must handle:
- 2011: the first name of the award, a winner that uses its own name (Lidingö stad), nothing else known: no rounds,
  no jury, no ceremony;
- 2013: the award renamed; two rounds, the first larger than the names known, with a joint entrant of three
  municipalities; a complete jury with a chair; a ceremony with its date and presenter;
- 2015: the joint entrant wins; a jury known only in part; the prize handed over the year after.
The next cycle (2017) is not in the data; award.yaml knows only the fair planned for it.

The schema and the municipality register are the real ones (data/schema/, data/kommuner.csv), so the mini archive is
checked by the same rules as data/. `write_data` writes the data folder; tests/conftest.py builds a copy of the project
whose data/ is the mini archive, ready for the real mkdocs config (tests/conftest.py: mini_project, mini_site).

It is not the committed test archive in tests/fixtures/archive/ (tests/archive_fixture.py), which the broken-data
corpus edits: the two are kept apart so that a change made for one kind of test never moves the other's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FOUNDED = 2011
INTERVAL = 2
YEARS = (2015, 2013, 2011)  # newest first, as the archive orders them
NEXT_YEAR = YEARS[0] + INTERVAL
OLD_NAME = "Sveriges IT-kommun"
NEW_NAME = "Sveriges DigitaliseringsKommun"
RENAMED = 2013
JOINT = "Mora, Orsa och Älvdalens kommuner"
JOINT_SLUGS = ("mora", "orsa", "alvdalen")
WINNERS = {2015: JOINT, 2013: "Nacka kommun", 2011: "Lidingö stad"}
UNKNOWN_JURY = 2011
PARTIAL_JURY = 2015
# Municipalities that took part, by slug: each has a page.
KOMMUNER = {"lidingo", "nacka", "varmdo", "vara", "mora", "orsa", "alvdalen"}
# A text from each year that only that year's page holds.
MOTIVATIONS = {
    2015: ("Tre kommuner som gjorde det tillsammans: en gemensam e-tjänstplattform för hela norra Dalarna, "
           "byggd med invånarna."),
    2013: "Nacka kommun har med mod och uthållighet gjort digitaliseringen till en fråga för hela organisationen.",
    2011: "Lidingö stad visar att en liten organisation kan gå före med öppna data och självservice.",
}
NEXT_FAIR = {"start": "2017-11-14", "end": "2017-11-16", "text": "14–16 november 2017"}

AWARD = f"""\
names:
  - name: {OLD_NAME}
    from: {FOUNDED}
    to: {RENAMED - INTERVAL}
    sources: [liten-lista]
  - name: {NEW_NAME}
    from: {RENAMED}
    sources: [liten-lista]

founded: {FOUNDED}
interval_years: {INTERVAL}

purpose:
  text: Utmärkelsen ges till den kommun som har lyckats bäst med digitaliseringen.
  sources: [liten-lista]

history:
  - year: {FOUNDED}
    text: Utmärkelsen instiftades {FOUNDED}.
    sources: [liten-lista]
  - year: {RENAMED}
    text: {RENAMED} bytte utmärkelsen namn till {NEW_NAME}.
    sources: [liten-lista]

next_fair:
  year: {NEXT_YEAR}
  name: Kvalitetsmässan
  start: "{NEXT_FAIR['start']}"
  end: "{NEXT_FAIR['end']}"
  venue: Svenska Mässan
  city: Göteborg
  sources: [liten-massan]
"""

SOURCES = """\
- id: liten-lista
  title: Alla vinnare i det lilla arkivet
  publisher: Testutgivaren
  kind: webbsida

- id: liten-nominerade-2013
  title: De nominerade 2013
  publisher: Testutgivaren
  date: "2013-05-14"
  url: https://example.se/nominerade-2013
  kind: nyhet

- id: liten-jury-2015
  title: Juryn 2015
  publisher: Testutgivaren
  date: "2015"
  kind: broschyr

- id: liten-massan
  title: Mässan som kommer
  publisher: Testutgivaren
  date: "2016"
  url: https://example.se/massan
  kind: webbsida
"""

WINNERS_YAML = f"""\
- year: 2015
  winner:
    name: {JOINT}
    kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
  motivation:
    - >-
      {MOTIVATIONS[2015]}
  sources: [liten-lista]

- year: 2013
  winner: Nacka kommun
  motivation:
    - >-
      {MOTIVATIONS[2013]}
  sources: [liten-lista]

- year: 2011
  winner: Lidingö stad
  motivation:
    - >-
      {MOTIVATIONS[2011]}
  sources: [liten-lista]
"""

CYCLES = {
    2011: "year: 2011\n",
    2013: """\
year: 2013

rounds:
  - label: nominerade
    stage: nominerad
    date: "2013-05-14"
    size: 6
    entrants:
      - name: Mora, Orsa och Älvdalens kommuner
        kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
      - Nacka kommun
      - Vara kommun
      - Värmdö kommun
    sources: [liten-nominerade-2013]
  - label: finalister
    stage: finalist
    entrants:
      - Nacka kommun
      - Värmdö kommun
    sources: [liten-nominerade-2013]

jury:
  complete: true
  members:
    - name: Anna Andersson
      title: professor
      organisation: Testhögskolan
      chair: true
    - name: Bo Berg
      title: generaldirektör
      organisation: Testverket
  sources: [liten-nominerade-2013]

ceremony:
  date: "2013-11-20"
  city: Göteborg
  presenter:
    name: Cecilia Ceder
    title: minister
  sources: [liten-nominerade-2013]
""",
    2015: """\
year: 2015

rounds:
  - label: nominerade
    stage: nominerad
    entrants:
      - name: Mora, Orsa och Älvdalens kommuner
        kommuner: [Mora kommun, Orsa kommun, Älvdalens kommun]
      - Värmdö kommun
    sources: [liten-jury-2015]

jury:
  complete: false
  members:
    - name: Anna Andersson
      title: professor emerita
      organisation: Testhögskolan
  sources: [liten-jury-2015]

ceremony:
  date: "2016-02-01"
  city: Mora
  sources: [liten-jury-2015]
""",
}

PEOPLE = """\
- key: bo-berg
  note: Bo Berg är ett påhittat namn i testernas lilla arkiv.
"""


def write_data(data: Path) -> Path:
    """Write the mini archive as a data folder at `data` (created); returns it."""
    (data / "cycles").mkdir(parents=True)
    shutil.copytree(ROOT / "data" / "schema", data / "schema")
    shutil.copyfile(ROOT / "data" / "kommuner.csv", data / "kommuner.csv")
    (data / "award.yaml").write_text(AWARD, encoding="utf-8")
    (data / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (data / "winners.yaml").write_text(WINNERS_YAML, encoding="utf-8")
    (data / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    for year, text in CYCLES.items():
        (data / "cycles" / f"{year}.yaml").write_text(text, encoding="utf-8")
    return data
