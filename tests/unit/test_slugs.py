"""Addresses for municipalities and people."""

from __future__ import annotations

import pytest

from arkiv.slugs import slug


@pytest.mark.parametrize("name, expected", [
    ("Värmdö", "varmdo"), ("Upplands-Bro", "upplands-bro"), ("Upplands Väsby", "upplands-vasby"),
    ("Älvdalen", "alvdalen"), ("Åre", "are"), ("Lidingö stad", "lidingo-stad"),
    ("Mora, Orsa och Älvdalens kommuner", "mora-orsa-och-alvdalens-kommuner"),
    ("../../etc/passwd", "etc-passwd"), ("", "x"), ("!!!", "x"), ("<script>", "script"),
])
def test_slug(name, expected):
    assert slug(name) == expected


def test_every_registered_kommun_has_a_unique_slug():
    from pathlib import Path

    from arkiv.record.register import Register
    register = Register.from_csv(Path(__file__).resolve().parents[2] / "data" / "kommuner.csv")
    slugs = [k.slug for k in register.kommuner]
    assert len(slugs) == 290
    assert len(set(slugs)) == len(slugs)


def test_habo_and_habo_get_their_county():
    from pathlib import Path

    from arkiv.record.register import Register
    register = Register.from_csv(Path(__file__).resolve().parents[2] / "data" / "kommuner.csv")
    assert register.find("Habo").slug == "habo-jonkopings-lan"
    assert register.find("Håbo").slug == "habo-uppsala-lan"
    assert register.find("Värmdö").slug == "varmdo"
