"""The stop words a search query of several words loses before the theme searches (arkiv.site.search.query_script)."""

from __future__ import annotations

import json
import re

from arkiv.site import search
from arkiv.site.search_keys import archive_names


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
    assert "message.type === 2" in script and "kept.length < words.length" in script
