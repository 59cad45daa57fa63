"""The one place for addresses and anchors (arkiv.urls): the helpers read back what they write, and the model's and
the people's anchors are the ones it makes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arkiv import urls
from arkiv.record.model import Entrant, JuryMember
from arkiv.slugs import slug

ADDRESSES = st.one_of(st.just(""), st.integers(1900, 2999).map(urls.year),
                      st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True).map(urls.kommun))


@given(ADDRESSES)
def test_a_page_file_reads_back_as_its_address(url):
    assert urls.page_address(urls.page_file(url)) == url
    assert urls.page_of(urls.at(url, "jury")) == url


def test_year_and_municipality_pages_are_told_apart():
    assert urls.year_of(urls.year(2023)) == 2023 and urls.kommun_of(urls.year(2023)) is None
    assert urls.kommun_of(urls.kommun("varmdo")) == "varmdo" and urls.year_of(urls.kommun("varmdo")) is None
    assert urls.year_of(urls.LUCKOR) is None and urls.kommun_of(urls.KOMMUNER) is None


def test_repeated_roles_are_numbered_from_the_second():
    assert urls.numbered_anchors(urls.QUOTE, ["a-b", "c", "a-b", "a-b"]) == ["citat-a-b", "citat-c", "citat-a-b-2",
                                                                             "citat-a-b-3"]


def test_the_models_anchors_come_from_urls():
    entrant = Entrant(name="Värmdö kommun", kommuner=())
    assert entrant.anchor == urls.entrant_anchor(slug("Värmdö kommun")) == "deltagare-varmdo-kommun"
    assert JuryMember(name="Åsa Zetterberg").anchor == urls.juror_anchor("asa-zetterberg") == "jury-asa-zetterberg"
    assert urls.stage_anchor("finalist", slug(entrant.name)) == "finalist-varmdo-kommun"
    assert urls.source_anchor("scb-2023") == "kalla-scb-2023"
