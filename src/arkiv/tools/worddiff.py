"""Vad som ändrats i en text, ord för ord: det som tagits bort och lagts till, med några ord sammanhang omkring.

Texts are compared as words; the pieces hold words joined by single spaces and are shown with a space between them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

CONTEXT = 6  # unchanged words kept on each side of a change
GAP = "…"


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "removed" or "added"
    text: str  # words joined by single spaces


# Two texts as unchanged, removed and added pieces; long unchanged stretches are cut to CONTEXT words by a change.
def word_diff(old: str, new: str, context: int = CONTEXT) -> tuple[Piece, ...]:
    a, b = old.split(), new.split()
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", " ".join(b[j1:j2])))
    if len(pieces) < 2:
        return tuple(pieces)
    last = len(pieces) - 1
    return tuple(Piece("same", _cut(p.text, i == 0, i == last, context)) if p.kind == "same" else p
                 for i, p in enumerate(pieces))


# An unchanged stretch with only the words next to a change: the end of the first, the start of the last.
def _cut(text: str, first: bool, last: bool, context: int) -> str:
    ws = text.split()
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(ws) <= keep_head + keep_tail + 1:
        return text
    head = ws[:keep_head]
    tail = ws[len(ws) - keep_tail:] if keep_tail else []
    return " ".join([*head, GAP, *tail])
