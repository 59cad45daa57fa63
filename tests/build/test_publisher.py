"""Who publishes the archive (arkiv.publisher, mkdocs.yml's extra.publisher), in both states: filled in, in a copy of
the project, where /om/, the footer and /integritet/ name the publisher and its contact (on /integritet/ as
personuppgiftsansvarig) and `arkiv check` has no to-do; and as the real project has it, where the pages say the
archive is an open project reached through GitHub until the entry is filled in, and `arkiv check` lists it as a to-do
without failing."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from archive_fixture import copy_archive
from arkiv import publisher
from arkiv.tools.cli import main

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
FILLED = publisher.Publisher(name="Föreningen Exempelarkivet", contact="https://exempel.se/kontakt")
PAGES = ("om/index.html", "integritet/index.html", "index.html", "2023/index.html")


def text(page: Path) -> str:
    raw = page.read_text(encoding="utf-8")
    inline = re.sub(r"</?(?:a|span|strong|em|code|q|cite)\b[^>]*>", "", raw)  # no space where a link starts or ends
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inline)))


def footer(page: Path) -> str:
    raw = page.read_text(encoding="utf-8")
    return raw[raw.index('<div class="md-copyright">'):]


# The project (a copy) with the small test archive and `entry` as its publisher, built; returns the site.
def build_with(project: Path, build, site: Path, entry: publisher.Publisher) -> Path:
    shutil.rmtree(project / "data")
    copy_archive(project / "data")
    config = project / "mkdocs.yml"
    old = '  publisher:\n    name: ""\n    contact: ""\n'
    source = config.read_text(encoding="utf-8")
    assert source.count(old) == 1
    config.write_text(source.replace(old, f'  publisher:\n    name: "{entry.name}"\n    contact: "{entry.contact}"\n'),
                      encoding="utf-8")
    assert publisher.from_config_file(config) == entry
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_filled_in(tmp_path, small_project, build, capsys):
    project = small_project
    site = build_with(project, build, tmp_path / "site", FILLED)
    for page in PAGES:
        assert f"Utgivare: {FILLED.name}" in text(site / page), page
        assert f'href="{FILLED.contact}"' in footer(site / page), page
        assert "öppet projekt" not in footer(site / page)
    about = text(site / "om" / "index.html")
    assert f"{FILLED.name} ger ut arkivet. Kontakt: {FILLED.contact}" in about and "öppet projekt" not in about
    privacy = text(site / "integritet" / "index.html")
    assert f"{FILLED.name} ger ut arkivet och är personuppgiftsansvarig" in privacy
    assert f"Skriv till {FILLED.name}: {FILLED.contact}" in privacy and "Någon personuppgiftsansvarig" not in privacy
    assert main(["check", "--data", str(project / "data")]) == 0
    assert "Att göra" not in capsys.readouterr().out


def test_an_email_address_is_a_mailto_link():
    entry = publisher.from_extra({"publisher": {"name": " Exempel ", "contact": "arkivet@exempel.se"}})
    assert entry.known and entry.name == "Exempel" and entry.contact_url == "mailto:arkivet@exempel.se"
    assert not publisher.from_extra({"publisher": {"name": "Exempel", "contact": ""}}).known
    assert publisher.from_extra(None) == publisher.from_extra({"publisher": "x"}) == publisher.NOBODY


def test_the_real_project_until_filled_in(built_site, capsys):
    entry = publisher.from_config_file(ROOT / "mkdocs.yml")
    if entry.known:  # the organisers have filled it in: the test above covers that state
        assert publisher.todos(ROOT / "data") == []
        return
    for page in PAGES:
        assert "Ett öppet projekt: kontakt via GitHub" in text(built_site / page), page
    about = text(built_site / "om" / "index.html")
    assert "Arkivet är ett öppet projekt på GitHub, och ingen utgivare är angiven ännu." in about
    privacy = text(built_site / "integritet" / "index.html")
    assert "Personuppgiftsansvarig" in privacy and "Någon personuppgiftsansvarig är inte angiven." in privacy
    assert main(["check", "--data", str(ROOT / "data")]) == 0
    assert publisher.TODO in capsys.readouterr().out
