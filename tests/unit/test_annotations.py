"""Data errors as GitHub workflow commands: escaped as the Actions runner reads them, one per problem."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arkiv.errors import DataError
from arkiv.tools.github import (
    SHOWN_PER_STEP,
    command,
    error_annotation,
    error_annotations,
    escape_data,
    escape_property,
)


def test_escape_data_follows_githubs_rules():
    assert escape_data("100% klart\r\nrad två") == "100%25 klart%0D%0Arad två"
    # Colons and commas are fine in the message.
    assert escape_data("a: b, c") == "a: b, c"
    # % goes first: a literal "%0A" in the text must not turn into a line break.
    assert escape_data("%0A") == "%250A"


def test_escape_property_also_escapes_colon_and_comma():
    assert escape_property("Fel i fältet a:b,c") == "Fel i fältet a%3Ab%2Cc"
    assert escape_property("50%\n") == "50%25%0A"


def test_command_without_properties():
    assert command("notice", "hej") == "::notice::hej"
    assert command("error", "x", file="f.yaml", line=None) == "::error file=f.yaml::x"


def test_annotation_has_file_line_col_title_and_the_terminal_advice(workflow_command):
    error = DataError("data/cycles/2023.yaml", 14, 5, ("jury", "members", 2, "name"),
                      "Anna står två gånger i juryn (även som nummer 1).", "Ta bort dubbletten.")
    line = error_annotation(error)
    assert line == ("::error file=data/cycles/2023.yaml,line=14,col=5,title=Fel i fältet jury%2C ledamot 3%2C name"
                    "::Anna står två gånger i juryn (även som nummer 1). Ta bort dubbletten.")
    name, props, message = workflow_command(line)
    assert name == "error"
    assert props == {"file": "data/cycles/2023.yaml", "line": "14", "col": "5",
                     "title": "Fel i fältet jury, ledamot 3, name"}
    # The same words as the terminal line after its location and field.
    assert str(error).endswith(f": {error.field}: {message}")


def test_whole_file_error_is_titled_for_the_file(workflow_command):
    error = DataError("data/winners.yaml", 1, 1, (), "filen är tom.", "Fyll i filen eller ta bort den.")
    _, props, message = workflow_command(error_annotation(error))
    assert props["title"] == "Fel i filen"
    assert message == "filen är tom. Fyll i filen eller ta bort den."


def test_special_characters_survive_the_round_trip(workflow_command):
    error = DataError("data/cycles/2023.yaml", 3, 1, ("event", "city"),
                      "YAML-syntaxfel: mapping values are not allowed here,\nrad 2: 100%.", "")
    _, props, message = workflow_command(error_annotation(error))
    assert message == error.message
    assert props["title"] == "Fel i fältet event.city"


def test_more_errors_than_github_shows_add_a_notice(workflow_command):
    errors = [DataError("data/winners.yaml", n, 1, ("x",), f"fel {n}.") for n in range(1, SHOWN_PER_STEP + 3)]
    lines = error_annotations(errors)
    assert [workflow_command(ln)[0] for ln in lines] == ["error"] * len(errors) + ["notice"]
    assert f"Alla {len(errors)} fel" in workflow_command(lines[-1])[2]
    assert all(workflow_command(ln)[0] == "error" for ln in error_annotations(errors[:SHOWN_PER_STEP]))


@given(st.text(), st.text())
def test_any_text_reads_back_unchanged(workflow_command, text, title):
    line = command("error", text, file="data/winners.yaml", title=title)
    assert "\n" not in line and "\r" not in line
    name, props, message = workflow_command(line)
    assert (name, props["title"], message) == ("error", title, text)
    assert props["file"] == "data/winners.yaml"
