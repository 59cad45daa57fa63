"""The municipality register: lookup by any name, and suggestions for misspellings."""

from __future__ import annotations

from pathlib import Path

import pytest

from arkiv.record.register import Register

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.from_csv(ROOT / "data" / "kommuner.csv")


def test_290_kommuner_with_four_digit_codes(register):
    assert len(register.kommuner) == 290
    assert all(len(k.code) == 4 and k.code.isdigit() for k in register.kommuner)


@pytest.mark.parametrize("name", ["Värmdö", "Värmdö kommun", "värmdö kommun", "  Värmdö  "])
def test_find_by_any_name(register, name):
    assert register.find(name).code == "0120"


def test_find_own_name(register):
    assert register.find("Lidingö stad").name == "Lidingö"
    assert register.find("Lidingö kommun").own_name == "Lidingö stad"


def test_find_unknown(register):
    assert register.find("Atlantis kommun") is None


@pytest.mark.parametrize("typo", ["Varmdö", "Värmdo kommun", "Vermdö kommun", "värmdö kommmun"])
def test_suggest_finds_the_intended_kommun_first(register, typo):
    assert register.suggest(typo)[0] == "Värmdö kommun"


def test_suggest_uses_the_name_the_kommun_uses(register):
    assert "Lidingö stad" in register.suggest("Lidingo")


def test_suggest_nothing_close(register):
    assert register.suggest("zzzzqqq") == []


def test_suggest_at_most_three(register):
    assert 1 <= len(register.suggest("Sala")) <= 3
