"""Arkivet som sidor: varje sida är Markdown med HTML-block, renderad genom Jinja-mallar i templates/."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from arkiv import urls
from arkiv.publisher import NOBODY, Publisher
from arkiv.record import chronology, knowledge, marks, stats
from arkiv.record import model as m
from arkiv.record import people as pp
from arkiv.record.glance import glance
from arkiv.site import export, feed, figures, maps, once
from arkiv.site import structured_data as sd
from arkiv.site.corrections import correction_url
from arkiv.site.descriptions import kommun_description
from arkiv.site.lastmod import page_lastmod
from arkiv.templating import env
from arkiv.text import sv_key

NAV_YEARS = 20  # the navigation lists at most this many cycles; the home page lists them all


@dataclass(frozen=True)
class Site:
    """What pages need to know about where they are published."""

    url: str = ""  # site_url, ending in "/"
    repo: str = ""  # repository address for edit links, "" for none
    branch: str = "main"
    lastmod: dict | None = None  # data file (relative to the project) -> ISO date it last changed
    offline: bool = False  # opened from the file system (`dev.py build --offline`): links name each page's file
    publisher: Publisher = NOBODY  # mkdocs.yml's extra.publisher (arkiv.publisher); empty until filled in


@dataclass(frozen=True)
class Page:
    path: str  # source path, "2023/index.md"
    markdown: str
    title: str


_file = urls.page_file  # the Markdown file of an address: "2023/" -> "2023/index.md"


# A link from one page to another that works under any mount point: from "2023/index.md" to "kommuner/varmdo/" is
# "../kommuner/varmdo/", or "../kommuner/varmdo/index.html" offline (from the file system, a folder is no page).
def rel(from_path: str, to_url: str, offline: bool = False) -> str:
    start = posixpath.dirname(from_path) or "."
    if offline:
        return posixpath.relpath(urls.offline_file(to_url), start)
    if to_url and not to_url.endswith("/"):
        return posixpath.relpath(to_url, start)  # a file: "feed.xml"
    target = to_url.rstrip("/") or "."
    out = posixpath.relpath(target, start)
    return "./" if out == "." else out + "/"


# A page's numbered source list: each source once, in the order the page first cites it, and the number each is
# cited by ({"scb-2023": 1, …}); the list at the foot of the page and every [1] in its text agree.
def numbered_sources(archive: m.Archive, ids: Iterable[str]) -> tuple[list[m.Source], dict[str, int]]:
    sources = [archive.sources[i] for i in dict.fromkeys(ids)]
    return sources, {s.id: n for n, s in enumerate(sources, 1)}


def _render(template: str, path: str, archive: m.Archive, site: Site, **context) -> str:
    def link(to_url: str) -> str:
        return rel(path, to_url, site.offline)

    page_url = site.url + urls.page_address(path)

    # The correction form for this page ("2023", "Värmdö kommun"), or with no page filled in.
    def correction(page_name: str = "") -> str:
        return correction_url(site.repo, page_name, page_url if page_name else "")

    return env().get_template(template).render(
        archive=archive, site=site, path=path, link=link, page_url=page_url, correction=correction,
        kommun_url=lambda k: urls.kommun(k.slug), person_url=pp.person_url, **context,
    )


# Year page of one cycle.
def render_cycle(archive: m.Archive, cycle: m.Cycle, site: Site = Site()) -> str:
    years = [c.year for c in archive.cycles]
    i = years.index(cycle.year)
    newer = archive.cycles[i - 1] if i > 0 else None
    older = archive.cycles[i + 1] if i + 1 < len(archive.cycles) else None
    sources, number = numbered_sources(archive, cycle.source_ids())
    lastmod = page_lastmod(archive, site.lastmod or {}, urls.year(cycle.year))
    summary = glance(archive, cycle)
    return _render("cycle.md.j2", _file(urls.year(cycle.year)), archive, site, cycle=cycle, newer=newer, older=older,
                   sources=sources, number=number, lastmod=lastmod, anchors=cycle.entrant_anchors(),
                   quote_anchors=pp.quote_anchors(cycle), recipient_anchors=pp.recipient_anchors(cycle),
                   statement_anchors=pp.statement_anchors(cycle),
                   representative_anchors=pp.representative_anchors(cycle),
                   presenter_anchor=pp.PRESENTER_ANCHOR,
                   timeline_facts=[marks.timeline_fact(cycle, t) for t in cycle.timeline],
                   edition=archive.edition_of(cycle.year), unknowns=knowledge.unknowns(cycle),
                   glance=summary, gaps_anchor=knowledge.GAPS_ANCHOR,
                   once=once, plan=once.call_plan(cycle),
                   structured_data=sd.script_json(sd.prize_giving(summary, site.url)),
                   renamed=archive.names[-1].first if len(archive.names) > 1 else None)


# Home page: what the award is and every cycle in a table.
def render_home(archive: m.Archive, site: Site = Site()) -> str:
    return _render("home.md.j2", _file(urls.HOME), archive, site, next_year=chronology.next_year(archive),
                   chronology=chronology.moments(archive))


# One municipality's page with each appearance.
def render_kommun(archive: m.Archive, kommun, site: Site = Site()) -> str:
    url, appearances = urls.kommun(kommun.slug), archive.appearances(kommun.code)
    return _render("kommun.md.j2", _file(url), archive, site, kommun=kommun, locator=maps.locator(kommun),
                   appearances=appearances, lastmod=page_lastmod(archive, site.lastmod or {}, url),
                   description=kommun_description(kommun, appearances, archive.title))


# Every municipality that has taken part: the map of Sweden (its land drawn in the page offline), then county by county.
def render_kommuner(archive: m.Archive, site: Site = Site()) -> str:
    records = sorted(stats.records(archive), key=lambda r: (sv_key(r.kommun.county), sv_key(r.kommun.name)))
    return _render("kommuner.md.j2", _file(urls.KOMMUNER), archive, site, records=records, sweden=maps.sweden(archive),
                   zoom=maps.zoom(archive), counts=stats.best_counts(archive),
                   land="" if site.offline else posixpath.relpath(maps.LAND_FILE, "kommuner"))


# About the award: purpose, names, history, the renaming.
def render_about(archive: m.Archive, site: Site = Site()) -> str:
    process = next((c for c in archive.cycles if c.process and c.process.steps), None)
    publications: list[tuple[int | None, m.Publication]] = [
        (c.year, p) for c in reversed(archive.cycles) for p in c.publications]
    publications += [(None, p) for p in archive.publications]
    ids = [*archive.purpose.sources, *(s for n in archive.names for s in n.sources),
           *(s for h in archive.history for s in h.sources), *(s for _, p in publications for s in p.sources)]
    sources, number = numbered_sources(archive, ids)
    renaming = [h for h in archive.history if about_renaming(archive, h)]
    return _render("about.md.j2", _file(urls.ABOUT), archive, site, process_cycle=process, sources=sources,
                   process_plan=once.call_plan(process) if process else None,
                   number=number, publications=publications,
                   history=[h for h in archive.history if h not in renaming], renaming=renaming)


# Whether a fact of the award's history is about its renaming: dated after the old name's last year and no later than
# the new name's first ("I september 2016 kallades 2017 års utmärkelse fortfarande …", "2017 bytte …").
def about_renaming(archive: m.Archive, fact: m.Fact) -> bool:
    if len(archive.names) < 2 or fact.year is None:
        return False
    old, new = archive.names[-2], archive.names[-1]
    return (old.last or new.first - 1) < fact.year <= new.first


# Open data: every download with its fields, the licence and the municipality code as join key.
def render_data(archive: m.Archive, site: Site = Site()) -> str:
    rows = {name: len(r) for name, r in export.csv_rows(archive, site.url).items()}
    return _render("data.md.j2", _file(urls.DATA), archive, site, files=list(export.CSV_FILES.items()), rows=rows,
                   xlsx=export.XLSX_DOWNLOAD,
                   columns=export.csv_columns(archive), json_fields=export.json_fields(),
                   licence_url=export.LICENCE_URL,
                   list_sep=export.LIST_SEP, feed_name=feed.FEED_NAME, first=archive.cycles[-1].year,
                   latest=archive.cycles[0].year,
                   structured_data=sd.script_json(sd.dataset(archive, site.url, export.data_modified(site.lastmod))))


# One person's page: every role, newest first, with the title and organisation of that year.
def render_person(archive: m.Archive, person: pp.Individual, site: Site = Site()) -> str:
    ids = [*(s for r in person.roles for s in r.sources), *person.sources]
    sources, number = numbered_sources(archive, ids)
    return _render("person.md.j2", _file(person.url), archive, site, person=person, sources=sources, number=number,
                   lastmod=page_lastmod(archive, site.lastmod or {}, person.url))


# Index of everyone with a role, by surname.
def render_people(archive: m.Archive, site: Site = Site()) -> str:
    several = [p for p in archive.people if len(p.years) > 1]
    return _render("personer.md.j2", _file(urls.PERSONER), archive, site, several=several)


# What the archive knows: every cycle by facet, and the next cycle, all unknown.
def render_gaps(archive: m.Archive, site: Site = Site()) -> str:
    rows = [(c, knowledge.cells(c)) for c in archive.cycles]
    return _render("luckor.md.j2", _file(urls.LUCKOR), archive, site, rows=rows,
                   facets=[f for f, _ in knowledge.FACETS],
                   next_year=chronology.next_year(archive), next_cells=knowledge.unknown_cells(),
                   totals=knowledge.totals(cells for _, cells in rows), states=knowledge.STATES)


# Which personal data the archive holds, why, and how to have it corrected or removed.
def render_privacy(archive: m.Archive, site: Site = Site()) -> str:
    return _render("integritet.md.j2", _file(urls.PRIVACY), archive, site)


# The archive in figures: counts from arkiv.record.stats as charts, each with its table.
def render_statistik(archive: m.Archive, site: Site = Site()) -> str:
    return _render("statistik.md.j2", _file(urls.STATISTIK), archive, site, results=m.RESULTS,
                   **figures.statistik(archive))


# Every generated page of the archive.
def all_pages(archive: m.Archive, site: Site = Site()) -> list[Page]:
    pages = [Page(_file(urls.HOME), render_home(archive, site), "Start"),
             Page(_file(urls.ABOUT), render_about(archive, site), "Om utmärkelsen"),
             Page(_file(urls.KOMMUNER), render_kommuner(archive, site), "Kommuner"),
             Page(_file(urls.DATA), render_data(archive, site), "Öppna data"),
             Page(_file(urls.STATISTIK), render_statistik(archive, site), "Arkivet i siffror"),
             Page(_file(urls.PERSONER), render_people(archive, site), "Personer"),
             Page(_file(urls.LUCKOR), render_gaps(archive, site), "Luckor i uppgifterna"),
             Page(_file(urls.PRIVACY), render_privacy(archive, site), "Integritet")]
    for c in archive.cycles:
        pages.append(Page(_file(urls.year(c.year)), render_cycle(archive, c, site), str(c.year)))
    for k in archive.kommuner:
        pages.append(Page(_file(urls.kommun(k.slug)), render_kommun(archive, k, site), k.own_name))
    for p in archive.people:
        pages.append(Page(_file(p.url), render_person(archive, p, site), p.name))
    return pages


# The navigation: start, the newest cycles first, municipalities, people, gaps, about. Short, so page weight stays flat.
def nav(archive: m.Archive) -> list:
    years = [{str(c.year): _file(urls.year(c.year))} for c in archive.cycles[:NAV_YEARS]]
    return [{"Start": _file(urls.HOME)}, {"Utmärkelseår": years}, {"Kommuner": _file(urls.KOMMUNER)},
            {"Personer": _file(urls.PERSONER)}, {"Statistik": _file(urls.STATISTIK)}, {"Luckor": _file(urls.LUCKOR)},
            {"Om utmärkelsen": _file(urls.ABOUT)}, {"Öppna data": _file(urls.DATA)},
            {"Tillgänglighet": "tillganglighet.md"}, {"Integritet": _file(urls.PRIVACY)}]
