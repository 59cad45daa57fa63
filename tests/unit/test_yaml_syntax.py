"""YAML syntax errors in Swedish words: the line, and what is wrong there."""

from __future__ import annotations

import pytest

from arkiv.reading.yamlload import load_yaml


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a:\n  b: 1\n   c: 2\n", 3, "raden är indragen 3 mellanslag, raden ovanför (rad 2) 2"),
    ("a:\n    b: 1\n  c: 2\n", 3, "raden är indragen 2 mellanslag, raden ovanför (rad 2) 4"),
    ("a:\n  - x\n - y\n", 3, "raden är indragen 1 mellanslag"),
    ("a:\n  theme: Exempel: igen\n", 2, "ett kolon följt av mellanslag mitt i en text"),
    ("a: 1\nb:2\nc: 3\n", 2, "mellanslag saknas efter kolonet på rad 2"),
    ('a: "abc\n', 1, "citattecknet på rad 1 stängs aldrig"),
    ('a: "abc\nb: "x"\n', 1, "citattecknet på rad 1 stängs inte på samma rad"),
    ("a: [x, y\nb: 2\n", 2, "en lista inom [ ] stängs inte (hakparentesen eller klammern öppnades på rad 1)"),
    ("a:\n\tb: 1\n", 2, "tabbtecken"),
])
def test_a_syntax_error_is_said_in_swedish_on_its_line(text, line, words):
    loaded, errors = load_yaml(text.encode(), "f.yaml")
    assert loaded is None and len(errors) == 1
    assert errors[0].line == line, errors[0]
    assert words in errors[0].message, errors[0]
    assert "expected" not in str(errors[0]) and "mapping values" not in str(errors[0])
    assert errors[0].unread
