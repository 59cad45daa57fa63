"""Vad varje sida handlar om, för sökindexet (arkiv.site.search): kommunens namn på kommunens sida; vinnaren och
avsnitten (motivering, jury) på årets sida, övriga deltagare på varje omgångs avsnitt; personerna i årets jury,
prisutdelning och citat; utmärkelsens tidigare namn på sidan om utmärkelsen (/om/, där namnbytet står);
ämnesord som en sida anger själv i sitt front matter (search_keys); och namnet på en persons sida under personer/.

Avsnittens adresser (#motivering, #omgang-1 …, #jury, #prisutdelning, #citat) och jurymedlemmarnas ankare är desamma
som i templates/cycle.md.j2.
"""

from __future__ import annotations

import dataclasses

from arkiv import urls
from arkiv.record import model as m
from arkiv.record.register import Kommun
from arkiv.site.search import Keys

S = urls.SECTIONS


# A municipality's names as visitors write them: its own ("Lidingö stad"), and the short one when the own name does
# not begin with it ("Falun" beside "Falu kommun").
def kommun_names(k: Kommun) -> tuple[str, ...]:
    own = k.own_name.lower().split()
    covered = all(any(o.startswith(w) for o in own) for w in k.name.lower().split())
    return (k.own_name,) if covered else (k.own_name, k.name)


# An entrant's names: the one it competed under and each of its municipalities'.
def entrant_names(e: m.Entrant) -> tuple[str, ...]:
    return tuple(dict.fromkeys([e.name, *(n for k in e.kommuner for n in kommun_names(k))]))


# The keys of one year's page (every name the award has had: "it-kommun 2019" finds 2019; its parts: "jury 2011"
# finds 2011 with both words) and of its sections: the motivation is a section of its own; each round names its
# entrants other than the winner; the jury, the ceremony, the statements and the quotes their people.
def cycle_keys(c: m.Cycle, award_names: tuple[str, ...] = ()) -> dict[str, Keys]:
    url = urls.year(c.year)
    parts = ("motivering", "jury") if c.jury else ("motivering",)
    out = {url: Keys(names=award_names, winner=entrant_names(c.winner), parts=parts)}
    for i, rnd in enumerate(c.rounds, 1):
        names = [n for e in rnd.entrants if not e.codes <= c.winner.codes for n in entrant_names(e)]
        if names:
            out[urls.at(url, urls.round_anchor(i))] = Keys(entrants=tuple(dict.fromkeys(names)))
    if c.jury:
        out[urls.at(url, S.jury)] = Keys(items=tuple((p.anchor, p.name) for p in c.jury.members))
    if c.ceremony:
        named = [p.name for p in (c.ceremony.presenter, *c.ceremony.received_by) if p]
        if named:
            out[urls.at(url, S.ceremony)] = Keys(people=tuple(named))
    said = [*(st.speaker.name for st in c.statements), *(r.person.name for r in c.representatives)]
    if said:
        out[urls.at(url, S.statements)] = Keys(people=tuple(dict.fromkeys(said)))
    if c.quotes:
        out[urls.at(url, S.quotes)] = Keys(people=tuple(dict.fromkeys(q.speaker.name for q in c.quotes)))
    return out


# A page's front matter search_keys: words for the page ("vinnare"), or per section ({"processen": "jury juryn"},
# "" for the page itself), each a string or a list.
def front_matter_keys(url: str, words) -> dict[str, Keys]:
    by_anchor = words if isinstance(words, dict) else {"": words}
    return {url + (f"#{anchor}" if anchor else ""): Keys(topics=tuple(w) if isinstance(w, list) else (str(w),))
            for anchor, w in by_anchor.items() if w}


# Keys for every document that has any: `pages` maps each page's address to its title and front matter search_keys.
def site_keys(archive: m.Archive, pages: dict[str, tuple[str, object]]) -> dict[str, Keys]:
    out: dict[str, Keys] = {}
    for url, (title, words) in pages.items():
        if words:
            out.update(front_matter_keys(url, words))
        elif url.startswith(urls.PERSONER) and url.count("/") == 2:
            out[url] = Keys(names=(title,))
    if len(archive.names) > 1:  # the page about the award tells of the renaming
        former = tuple(n.name for n in archive.names[:-1])
        out[urls.ABOUT] = dataclasses.replace(out.get(urls.ABOUT, Keys()), former=former)
    for k in archive.kommuner:
        out[urls.kommun(k.slug)] = Keys(names=kommun_names(k))
    for c in archive.cycles:
        out.update(cycle_keys(c, tuple(n.name for n in archive.names)))
    return out


# Every name in the archive a visitor may type: the municipalities', the entrants' and the people's.
def archive_names(archive: m.Archive) -> list[str]:
    names = [n for k in archive.kommuner for n in (k.name, k.own_name, k.formal)]
    names += [n for c in archive.cycles for e in c.entrants() for n in entrant_names(e)]
    return names + [n for p in archive.people for n in p.names]
