"""Addresses that never break: every address in addresses.txt exists in a real build, and the guessable forms
(/sveriges-it-kommun-2009/, /sveriges-digitaliseringskommun-2023/) redirect to the canonical year page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from arkiv.addresses import address_exists, published_addresses, read_addresses
from arkiv.redirects import redirects

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]  # not `from conftest import`: tests/browser has a conftest too

ADDRESSES = ROOT / "addresses.txt"
UPDATE = ".venv/bin/python -m arkiv.addresses site addresses.txt (efter python3 dev.py build)"


def canonical_of(page: Path) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]+)"', page.read_text(encoding="utf-8"))


def test_address_list_is_well_formed():
    addresses = read_addresses(ADDRESSES)
    assert len(addresses) > 300
    assert len(addresses) == len(set(addresses)), "addresses.txt lists an address twice"
    bad = [a for a in addresses if not a.startswith("/") or " " in a or a.count("#") > 1]
    assert not bad


def test_every_promised_address_exists(built_site):
    missing = [a for a in read_addresses(ADDRESSES) if not address_exists(built_site, a)]
    assert not missing, ("Adresser i addresses.txt som bygget inte längre har (sidan eller id:t saknas). "
                         "Ta inte bort dem ur listan: återställ id:t eller lägg en omdirigering: " + ", ".join(missing[:20]))


def test_the_contract_covers_the_archive(built_site, archive):
    promised = set(read_addresses(ADDRESSES))
    for c in archive.cycles:
        for anchor in ("", "#i-korthet", "#motivering", "#nominerade", "#jury", "#kallor", "#citera"):
            assert f"/{c.year}/{anchor}" in promised
    for expected in ("/", "/kommuner/varmdo/", "/2023/#finalist-varmdo-kommun", "/2023/#nominerad-ostersunds-kommun",
                     "/2023/#jury-patrik-sundstrom", "/data/", "/data/arkiv.json", "/data/vinnare.csv",
                     "/sveriges-it-kommun-2009/", "/sveriges-digitaliseringskommun-2023/", "/feed.xml",
                     "/personer/", "/personer/asa-zetterberg/", "/luckor/", "/integritet/", "/data/personer.csv",
                     "/2021/#prisutdelare", "/2021/#mottagare-marcus-matteby"):
        assert expected in promised, expected
    for p in archive.people:
        assert f"/{p.url}" in promised, p.url
    # Every page and download the build publishes is promised: a new page is added to the list, never forgotten.
    pages = {a for a in published_addresses(built_site) if "#" not in a}
    new = sorted(pages - promised)
    assert not new, f"Nya adresser som saknas i addresses.txt; lägg till dem med {UPDATE}: {new[:20]}"


def test_heading_ids_are_explicit_in_the_templates():
    # The year page's section ids are written out in the template ({ #id }), not derived from the heading text.
    template = (ROOT / "src/arkiv/templates/cycle.md.j2").read_text(encoding="utf-8")
    for anchor in ("motivering", "nominerade", "jury", "kallor", "citera", "luckor"):
        assert "{ #" + anchor + " }" in template, anchor


def test_redirects_land_on_the_canonical_page(built_site, archive):
    forms = redirects(archive)
    assert forms["sveriges-it-kommun-2009/"] == "2009/"
    assert forms["sveriges-digitaliseringskommun-2023/"] == "2023/"
    # Both names for every year: people still search for "Sveriges IT-kommun 2019".
    assert forms["sveriges-it-kommun-2019/"] == "2019/" and forms["sveriges-digitaliseringskommun-2009/"] == "2009/"
    assert len(forms) == 2 * len(archive.cycles)
    for source, target in forms.items():
        page = built_site / source / "index.html"
        text = page.read_text(encoding="utf-8")
        refresh = re.findall(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', text)
        assert len(refresh) == 1, source
        landed = posixpath.normpath(posixpath.join(source, refresh[0]))
        assert landed + "/" == target, (source, refresh[0])
        assert (built_site / target / "index.html").is_file()
        # The redirect's canonical is the target page's own canonical, and a visible link leads there too.
        assert canonical_of(page) == canonical_of(built_site / target / "index.html"), source
        assert len(canonical_of(page)) == 1
        assert f'<a href="{refresh[0]}">' in text
        assert "<script" not in text and 'name="robots" content="noindex"' in text
