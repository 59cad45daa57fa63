"""Every page of the built site says each sentence once, and no text ends in a colon with nothing after it.

A sentence is read from the page's article the way a reader meets it: block by block (a paragraph, a list item, a
definition, a heading), split after a full stop, question or exclamation mark, and ends in one of them. Reference marks
("Källa: [1]") are not part of a sentence. Short sentences (fewer than MIN_WORDS words) and lines that are no sentence
("– Jörgen Westergren, PwC Sverige", "15 november 2011 (osäker uppgift)") are labels and may repeat.
Runs on the real archive's site and on the small test archive's.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

MIN_WORDS = 5
# Elements that start a new block of text; what the reader sees as separate lines.
BLOCKS = {"p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "caption",
          "figcaption", "div", "section", "nav", "ul", "ol", "dl", "table", "tr", "br", "summary", "details"}
# What is not read as prose: scripts, styles, drawings, the ¶ link after each heading and the reference marks
# ("Källa: [1]"); and what repeats by design: a year's summary box (each value is said again in its section), the lists
# of sources and publications (catalogue entries: several can be "Arkiverad kopia …" or "Året framgår inte.") and
# tables (a column's cells, row by row).
HIDDEN = re.compile(r"<(script|style|svg|table)\b.*?</\1>|<a class=\"headerlink\"[^>]*>.*?</a>"
                    r"|<span class=\"arkiv-refs\">.*?</span>|<ol class=\"arkiv-sources\">.*?</ol>"
                    r"|<ul class=\"arkiv-publications\">.*?</ul>"
                    r"|<section class=\"arkiv-glance\".*?</section>", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?])[”’]?\s+(?=[”\"(]?[A-ZÅÄÖ0-9])")


class Blocks(HTMLParser):
    """The page's article as a stream: ("text", a block's text) and ("start", a block element's tag), in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.stream: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article" and "md-content__inner" in (dict(attrs).get("class") or ""):
            self.inside = True
        elif self.inside and tag in BLOCKS:
            self.stream.append(["start", tag])

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside = False
        elif self.inside and tag in BLOCKS:
            self.stream.append(["end", tag])

    def handle_data(self, data):
        if not self.inside:
            return
        if self.stream and self.stream[-1][0] == "text":
            self.stream[-1][1] += data
        else:
            self.stream.append(["text", data])


# The page's blocks of text, whitespace folded, each with the block element that starts next ("" at the end).
def blocks(raw: str) -> list[tuple[str, str]]:
    parser = Blocks()
    parser.feed(HIDDEN.sub("", raw))
    out = []
    for i, (kind, value) in enumerate(parser.stream):
        text = re.sub(r"\s+", " ", value).strip() if kind == "text" else ""
        if text:
            after = next((v for k, v in parser.stream[i + 1:] if k == "start"), "")
            out.append((text, after))
    return out


# The sentences of a page, in order: each block split after its full stops.
def sentences(raw: str) -> list[str]:
    out = []
    for text, _ in blocks(raw):
        out += [s.strip(" ”\"") for s in SENTENCE_END.split(text)
                if len(s.split()) >= MIN_WORDS and s.rstrip(" ”\")").endswith((".", "!", "?"))]
    return out


# The sentences said more than once on a page.
def repeated(raw: str) -> dict[str, int]:
    return {s: n for s, n in Counter(sentences(raw)).items() if n > 1}


# The blocks that end in a colon with no list, quote or table right after them.
def dangling_colons(raw: str) -> list[str]:
    return [text for text, after in blocks(raw)
            if text.endswith(":") and after not in {"ul", "ol", "dl", "blockquote", "table", "li", "dd"}]


def pages(site: Path) -> dict[str, str]:
    out = {}
    for page in sorted(site.rglob("*.html")):
        raw = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in raw[:2000]:
            out[page.relative_to(site).as_posix()] = raw
    return out


def test_the_reader_of_sentences_finds_a_repeat():
    page = ('<article class="md-content__inner md-typeset"><h2 id="a">Om året<a class="headerlink" href="#a">¶</a></h2>'
            '<p>Vem som helst kan nominera en kommun. Juryn läser alla svar. <span class="arkiv-refs">Källa: [1]</span>'
            "</p><ul><li>okänt</li><li>okänt</li></ul><p>Vem som helst kan nominera en kommun.</p>"
            '<p>Frågorna: <span class="arkiv-refs">Källa: [2]</span></p><p>Svara på frågorna:</p><p>Slut.</p>'
            "<p>Frågorna:</p><ol><li>Vad?</li></ol></article>")
    assert repeated(page) == {"Vem som helst kan nominera en kommun.": 2}
    assert dangling_colons(page) == ["Frågorna:", "Svara på frågorna:"]


@pytest.mark.parametrize("which", ["real", "small"])
def test_every_page_says_each_sentence_once(which, request):
    site = request.getfixturevalue("built_site") if which == "real" else request.getfixturevalue("small_site")[0]
    found = pages(site)
    assert len(found) > 10
    twice = {url: r for url, raw in found.items() if (r := repeated(raw))}
    assert not twice, twice
    colons = {url: c for url, raw in found.items() if (c := dangling_colons(raw))}
    assert not colons, colons
