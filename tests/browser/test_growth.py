"""Any next year passes (issue 21): archives grown from the real data and from the test archive by
tests/grown_archive.py, with made-up years chosen to be hard (names that begin other names, a second win, joint
entrants, an unknown jury, a late prize, several years in a row), each checked the way an organiser's pull request is.

For each grown archive: `arkiv check` passes, `mkdocs build --strict` passes without warnings, every address the base
archive's build published is still there (and every one in addresses.txt, grown from data/), and in Chromium the
search ranks as a visitor expects for every municipality and every person in it: a municipality's name finds its page,
then the years it won, then its other years; a person's name finds the person's page, then the years the person
appears in, before any page that has only part of the name.

The normal suite tries the seeds in SEEDS; `--growth N` tries seeds 1 to N, `--growth-seed S` (repeatable) seed S.
Every failure names its seed and what the seed made, so `pytest tests/browser/test_growth.py --growth-seed S` makes
the same archive again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from search_batch import ranked_pages, served
from search_box import search_all

from arkiv.publishing.addresses import missing_addresses, published_addresses, read_addresses, removal_message
from arkiv.reading.load import load_archive
from arkiv.text import fold
from arkiv.tools.cli import main as arkiv
from grown_archive import ROOT, grow
from real_data import DATA, project_with

SEEDS = [1, 2]  # the normal suite's: one archive grown from data/, one from the test archive (seed parity)


# The seeds tried: --growth-seed's, else 1 to --growth's N, else SEEDS.
def pytest_generate_tests(metafunc):
    if "seed" in metafunc.fixturenames:
        config = metafunc.config
        count = config.getoption("growth")
        seeds = config.getoption("growth_seed") or (list(range(1, count + 1)) if count else SEEDS)
        metafunc.parametrize("seed", seeds)


# The project with `data` as its data, built strictly into folder/site: (site folder, the finished process).
def build_with(data: Path, folder: Path, build) -> tuple[Path, object]:
    return folder / "site", build(project_with(data, folder / "project"), folder / "site")


@pytest.fixture(scope="module")
def base_sites() -> dict[str, Path]:
    """The base archives' own builds, made when first needed: what a grown archive must keep publishing."""
    return {}


# The base archive's build ("data" or "fixture"), made once per test file and worker; data/'s is the session's.
def base_site(base: str, sites: dict[str, Path], folder: Path, build, request) -> Path:
    if base not in sites and base == "data" and DATA == ROOT / "data":
        sites[base] = request.getfixturevalue("built_site")
    if base not in sites:
        from archive_fixture import copy_archive
        data = ROOT / "data" if base == "data" else copy_archive(folder / "data")
        site, result = build_with(data, folder, build)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[base] = site
    return sites[base]


# A municipality's query and the pages it must start with: its page, then the years it won, then its other years.
def kommun_orders(archive) -> dict[str, list[set[str]]]:
    out = {}
    for k in archive.kommuner:
        apps = archive.appearances(k.code)
        wins = {f"{a.year}/" for a in apps if a.role == "vinnare"}
        out[fold(k.name).lower()] = [{f"kommuner/{k.slug}/"}, wins, {f"{a.year}/" for a in apps} - wins]
    return out


# A person's query and the pages it must start with: the person's page, then the years the person appears in.
def person_orders(archive) -> dict[str, list[set[str]]]:
    return {p.name.lower(): [{p.url}, {f"{y}/" for y in p.years}] for p in archive.people}


# Whether the result pages start with the groups, each group in any order inside it.
def starts_with(pages: list[str], groups: list[set[str]]) -> bool:
    at = 0
    for group in groups:
        if set(pages[at:at + len(group)]) != group:
            return False
        at += len(group)
    return True


# The search's rules for every municipality and person in the archive, in Chromium: the queries that rank wrong.
def wrong_rankings(archive, site: Path, browser) -> dict[str, tuple[list[str], list[set[str]]]]:
    orders = {**kommun_orders(archive), **person_orders(archive)}
    with served(site) as url:
        found = ranked_pages(browser, url, list(orders))
        # The fast way asks the same worker the search box asks: for a few queries, typed, the list starts the same
        # (the box shows the first results and more on scrolling; ties far down may fall either way).
        typed = search_all(browser, url, list(orders)[-3:])
    assert {q: r["pages"][:5] for q, r in typed.items()} == {q: found[q][:5] for q in typed}, "the box and the worker"
    return {q: (found[q][:8], order) for q, order in orders.items() if not starts_with(found[q], order)}


def test_a_grown_archive_passes_like_an_organisers_pull_request(seed, tmp_path_factory, build, base_sites, browser,
                                                                request):
    # One test per seed, so that `-n 2 --dist load` shares many seeds out over the cores.
    folder = tmp_path_factory.mktemp(f"grown-{seed}")
    made = grow(seed, folder / "data")
    print(f"\n{made}")
    assert arkiv(["check", "--data", str(made.data)]) == 0, f"{made}: arkiv check"
    site, result = build_with(made.data, folder, build)
    assert result.returncode == 0 and "WARNING" not in result.stderr, f"{made}\n{result.stdout}{result.stderr}"
    promised = published_addresses(base_site(made.base, base_sites, tmp_path_factory.mktemp("base"), build, request))
    if made.base == "data":
        promised += read_addresses(ROOT / "addresses.txt")
    missing = missing_addresses(site, promised)
    assert not missing, f"{made}\n" + removal_message(missing, f"{made.base} före tillväxten")
    try:
        wrong = wrong_rankings(load_archive(made.data), site, browser)
    except AssertionError as error:
        raise AssertionError(f"{made}: {error}") from error
    assert not wrong, f"{made}: {len(wrong)} queries rank wrong:\n" + "\n".join(
        f"  {q!r}: {pages} wanted {order}" for q, (pages, order) in wrong.items())
