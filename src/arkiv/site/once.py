"""What a year page says once: where the data gives the same words twice, the page shows them in one place.

The invitation (call) and the process description are often quoted from the same leaflet: who may nominate is then
said in a process step, and a step that ends in "besvara frågorna:" is followed by the entry questions. A fact whose
text is the same words as its quotation shows the quotation alone; a prize whose text already names the amount
shows no amount beside it. Nothing is dropped that is not said elsewhere on the page, word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from arkiv.record import model as m


@dataclass(frozen=True)
class CallPlan:
    questions_after: int | None  # the process step (0-based) the entry questions follow, or None: in the call section
    nominations_in_process: bool  # who may nominate is said word for word in a process step


# The words of a text, lower case, without punctuation: what two wordings must share to be the same.
def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


# Whether two texts are the same words (punctuation, case and spacing aside).
def same_words(a: str | None, b: str | None) -> bool:
    return bool(a and b) and words(a or "") == words(b or "")


# Whether a text names the amount already: "50 000 kronor", "50000 kr".
def names_amount(text: str, amount: int | None) -> bool:
    return amount is not None and str(amount) in re.sub(r"[\s\u00a0\u202f]", "", text)


# Where a year page says the call's questions and who may nominate, so that each is said once.
def call_plan(cycle: m.Cycle) -> CallPlan:
    steps = cycle.process.steps if cycle.process else ()
    call = cycle.call
    after = None
    if call and call.entry_questions:
        after = next((i for i, s in enumerate(steps) if s.text.rstrip().endswith(":")), None)
    nominations = " ".join(words(call.nominations or "")) if call else ""
    said = bool(nominations) and any(nominations in " ".join(words(s.text)) for s in steps)
    return CallPlan(questions_after=after, nominations_in_process=said)
