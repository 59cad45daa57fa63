"""Addresses that never break: nothing the site has published disappears from a build, while adding pages needs no
step from anyone. The published addresses are those of the base branch's build and those in addresses.txt (the
ledger the publishing workflow appends to); the guessable forms (/sveriges-it-kommun-2009/) redirect to the year."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from arkiv import urls
from arkiv.publishing.addresses import (
    missing_addresses,
    published_addresses,
    read_addresses,
    record_addresses,
    removal_message,
)
from arkiv.site.redirects import redirects
from arkiv.tools.refbuild import BuildError, build_ref

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]  # not `from conftest import`: tests/browser has a conftest too
ADDRESSES = ROOT / "addresses.txt"


def canonical_of(page: Path) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]+)"', page.read_text(encoding="utf-8"))


# The branch a change is to be merged into: ARKIV_BASE_REF (the pull-request workflow sets it), else origin/main,
# else main, else the last commit (a working tree compared with what it started from).
def base_ref() -> str:
    candidates = [os.environ.get("ARKIV_BASE_REF", ""), "origin/main", "main", "HEAD"]
    for ref in filter(None, candidates):
        found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=ROOT,
                               capture_output=True, text=True)
        if found.returncode == 0:
            return ref
    raise AssertionError("ingen version att jämföra med i git: sätt ARKIV_BASE_REF")


@pytest.fixture(scope="module")
def base_site(tmp_path_factory) -> Path:
    """The base branch's project (its data, pages and generator) built as it stands there (arkiv.tools.refbuild, as
    `arkiv pages-changed` builds it)."""
    try:
        return build_ref(ROOT, base_ref(), tmp_path_factory.mktemp("base"))
    except BuildError as error:
        raise AssertionError(str(error)) from None


def test_address_list_is_well_formed():
    addresses = read_addresses(ADDRESSES)
    assert len(addresses) > 300
    assert len(addresses) == len(set(addresses)), "addresses.txt lists an address twice"
    bad = [a for a in addresses if not a.startswith("/") or " " in a or a.count("#") > 1]
    assert not bad


def test_every_address_in_the_ledger_exists(built_site):
    missing = missing_addresses(built_site, read_addresses(ADDRESSES))
    assert not missing, removal_message(missing, "jämfört med addresses.txt")


def test_every_address_of_the_base_branch_exists(built_site, base_site):
    base = published_addresses(base_site)
    assert "/" in base and any(a.startswith("/data/") for a in base)  # the base really was built
    missing = missing_addresses(built_site, base)
    assert not missing, removal_message(missing, f"jämfört med bygget av {base_ref()}")


def test_every_page_publishes_its_sections(built_site, archive):
    # What the build publishes follows from the data: each cycle's page and sections, each person's page.
    published = set(published_addresses(built_site))
    for c in archive.cycles:
        for anchor in ("", "#i-korthet", "#motivering", "#nominerade", "#jury", "#kallor", "#citera"):
            assert f"/{c.year}/{anchor}" in published, (c.year, anchor)
    for p in archive.people:
        assert f"/{p.url}" in published, p.url
    for page in ("/", "/kommuner/", "/data/", "/data/arkiv.json", "/data/vinnare.csv", "/feed.xml", "/personer/",
                 "/luckor/", "/integritet/", "/data/personer.csv"):
        assert page in published, page


def test_the_ledger_holds_what_was_published_before_it_was_automatic():
    # Addresses journalists have linked to since the first publication: the ledger keeps them for good.
    promised = set(read_addresses(ADDRESSES))
    for expected in ("/", "/kommuner/varmdo/", "/2023/#finalist-varmdo-kommun", "/2023/#nominerad-ostersunds-kommun",
                     "/2023/#jury-patrik-sundstrom", "/data/", "/data/arkiv.json", "/data/vinnare.csv",
                     "/sveriges-it-kommun-2009/", "/sveriges-digitaliseringskommun-2023/", "/feed.xml",
                     "/personer/", "/personer/asa-zetterberg/", "/luckor/", "/integritet/", "/data/personer.csv",
                     "/2021/#prisutdelare", "/2021/#mottagare-marcus-matteby"):
        assert expected in promised, expected


def test_recording_adds_new_addresses_and_keeps_old_ones(tmp_path):
    site = tmp_path / "site"
    (site / "2023").mkdir(parents=True)
    (site / "2023" / "index.html").write_text('<article><h2 id="jury">Jury</h2></article>', encoding="utf-8")
    (site / "index.html").write_text("<article></article>", encoding="utf-8")
    ledger = tmp_path / "addresses.txt"
    ledger.write_text("# kommentar\n/gammal/\n", encoding="utf-8")
    assert record_addresses(site, ledger) == 3
    recorded = read_addresses(ledger)
    assert recorded[0] == "/gammal/" and sorted(recorded[1:]) == ["/", "/2023/", "/2023/#jury"]
    assert record_addresses(site, ledger) == 0
    assert read_addresses(ledger) == recorded


# A pull request that takes a jury member out of a year: the build still succeeds, but the addresses of that member
# (the anchor on the year page, and the person's page when it was their only role) are named as gone, in Swedish.
def test_a_change_that_removes_a_published_address_fails(project_copy, build, built_site, archive, tmp_path):
    person = next(p for p in archive.people if len(p.roles) == 1 and p.roles[0].kind == "jurymedlem")
    cycle = next(c for c in archive.cycles if c.jury and any(m.name == person.name for m in c.jury.members))
    path = project_copy / "data" / "cycles" / f"{cycle.year}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["jury"]["members"] = [m for m in data["jury"]["members"] if m["name"] != person.name]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = subprocess.run([sys.executable, "-m", "arkiv.publishing.addresses", "check", str(site), "--base",
                              str(built_site), "--ledger", str(ADDRESSES)], capture_output=True, text=True)
    assert checked.returncode == 1
    assert f"/{person.url}" in checked.stderr
    assert re.search(rf"^  /{cycle.year}/#jury-\S+$", checked.stderr, re.M), checked.stderr
    assert "publicerade adresser finns inte längre i bygget" in checked.stderr
    assert "får aldrig försvinna" in checked.stderr and "redirects.py" in checked.stderr
    # The same build against itself: nothing gone, exit 0.
    same = subprocess.run([sys.executable, "-m", "arkiv.publishing.addresses", "check", str(site), "--base", str(site)],
                          capture_output=True, text=True)
    assert same.returncode == 0 and "Alla publicerade adresser finns kvar." in same.stdout


def test_year_page_sections_are_spelt_once():
    # The year page's section ids come from arkiv.urls (SECTIONS), which the search keys, the gaps and the open data
    # use too: the template writes { #{{ sections.jury }} } (or hands sections.cite to the page foot's macro), never
    # the id itself.
    template = (ROOT / "src/arkiv/templates/cycle.md.j2").read_text(encoding="utf-8")
    for attr, anchor in vars(urls.SECTIONS).items():
        assert re.search(r"\bsections\." + attr + r"\b", template), attr
        assert "{ #" + anchor + " }" not in template and f'id="{anchor}"' not in template, anchor


def test_redirects_land_on_the_canonical_page(built_site, archive):
    forms = redirects(archive)
    first, last = archive.cycles[-1].year, archive.cycles[0].year
    assert forms[f"sveriges-it-kommun-{first}/"] == f"{first}/"
    # Both names for every year: people still search for "Sveriges IT-kommun" in years after the renaming.
    assert forms[f"sveriges-it-kommun-{last}/"] == f"{last}/"
    assert forms[f"sveriges-digitaliseringskommun-{first}/"] == f"{first}/"
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
