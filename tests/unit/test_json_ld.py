"""The JSON-LD builders (arkiv.site.structured_data) on the model: safe inside <script>, never more than the data."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given
from hypothesis import strategies as st

from arkiv.record.glance import glance
from arkiv.site import export
from arkiv.site import structured_data as sd

SITE = "https://arkiv.invalid/"


@given(st.text())
def test_any_text_is_safe_inside_a_script_and_reads_back_the_same(text):
    out = sd.script_json({"name": text, "list": [text]})
    assert not set("<>&") & set(out)
    assert json.loads(out) == {"name": text, "list": [text]}


def test_a_text_that_would_close_the_script_is_escaped():
    text = 'Mässan </script><script>alert(1)</script> <!-- & "citat"'
    out = sd.script_json({"name": text})
    assert "</script" not in out.lower() and "<!--" not in out
    assert "\\u003c/script\\u003e" in out and "\\u0026" in out
    assert json.loads(out)["name"] == text


def test_the_prize_giving_of_a_year_with_markup_in_its_data(archive):
    c = next(c for c in archive.cycles if c.ceremony and c.ceremony.city)
    tricky = "</script><script>alert(1)</script>"
    ceremony = dataclasses.replace(c.ceremony, venue=tricky, city="Göteborg & Mölndal", uncertain=False)
    cycle = dataclasses.replace(c, ceremony=ceremony)
    out = sd.script_json(sd.prize_giving(glance(archive, cycle), SITE))
    assert "<" not in out and ">" not in out and "&" not in out
    event = json.loads(out)
    assert event["location"]["name"] == tricky
    assert event["location"]["address"]["addressLocality"] == "Göteborg & Mölndal"


def test_an_inferred_date_and_an_unknown_place_are_left_out(archive):
    c = next(c for c in archive.cycles if c.ceremony)
    sure = dataclasses.replace(c, ceremony=dataclasses.replace(c.ceremony, date="2023-11-21", uncertain=False))
    unsure = dataclasses.replace(c, ceremony=dataclasses.replace(c.ceremony, date="2023-11-21", uncertain=True,
                                                                 venue=None, city=None))
    assert sd.prize_giving(glance(archive, sure), SITE)["startDate"] == "2023-11-21"
    event = sd.prize_giving(glance(archive, unsure), SITE)
    assert "startDate" not in event and "location" not in event
    bare = dataclasses.replace(c, ceremony=None)
    assert set(sd.prize_giving(glance(archive, bare), SITE)) == {"@context", "@type", "name", "url", "about"}
    assert not any("eventStatus" in sd.prize_giving(glance(archive, x), SITE) for x in archive.cycles)


def test_a_joint_winner_is_each_of_its_municipalities(archive):
    c = archive.cycles[0]
    joint = next(e for cc in archive.cycles for r in cc.rounds for e in r.entrants if len(e.kommuner) > 1)
    about = sd.prize_giving(glance(archive, dataclasses.replace(c, winner=joint)), SITE)["about"]
    assert [a["identifier"]["value"] for a in about] == [k.code for k in joint.kommuner]
    assert [a["name"] for a in about] == [k.own_name for k in joint.kommuner]
    assert {a["award"] for a in about} == {f"{c.award_name} {c.year}"}


def test_the_dataset_lists_every_download(archive):
    data = sd.dataset(archive, SITE, "2024-01-02")
    assert [d["name"] for d in data["distribution"]] == ["arkiv.json", *export.CSV_FILES, export.XLSX_DOWNLOAD[0]]
    assert all(d["contentUrl"] == SITE + export.FOLDER + d["name"] for d in data["distribution"])
    assert data["temporalCoverage"] == f"{archive.cycles[-1].year}/{archive.cycles[0].year}"
    assert data["dateModified"] == "2024-01-02" and "dateModified" not in sd.dataset(archive, SITE)
    assert data["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert export.LICENCE_URL.startswith(data["license"]), "the same licence as the downloads say"
