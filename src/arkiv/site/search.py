"""Sökindexet: mkdocs-materials search_index.json skrivs om så att sökningen rankar som en besökare väntar sig.

Temat bygger sitt lunr-index i webbläsaren ur filen och söker i varje fält filen räknar upp, med fältets vikt. Varje
ord i frågan blir ett prefix (”falkenberg” → falkenberg*), orden binds med ELLER, och temat lyfter sedan dokument där
alla ord träffade, och en sida (fem gånger) framför ett avsnitt (två gånger). Här läggs fält till som bara finns i
indexet; en träfflista visar bara titel och text, aldrig dem:

- folded:   orden utan å, ä, ö (”varmdo”), med textens vikt
- names:    titelns ord utan å, ä, ö och det dokumentet handlar om utöver titeln (ämnesord ur sidans front matter,
            utmärkelsens andra namn på årets sida), med titelns vikt
- winner:   på ett års sida: vinnaren
- entrants: på en omgångs avsnitt: dess nominerade eller finalister utom vinnaren
- people:   personerna ett avsnitt nämner
- former:   på sidan om utmärkelsen (/om/): utmärkelsens tidigare namn, med dubbla titelns vikt, så att ”it-kommun”
            hittar namnbytet före åren som bar det gamla namnet
- parts:    på ett års sida: avsnitten sidan har (motivering, och jury när juryn är känd), med textens vikt, så att
            ”jury 2011” hittar årets sida med båda orden och utan ”Saknas: jury”

Varje jurymedlem blir dessutom ett eget dokument vid sitt ankare på årets sida, med namnet i titeln, så att ett namn i
två ord hittar personen och inte en jury där två andra delar var sitt av orden; juryns motivering är ett eget avsnitt
(”Juryns motivering”), så att ”motivering” hittar årens motiveringar. Ett namn står i det dokument som visar det, så
att träfflistan visar stycket som träffade.

Vikterna ger ordningen: sidan om saken (titeln), sedan året den vann, sedan andra år, sedan sidor som bara nämner den.
Ett namn i två ord där hela namnet står väger mer än ett av orden på en sida om något annat (Upplands Väsby 2011 före
Upplands-Bro), eftersom temat lägger ihop ordens poäng och lyfter dokument där alla ord träffade.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup

from arkiv import urls
from arkiv.templating import env
from arkiv.text import fold

FOLDED, NAMES, WINNER, ENTRANTS, PEOPLE = "folded", "names", "winner", "entrants", "people"
PARTS, FORMER = "parts", "former"
TITLE = 1000.0  # the theme's own title weight
THEME_FIELDS = {"title": {"boost": TITLE}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
# A page's names weigh like its title, and so do people and entrants, which are found in sections (2/5 of a page).
# A year's winner, on the year's page, weighs less than the municipality's own page and more than its other years'
# sections; two words of a name on a year (winner or entrant) outrank one of them on the page of a namesake
# ("upplands vasby": 2011 before Upplands-Bro's page; "upplands-bro": 2021 before Upplands Väsby's).
# A page's parts (its sections' names) weigh like its text: enough that "jury 2011" matches both words on 2011's page,
# too little for "jury" alone to find every year before the page about the jury.
# The award's former names weigh more on the page that tells of the renaming than on the years that bore them.
BOOSTS = {FOLDED: 1.0, NAMES: TITLE, WINNER: 0.6 * TITLE, ENTRANTS: TITLE, PEOPLE: TITLE, PARTS: 1.0,
          FORMER: 2 * TITLE}

# lunr's Swedish stop words (lunr-languages lunr.sv.js, as bundled with mkdocs-material): the index drops them.
STOP_WORDS = frozenset("""alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din
dina ditt du där då efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i icke
ingen inom inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss
på samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara varför
varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över""".split())
# Words every municipality's name shares: the winner and entrant fields hold what tells one place from another.
GENERIC = frozenset({"kommun", "kommuner", "kommunerna", "stad", "stads"})
WORD = re.compile(r"\w+")
ITEM = re.compile(r"<li>(.*?)</li>", re.S)
# Adjacent table cells and definition terms: the theme keeps none of these tags, so their texts would run together.
CELLS = re.compile(r"(</(?:td|th|dt|dd)>)(?=<(?:td|th|dt|dd)\b)")
# The index's size budget, gzip (level 6, as a web server sends it): 45 KB for the twelve award years it was set for
# (2001–2023), and as much again for every year the archive grows: a new year may add its share, never more.
INDEX_BUDGET_PER_CYCLE = 45 * 1024 // 12


# The index's budget for an archive of `cycles` award years, in bytes of gzip (bench/run.py and a build test use it).
def index_budget(cycles: int) -> int:
    return INDEX_BUDGET_PER_CYCLE * cycles


@dataclass(frozen=True)
class Keys:
    """What the index should know about one document: a page ("2023/") or a section ("2023/#prisutdelning")."""

    names: tuple[str, ...] = ()  # names the document is about; the words its title already holds count there
    topics: tuple[str, ...] = ()  # words a page gives in its front matter (search_keys), kept as they are
    winner: tuple[str, ...] = ()
    entrants: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # the page's sections, by name ("motivering", "jury")
    former: tuple[str, ...] = ()  # names the award no longer has, on the page that tells of the renaming
    # A list section: (anchor, person) for each <li> in order; each item becomes its own document at its anchor.
    items: tuple[tuple[str, str], ...] = ()


# The words the index needs to find these names: lower case, with forms without å, ä, ö, less `common` words and the
# `leave_out` ones. A name of nothing but stop words and shared words ("Vara kommun") gets its words joined
# ("varakommun"): the index drops stop words, and the theme looks every query word up as a prefix, so "vara" finds it.
def key_words(names, common=frozenset(), leave_out=frozenset()) -> str:
    out: dict[str, None] = {}
    for name in names:
        words = WORD.findall(name.lower())
        if any(w in STOP_WORDS for w in words) and all(w in STOP_WORDS or w in GENERIC for w in words):
            kept = ["".join(words)]
        else:
            kept = [w for w in words if w not in STOP_WORDS and w not in common]
        for word in kept:
            out[word] = out[fold(word)] = None
    # A word beside its genitive ("älvsbyn" of a joint entrant's name beside "älvsbyns" of Älvsbyns kommun) is left
    # out: the search finds both by either, and the name would weigh twice on a year and once on its own page.
    return " ".join(w for w in out if w not in leave_out and f"{w}s" not in out)


# The words of a text that change without å, ä, ö, folded, lower case and each once:
# "Värmdö i Östersund" -> "varmdo ostersund".
def folded_words(text: str) -> str:
    out: dict[str, None] = {}
    for word in WORD.findall(text.lower()):
        plain = fold(word)
        if plain != word:
            out[plain] = None
    return " ".join(out)


# The page HTML the theme indexes, with a space between table cells and between terms and definitions.
def space_cells(html: str) -> str:
    return CELLS.sub(r"\1 ", html)


# A document's key fields; empty ones are left out. The title's own words count in the title. The names field holds
# the names and topics the title does not, and a page's (or a `named` document's) title words without å, ä, ö, so
# "varmdo" weighs like "Värmdö"; a section title's folded forms stay in the folded field, or a query word shorter than
# the first å, ä, ö (the "ut" of "blicka ut i världen") would find every such title twice. Entrants are told apart
# without the words all municipalities share ("kommun", "stad").
def _fields(doc: dict, keys: Keys, named: bool = False) -> dict[str, str]:
    title = doc.get("title", "")
    said = frozenset(WORD.findall(title.lower()))
    own = (title,) if named or "#" not in doc["location"] else ()
    names = f"{key_words((*own, *keys.names), leave_out=said)} {key_words(keys.topics)}".split()
    fields = {NAMES: " ".join(dict.fromkeys(names)), WINNER: key_words(keys.winner, GENERIC, said),
              ENTRANTS: key_words(keys.entrants, GENERIC, said), PEOPLE: key_words(keys.people, leave_out=said),
              PARTS: key_words(keys.parts), FORMER: key_words(keys.former)}
    return {field: value for field, value in fields.items() if value}


# One document per list item of a section, at the item's anchor: "Jury: Åsa Zetterberg" and the rest of the line.
def _item_docs(doc: dict, items: tuple[tuple[str, str], ...]) -> list[dict]:
    page = doc["location"].split("#", 1)[0]
    out = []
    # Not strict: a list and its data may disagree in length; each pair is checked below.
    for inner, (anchor, person) in zip(ITEM.findall(doc.get("text", "")), items, strict=False):
        line = Markup(inner).striptags()
        if not line.startswith(person):
            continue  # the list and the data disagree: keep the section as it is rather than misplace a name
        rest = line[len(person):].lstrip(" ,")
        item = {"location": urls.at(page, anchor), "title": f"{doc['title']}: {person}",
                "text": f"<p>{Markup.escape(rest)}</p>" if rest else ""}
        out.append({**item, **_fields(item, Keys(), named=True)})
    return out


# Rewrite mkdocs-material's search_index.json: folded forms everywhere, key fields and documents where `keys` says.
def rewrite_index(index_json: str, keys: dict[str, Keys] | None = None) -> str:
    keys = keys or {}
    index = json.loads(index_json)
    fields = index["config"].setdefault("fields", dict(THEME_FIELDS))
    fields.update({name: {"boost": boost} for name, boost in BOOSTS.items()})
    docs: list[dict] = []
    for doc in index["docs"]:
        own = keys.get(urls.address(doc["location"]), Keys())
        doc.update(_fields(doc, own))
        docs.append(doc)
        docs.extend(_item_docs(doc, own.items))
    for doc in docs:
        words = folded_words(f"{doc.get('title', '')} {Markup(doc.get('text', '')).striptags()}")
        if words:
            doc[FOLDED] = words
    index["docs"] = docs
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


QUERY_SCRIPT = urls.QUERY_SCRIPT  # where the build writes query_script, loaded by overrides/main.html
# Where the build writes worker_script: beside the theme's search worker, which it loads, so that the theme's lunr
# language files load from ../lunr as they do for the theme's own worker.
WORKER_SCRIPT = urls.SEARCH_WORKER
# How much more a query word weighs where a document has it whole (or in its genitive) than where it only begins a
# longer word ("lund": Lunds kommun before Lundberg): in lunr's sum, and as a factor on the score for each such word.
# More than the theme's own lift of a page over a section and of a result with every word (at most 5/2), so a whole
# word outranks a prefix whatever the theme adds (templates/search_worker.js.j2).
WHOLE_WORD = 10

# Approximate spelling: a query word that finds nothing as typed is searched again as it was probably meant. Letters a
# keyboard without å, ä, ö puts in their place are read as å, ä, ö (then folded like the index's folded forms), and
# ü as the Swedish y it sounds like. The longest letters are matched first ("oe" before "o").
READ_AS_SWEDISH = {"aa": "å", "ae": "ä", "oe": "ö", "ø": "ö", "æ": "ä", "œ": "ö", "ü": "y"}
# Letters in a word -> the edit distance lunr may use for it (a letter dropped, added, changed or two swapped): none
# below five letters, where one edit makes another word (vara, mora, jury), one from five and two from eight.
EDIT_DISTANCE = ((8, 2), (5, 1))


# A word read as if typed on a keyboard without å, ä, ö: "soedertaelje" -> "södertälje", "gøteborg" -> "göteborg".
def read_as_swedish(word: str) -> str:
    keys = sorted(READ_AS_SWEDISH, key=len, reverse=True)
    return re.sub("|".join(map(re.escape, keys)), lambda m: READ_AS_SWEDISH[m.group()], word.lower())


# How many edits lunr may allow a word of this many letters: 0 (never fuzzy), 1 or 2.
def edit_distance(letters: int) -> int:
    return next((distance for least, distance in EDIT_DISTANCE if letters >= least), 0)


# The stop words a query of several words loses before the theme searches: lunr's, less the words of names in the
# archive ("vara" in Vara kommun, "hans" in Hans Forsberg), which a visitor types to find that name.
def query_stop_words(names) -> tuple[tuple[str, ...], tuple[str, ...]]:
    named = {w for name in names for w in WORD.findall(name.lower())}
    return tuple(sorted(STOP_WORDS - named)), tuple(sorted(STOP_WORDS & named))


# The search script (templates/search_query.js.j2): the index fetched when the search opens, stop words out of a
# query, a word that finds nothing searched again with its approximate spelling, and the worker_script started.
def query_script(names) -> str:
    words, kept = query_stop_words(names)
    read_as = dict(sorted(READ_AS_SWEDISH.items(), key=lambda item: -len(item[0])))
    return env().get_template("search_query.js.j2").render(
        words=list(words), kept=kept, read_as=read_as,
        edit_distance=[list(pair) for pair in EDIT_DISTANCE], worker=WORKER_SCRIPT.rsplit("/", 1)[1])


# The search worker (templates/search_worker.js.j2): the theme's own, with a whole word weighing more than a prefix.
def worker_script() -> str:
    return env().get_template("search_worker.js.j2").render(factor=WHOLE_WORD)
