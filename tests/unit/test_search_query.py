"""The search script (arkiv.site.search.query_script): the stop words a query of several words loses before the theme
searches, and the letters and edit distances an approximate spelling uses (how the script behaves in Chromium is
tests/browser/test_search_fuzzy.py and test_search_lazy_index.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from arkiv.record.register import Register
from arkiv.site import search
from arkiv.site.search_keys import archive_names
from arkiv.text import fold

ROOT = Path(__file__).resolve().parents[2]


def test_stop_words_leave_the_query_unless_a_name_needs_them(archive):
    words, kept = search.query_stop_words(archive_names(archive))
    assert {"i", "ut", "för"} <= set(words)
    assert "vara" in kept and "vara" not in words, "Vara kommun is found by typing vara kommun"
    assert set(words) | set(kept) == search.STOP_WORDS and not set(words) & set(kept)


def test_the_script_carries_the_list_as_json(archive):
    script = search.query_script(archive_names(archive))
    listed = json.loads(re.search(r"new Set\((\[.*?\])\)", script).group(1))
    assert listed == list(search.query_stop_words(archive_names(archive))[0])
    assert "&#" not in script and "&quot;" not in script, "JavaScript, not HTML-escaped text"
    # What the script does with the list, in Chromium: tests/browser/test_search_script.py.


@pytest.mark.parametrize("typed, read", [
    ("soedertaelje", "södertälje"), ("oestersund", "östersund"), ("umeaa", "umeå"), ("haakan", "håkan"),
    ("gøteborg", "göteborg"), ("værmdø", "värmdö"), ("Lidingø", "lidingö"), ("bœrje", "börje"),
    ("nünäshamn", "nynäshamn"), ("upsala", "upsala"), ("2019", "2019"),
])
def test_foreign_keyboard_letters_are_read_as_a_a_o(typed, read):
    assert search.read_as_swedish(typed) == read


def test_every_municipality_typed_without_a_a_o_reads_back_as_its_name():
    # All 290 in the register, typed the way a keyboard without å, ä, ö is taught to (å aa, ä ae, ö oe).
    typed_abroad = str.maketrans({"å": "aa", "ä": "ae", "ö": "oe"})
    kommuner = Register.from_csv(ROOT / "data" / "kommuner.csv").kommuner
    wrong = [k.name for k in kommuner
             if search.read_as_swedish(k.name.lower().translate(typed_abroad)) != k.name.lower()]
    assert len(kommuner) == 290 and not wrong, wrong


def test_read_as_letters_are_swedish_and_fold_to_plain_letters():
    assert set(search.READ_AS_SWEDISH.values()) <= set("åäöy")
    assert all(k == k.lower() and fold(v).isascii() for k, v in search.READ_AS_SWEDISH.items())


@pytest.mark.parametrize("letters, edits", [(0, 0), (2, 0), (4, 0), (5, 1), (6, 1), (7, 1), (8, 2), (12, 2), (40, 2)])
def test_words_under_five_letters_are_never_fuzzy_then_one_edit_then_two_from_eight(letters, edits):
    assert search.edit_distance(letters) == edits


def test_the_script_carries_the_letters_and_distances_as_json(archive):
    script = search.query_script(archive_names(archive))
    read_as = json.loads(re.search(r"var readAs = (\{.*?\});", script).group(1))
    assert read_as == search.READ_AS_SWEDISH
    assert [len(k) for k in read_as] == sorted((len(k) for k in read_as), reverse=True), "longest letters first"
    distances = json.loads(re.search(r"var editDistance = (\[.*?\]);", script).group(1))
    assert distances == [list(pair) for pair in search.EDIT_DISTANCE]
    assert distances == sorted(distances, reverse=True), "the longest words' rule is checked first"
    assert "Inga exakta träffar för " in script and "Visar träffar för liknande stavning." in script


def test_the_worker_loads_the_themes_own_and_weighs_a_whole_word_above_the_themes_lift():
    script = search.worker_script()
    assert "importScripts(theme)" in script and "lunr.Index.prototype.query" in script
    assert json.loads(re.search(r"FACTOR = (\d+);", script).group(1)) == search.WHOLE_WORD
    # The theme lifts a page 5 times and a section 2 times when all words match: a whole word must weigh more.
    assert search.WHOLE_WORD > 5 / 2


def test_the_query_script_starts_the_worker_beside_the_themes(archive):
    script = search.query_script(archive_names(archive))
    name = search.WORKER_SCRIPT.rsplit("/", 1)[1]
    assert search.WORKER_SCRIPT.startswith("assets/javascripts/workers/"), "beside the theme's, for its ../lunr"
    assert f"new URL({json.dumps(name)} + \"#\" + theme, address)" in script
