"""YAML-syntaxfel i svenska ord: raden, och vad som är fel där (indrag, kolon, citattecken, parentes).

PyYAML says what its parser expected ("expected <block end>, but found '<block mapping start>'"); what an organiser
needs is what that means on the line: indented more than the line above, a colon inside a text, a quote that is never
closed. Only an error none of these cases explains keeps the parser's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

QUOTE_HINT = "Skriv texten efter >- på en egen rad (indragen två steg), eller inom citattecken."


@dataclass(frozen=True)
class Syntax:
    line: int  # from 1
    column: int  # from 1
    message: str
    hint: str


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


# The nearest line above `index` (0-based) that holds something other than a comment; None at the top.
def _above(lines: list[str], index: int) -> tuple[int, str] | None:
    for i in range(index - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i, lines[i]
    return None


# "indragen 3 mellanslag, raden ovanför (rad 2) 2": the line's indentation compared with the line above.
def _indentation(lines: list[str], index: int) -> str:
    here = lines[index] if index < len(lines) else ""
    above = _above(lines, index)
    if above is None:
        return f"raden är indragen {_indent(here)} mellanslag"
    return (f"raden är indragen {_indent(here)} mellanslag, raden ovanför (rad {above[0] + 1}) "
            f"{_indent(above[1])}")


# The line (0-based) between first and last whose value opens a quote it does not close on that line, or None.
def _open_quote(lines: list[str], first: int, last: int) -> int | None:
    for i in range(max(first, 0), min(last, len(lines) - 1) + 1):
        value = lines[i].partition(": ")[2].strip() or lines[i].lstrip(" -")
        if value[:1] in "\"'" and value and (len(value) == 1 or not value.rstrip().endswith(value[0])):
            return i
    return None


# The Swedish explanation of a YAML syntax error in a file's text.
def explain(exc: yaml.MarkedYAMLError, text: str) -> Syntax:
    lines = text.split("\n")
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    started = exc.context_mark.line if exc.context_mark else line
    problem, context = exc.problem or "", exc.context or ""
    at = Syntax(line + 1, column + 1, "", "")
    here = lines[line] if line < len(lines) else ""
    unclosed = _open_quote(lines, started, line)
    if unclosed is not None and "quoted scalar" not in context:
        return Syntax(unclosed + 1, 1, f"YAML-syntaxfel: citattecknet på rad {unclosed + 1} stängs inte på samma rad.",
                      "Sätt ett likadant citattecken där texten slutar, på samma rad.")
    if "quoted scalar" in context:
        return Syntax(started + 1, exc.context_mark.column + 1 if exc.context_mark else 1,
                      f"YAML-syntaxfel: citattecknet på rad {started + 1} stängs aldrig.",
                      "Sätt ett likadant citattecken där texten slutar, på samma rad.")
    if "flow" in context:
        opened = f" (hakparentesen eller klammern öppnades på rad {started + 1})" if started != line else ""
        return Syntax(at.line, at.column, f"YAML-syntaxfel: en lista inom [ ] stängs inte{opened}.",
                      "Avsluta listan med ] på samma rad, och skilj orden åt med kommatecken.")
    if "mapping values are not allowed" in problem:
        if ": " in here[:column] or here[:column].rstrip().endswith(":"):
            return Syntax(at.line, at.column, "YAML-syntaxfel: ett kolon följt av mellanslag mitt i en text.",
                          QUOTE_HINT)
        return Syntax(at.line, at.column, f"YAML-syntaxfel: {_indentation(lines, line)}.",
                      "Dra in raden lika mycket som fälten bredvid den.")
    if "could not find expected ':'" in problem:
        key_line = lines[started] if started < len(lines) else ""
        if ":" in key_line and ": " not in key_line and not key_line.rstrip().endswith(":"):
            return Syntax(started + 1, key_line.index(":") + 1,
                          f"YAML-syntaxfel: mellanslag saknas efter kolonet på rad {started + 1}.",
                          "Skriv ett mellanslag efter kolonet, som i name: Värmdö kommun.")
        return Syntax(started + 1, 1, f"YAML-syntaxfel: rad {started + 1} saknar kolon efter fältnamnet.",
                      "Skriv fältnamnet, ett kolon och ett mellanslag före värdet, eller dra in raden som texten "
                      "ovanför.")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return Syntax(at.line, at.column, f"YAML-syntaxfel: {_indentation(lines, line)}.",
                      "Dra in raden lika mycket som raderna i samma lista eller grupp (två mellanslag per steg).")
    return Syntax(at.line, at.column, f"YAML-syntaxfel: filen går inte att läsa här (YAML: {problem}).",
                  "Kontrollera indrag, kolon efter fältnamn och att text med kolon eller citattecken står inom "
                  "citattecken.")
