"""Vad varje sida handlar om, för sökindexet (arkiv.search): kommunens namn på kommunens sida; vinnaren, övriga
deltagare och juryns motivering på årets sida; personerna i årets jury, prisutdelning och citat; ämnesord som en sida
anger själv i sitt front matter (search_keys); och namnet på en persons sida under personer/.

Avsnittens adresser (#motivering, #jury, #prisutdelning, #citat) och jurymedlemmarnas ankare är desamma som i
templates/cycle.md.j2.
"""

from __future__ import annotations

from . import model as m
from .register import Kommun
from .search import Keys

PEOPLE_PAGES = "personer/"  # a person's own page: personer/<slug>/


# A municipality's names as visitors write them: its own ("Lidingö stad"), and the short one when the own name does
# not begin with it ("Falun" beside "Falu kommun").
def kommun_names(k: Kommun) -> tuple[str, ...]:
    own = k.own_name.lower().split()
    covered = all(any(o.startswith(w) for o in own) for w in k.name.lower().split())
    return (k.own_name,) if covered else (k.own_name, k.name)


# An entrant's names: the one it competed under and each of its municipalities'.
def entrant_names(e: m.Entrant) -> tuple[str, ...]:
    return tuple(dict.fromkeys([e.name, *(n for k in e.kommuner for n in kommun_names(k))]))


# The keys of one year's page (every name the award has had: "it-kommun 2019" finds 2019) and of its sections.
def cycle_keys(c: m.Cycle, award_names: tuple[str, ...] = ()) -> dict[str, Keys]:
    url = f"{c.year}/"
    others = [e for r in c.rounds for e in r.entrants if not e.codes <= c.winner.codes]
    entrants = tuple(dict.fromkeys(n for e in others for n in entrant_names(e)))
    out = {url: Keys(names=award_names, winner=entrant_names(c.winner), entrants=entrants),
           url + "#motivering": Keys(join_page=True)}
    if c.jury:
        out[url + "#jury"] = Keys(items=tuple((p.anchor, p.name) for p in c.jury.members))
    if c.ceremony:
        named = [p.name for p in (c.ceremony.presenter, *c.ceremony.received_by) if p]
        if named:
            out[url + "#prisutdelning"] = Keys(people=tuple(named))
    if c.quotes:
        out[url + "#citat"] = Keys(people=tuple(dict.fromkeys(q.speaker.name for q in c.quotes)))
    return out


# Keys for every document that has any: `pages` maps each page's address to its title and front matter search_keys.
def site_keys(archive: m.Archive, pages: dict[str, tuple[str, object]]) -> dict[str, Keys]:
    out: dict[str, Keys] = {}
    for url, (title, words) in pages.items():
        if words:
            out[url] = Keys(names=tuple(words) if isinstance(words, list) else (str(words),))
        elif url.startswith(PEOPLE_PAGES) and url.count("/") == 2:
            out[url] = Keys(names=(title,))
    for k in archive.kommuner:
        out[f"kommuner/{k.slug}/"] = Keys(names=kommun_names(k))
    for c in archive.cycles:
        out.update(cycle_keys(c, tuple(n.name for n in archive.names)))
    return out
