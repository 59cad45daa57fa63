"""The organisers' two flows, done as CONTRIBUTING.md says on a copy of the project, touching nothing outside data/:
(a) the next award year, made with `arkiv new-cycle`, filled in, with its winners row and a new source;
(b) a missing jury added to a past year, with its source.
Each must pass `arkiv check`, a strict build and the address promise, and show up on every page it concerns. Nothing
here names a year: the next year is the newest in the data plus award.yaml's interval, so the tests hold as the
archive grows."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from arkiv.publishing.addresses import missing_addresses, published_addresses, read_addresses, removal_message
from arkiv.reading.load import load_archive
from arkiv.tools.cli import main as arkiv

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
SOURCE_ID = "testkalla-organisator"
SOURCE = f"""
- id: {SOURCE_ID}
  title: Testkälla för organisatörens flöde
  publisher: Kvalitetsmässan
  date: "{{year}}-11-20"
  url: https://example.se/testkalla
  kind: webbsida
"""
JURY = [("Testa Ordförandesson", "generaldirektör", "Testmyndigheten"), ("Prova Ledamotsdotter", "kommundirektör",
                                                                          "Testkommunen")]


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


# Three real municipalities that have never taken part: the new year brings new municipality pages too.
def newcomers(archive) -> list[dict[str, str]]:
    taken = {k.code for k in archive.kommuner}
    with (ROOT / "data" / "kommuner.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kommunkod"] not in taken]
    return rows[:3]


# Drop a top-level block (`key:` and its indented lines) from a YAML file's text.
def drop_block(text: str, key: str) -> str:
    return re.sub(rf"(?m)^{key}:\n(?:(?:[ #].*)?\n)*", "", text)


# Nothing outside data/ differs from the project: no page, template, hook or list was edited by hand.
def only_data_changed(project: Path) -> bool:
    for path in project.rglob("*"):
        rel = path.relative_to(project)
        if path.is_file() and rel.parts[0] != "data" and "__pycache__" not in rel.parts:
            assert path.read_bytes() == (ROOT / rel).read_bytes(), rel
    return True


# After the change: check passes, the strict build passes, and every published address is still there.
def check_and_build(project: Path, build, base_site: Path, tmp_path: Path) -> Path:
    assert arkiv(["check", "--data", str(project / "data")]) == 0
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    for promised, where in ((read_addresses(ROOT / "addresses.txt"), "addresses.txt"),
                            (published_addresses(base_site), "bygget före ändringen")):
        missing = missing_addresses(site, promised)
        assert not missing, removal_message(missing, where)
    return site


def test_the_next_award_year(project_copy, build, built_site, archive, tmp_path, capsys, fill):
    data = project_copy / "data"
    year = archive.cycles[0].year + archive.interval
    rows = newcomers(archive)
    entrants = [r["kommun_eget_namn"] for r in rows]
    winner, slug = entrants[0], None

    # 1. `arkiv new-cycle` with no year makes the next one, and prints every step that follows.
    assert arkiv(["new-cycle", "--data", str(data)]) == 0
    steps = capsys.readouterr().out
    target = data / "cycles" / f"{year}.yaml"
    assert target.is_file() and f"Skapade {target}" in steps
    for step in ("winners.yaml", "sources.yaml", "python3 dev.py check", "python3 dev.py serve",
                 "arkiv changes main", "pull request"):
        assert step in steps, step
    # 2. The file filled in; 3. the winners row on top; 4. the new source; 5. the fair moved, as the steps say.
    filled = fill(target.read_text(encoding="utf-8"), names=(JURY[0][0], JURY[1][0], "Pia Prisutdelare"),
                  kommuner=(entrants[0], entrants[1], entrants[0]), source=SOURCE_ID)
    target.write_text(filled, encoding="utf-8")
    winners = (data / "winners.yaml").read_text(encoding="utf-8")
    row = (f"- year: {year}\n  winner: {winner}\n  motivation:\n    - >-\n      En motivering för testet.\n"
           f"  sources: [{SOURCE_ID}]\n\n")
    first = winners.index("- year:")
    (data / "winners.yaml").write_text(winners[:first] + row + winners[first:], encoding="utf-8")
    with (data / "sources.yaml").open("a", encoding="utf-8") as f:
        f.write(SOURCE.format(year=year))
    if "award.yaml" in steps and "next_fair" in steps:
        award = data / "award.yaml"
        award.write_text(drop_block(award.read_text(encoding="utf-8"), "next_fair"), encoding="utf-8")

    site = check_and_build(project_copy, build, built_site, tmp_path)
    grown = load_archive(data)
    assert grown.cycles[0].year == year and grown.cycles[0].winner.name == winner
    slug = next(k.slug for k in grown.kommuner if k.code == rows[0]["kommunkod"])
    later = year + archive.interval

    assert winner in page(site, f"{year}") and JURY[0][0] in page(site, f"{year}")
    home = page(site, "")
    assert f'href="{year}/"' in home and winner in home
    assert f"Om utmärkelsen {later} har arkivet inga uppgifter" in home
    assert f"Om utmärkelsen {year} har arkivet inga uppgifter" not in home
    timeline = home[home.index('id="tidslinje"'):]
    assert f'class="arkiv-timeline__year" href="{year}/">{year}</a>' in timeline
    assert f"Arkivet har inga uppgifter om {later} ännu." in timeline
    assert str(year) in page(site, f"kommuner/{slug}")
    assert f"{slug}/" in page(site, "kommuner") and winner in page(site, "statistik")
    gaps = page(site, "luckor")
    assert f"{year}/" in gaps and f"#ar-{later}" in gaps
    assert f"/{year}/" in (site / "feed.xml").read_text(encoding="utf-8")
    exported = json.loads((site / "data" / "arkiv.json").read_text(encoding="utf-8"))
    assert any(c["year"] == year for c in exported["cycles"])
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(d["location"] == f"{year}/" for d in index["docs"])
    assert (site / "personer" / "testa-ordforandesson" / "index.html").is_file()
    assert only_data_changed(project_copy)


def test_a_missing_jury_added_to_a_past_year(project_copy, build, built_site, archive, tmp_path):
    data = project_copy / "data"
    unknown = [c for c in archive.cycles if c.jury is None]
    if unknown:
        cycle = unknown[0]
    else:  # every jury is known by now: take one away first, as if it had never been found
        cycle = archive.cycles[-1]
        path = data / "cycles" / f"{cycle.year}.yaml"
        path.write_text(drop_block(path.read_text(encoding="utf-8"), "jury"), encoding="utf-8")
    path = data / "cycles" / f"{cycle.year}.yaml"
    members = "".join(f"    - name: {n}\n      title: {t}\n      organisation: {o}\n" for n, t, o in JURY)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\njury:\n  complete: false\n  members:\n{members}  sources: [{SOURCE_ID}]\n",
                    encoding="utf-8")
    with (data / "sources.yaml").open("a", encoding="utf-8") as f:
        f.write(SOURCE.format(year=cycle.year))

    site = check_and_build(project_copy, build, built_site, tmp_path)
    year_page = page(site, f"{cycle.year}")
    assert f"Juryn för {cycle.year} är inte känd i arkivet." not in year_page
    for name, title, _ in JURY:
        assert name in year_page and title in year_page
    assert 'id="jury-testa-ordforandesson"' in year_page
    person = page(site, "personer/prova-ledamotsdotter")
    assert f"{cycle.year}/" in person and "jurymedlem" in person
    assert 'href="prova-ledamotsdotter/"' in page(site, "personer")
    assert only_data_changed(project_copy)
