"""Sources a reader can open: invariants of data/sources.yaml (whatever it holds) and the page's source list."""

from __future__ import annotations

from collections import defaultdict

from arkiv.record import model as m
from arkiv.templating import env


# Every source either has an address or says why it has none; none says both.
def test_every_source_without_an_address_says_why(archive):
    for s in archive.sources.values():
        assert bool(s.url) != bool(s.no_address), s.id


# A page several sources share is overwritten: each of them names the version it quotes, and no two the same one.
def test_shared_addresses_name_their_version(archive):
    by_url: dict[str, list[m.Source]] = defaultdict(list)
    for s in archive.sources.values():
        if s.url:
            by_url[s.url].append(s)
    for url, sources in by_url.items():
        if len(sources) > 1:
            versions = [s.version for s in sources]
            assert all(versions), (url, [s.id for s in sources])
            assert len(set(versions)) == len(versions), (url, versions)


# The source list shows why a source has no address, and shows no such line for one that has an address.
def test_source_list_shows_why_there_is_no_address():
    macros = env().get_template("macros.j2").module
    without = m.Source(id="a", title="Utan adress", no_address="Ingen sparad kopia <finns>.")
    with_url = m.Source(id="b", title="Med adress", url="https://exempel.se/")
    html = str(macros.source_list([without, with_url]))
    assert "Ingen adress: Ingen sparad kopia &lt;finns&gt;." in html
    assert html.count("Ingen adress") == 1
