"""A municipality page's own description, from its appearances (arkiv.site.descriptions)."""

from __future__ import annotations

from arkiv.record.model import Appearance, Entrant
from arkiv.record.register import Kommun
from arkiv.site.descriptions import kommun_description

K = Kommun("0180", "Stockholm", "Stockholms kommun", "Stockholms stad", "Stockholms län", 59.3, 18.1)
E = Entrant("Stockholms stad", (K,))
IT, DK = "Sveriges IT-kommun", "Sveriges DigitaliseringsKommun"

TITLE = "Arkivet för Sveriges DigitaliseringsKommun"


def app(year, award, role):
    return Appearance(year, award, role, role, E)


def test_winner_with_other_years():
    apps = [app(2017, DK, "vinnare"), app(2017, DK, "finalist"), app(2011, IT, "nominerad")]
    assert kommun_description(K, apps, TITLE) == (
        "Stockholms stad i Stockholms län vann Sveriges DigitaliseringsKommun 2017 och var nominerad 2011.")


def test_winner_only():
    assert kommun_description(K, [app(2019, DK, "vinnare"), app(2019, DK, "nominerad")], TITLE) == (
        "Stockholms stad i Stockholms län vann Sveriges DigitaliseringsKommun 2019.")


def test_two_wins():
    assert kommun_description(K, [app(2019, DK, "vinnare"), app(2009, IT, "vinnare")], TITLE) == (
        "Stockholms stad i Stockholms län vann Sveriges IT-kommun 2009 och Sveriges DigitaliseringsKommun 2019.")


def test_no_win_names_the_award_once_per_name_oldest_first():
    apps = [app(2019, DK, "nominerad"), app(2017, DK, "finalist")]
    assert kommun_description(K, apps, TITLE) == ("Stockholms stad i Stockholms län var finalist i Sveriges "
                                           "DigitaliseringsKommun 2017 och nominerad 2019.")
    apps = [app(2017, DK, "finalist"), app(2015, IT, "nominerad")]
    assert kommun_description(K, apps, TITLE) == (
        "Stockholms stad i Stockholms län var nominerad till Sveriges IT-kommun 2015 och finalist i "
        "Sveriges DigitaliseringsKommun 2017.")
