"""Strict YAML reading: positions of every value, and refusal of YAML's pitfalls."""

from __future__ import annotations

import json

import yaml

from arkiv.reading.yamlload import MAX_BYTES, load_yaml

FILE = "data/test.yaml"


def ok(text: str):
    loaded, errors = load_yaml(text.encode("utf-8"), FILE)
    assert errors == [], errors
    return loaded


def one_error(raw: bytes | str):
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    loaded, errors = load_yaml(raw, FILE)
    assert loaded is None
    assert len(errors) >= 1
    return errors[0]


def test_positions_of_values_and_keys():
    loaded = ok("year: 2023\njury:\n  members:\n    - name: A\n    - name: B\n      organisation: SKR\n")
    assert loaded.data == {"year": 2023, "jury": {"members": [{"name": "A"}, {"name": "B", "organisation": "SKR"}]}}
    assert loaded.where(("year",)) == (1, 7)
    assert loaded.where(("jury", "members", 1, "organisation")) == (6, 21)
    assert loaded.where(("jury", "members", 1, "organisation"), key=True) == (6, 7)
    # A path that was never recorded falls back to the nearest recorded parent.
    assert loaded.where(("jury", "members", 1, "title")) == (5, 7)


def test_error_is_located():
    loaded = ok("a:\n  b: 1\n")
    err = loaded.error(("a", "b"), "fel.", "Rätta.")
    assert str(err) == "data/test.yaml:2:6: a.b: fel. Rätta."


def test_dates_stay_text():
    assert ok("date: 2023-11-21\n").data == {"date": "2023-11-21"}


def test_yaml11_booleans_are_read_but_raw_text_is_kept():
    loaded = ok("organisation: no\n")
    assert loaded.data == {"organisation": False}
    assert loaded.raw[("organisation",)] == "no"


def test_quoted_values_have_no_raw_text():
    loaded = ok('organisation: "no"\n')
    assert loaded.data == {"organisation": "no"}
    assert ("organisation",) not in loaded.raw


def test_duplicate_key():
    err = one_error("city: Göteborg\nname: X\ncity: Malmö\n")
    assert (err.line, err.path) == (3, ("city",))
    assert "står två gånger (första gången på rad 1)" in err.message


def test_syntax_error_is_located():
    err = one_error("a: b: c\n")
    assert err.line == 1 and err.message.startswith("YAML-syntaxfel")


def test_unclosed_bracket_says_where_it_opened():
    err = one_error("a: [x, y\nb: 2\n")
    assert "öppnades på rad 1" in err.message


def test_tab():
    err = one_error("a:\n\tb: 1\n")
    assert (err.line, err.column) == (2, 1) and "tabbtecken" in err.message


def test_bom():
    assert "byte order mark" in one_error(b"\xef\xbb\xbfa: 1\n").message


def test_not_utf8_points_at_the_byte():
    err = one_error(b"a: 1\nb: G\xf6teborg\n")
    assert (err.line, err.column) == (2, 5) and "inte UTF-8" in err.message


def test_empty_and_comment_only():
    assert "tom" in one_error("").message
    assert "tom" in one_error("# bara en kommentar\n").message


def test_oversize():
    err = one_error(b"# " + b"x" * MAX_BYTES + b"\n")
    assert "512 kB" in err.message


def test_anchor_and_alias_refused():
    assert "ankare och alias" in one_error("a: &x 1\nb: *x\n").message


def test_billion_laughs_refused_quickly():
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    assert "ankare och alias" in one_error(bomb).message


def test_python_tags_refused_and_never_run(tmp_path):
    # The first payload makes a folder when run: PyYAML's unsafe loader does make one, ours must not.
    def making(folder):
        return f"a: !!python/object/apply:os.mkdir [{json.dumps(str(folder))}]\n"
    yaml.unsafe_load(making(tmp_path / "proof"))
    assert (tmp_path / "proof").is_dir(), "the payload leaves a trace when it runs"
    for text in (making(tmp_path / "ran"), "a: !!python/object/apply:os.system [echo]\n",
                 "a: !!python/name:os.system\n", "a: !!python/object:builtins.dict {x: 1}\n",
                 "a: !include other.yaml\n"):
        err = one_error(text)
        assert "okänd YAML-tagg" in err.message, text
        assert err.path == ("a",)
    assert not (tmp_path / "ran").exists(), "a refused tag never runs"


def test_several_documents():
    err = one_error("a: 1\n---\nb: 2\n")
    assert err.line == 2 and "flera dokument" in err.message


def test_merge_key_refused():
    loaded, errors = load_yaml(b"a:\n  <<: {b: 1}\n", FILE)
    assert loaded is None and "sammanslagning" in errors[0].message


def test_non_text_key():
    err = one_error("2023: x\n")
    assert err.message == "fältnamnet 2023 är inte text."
