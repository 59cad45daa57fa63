"""What a year page says once (arkiv.site.once): the call's questions after the process step that asks them, who may
nominate only where a process step already says it word for word, a quotation without its same-words paraphrase, and
a prize's amount only where its text does not name it."""

from __future__ import annotations

import dataclasses

from arkiv.record import model as m
from arkiv.site.once import call_plan, names_amount, same_words

NOMINATE = "Vem som helst kan nominera en kommun. Det kan vara privatpersoner."
QUESTIONS = (m.Question(question="Vad är ni stolta över?"),)


def cycle_with(fixture_archive, call: m.Call | None, steps: tuple[m.Step, ...]) -> m.Cycle:
    process = m.Process(sources=("x",), steps=steps) if steps else None
    return dataclasses.replace(fixture_archive.cycles[0], call=call, process=process)


def test_the_questions_follow_the_step_that_ends_asking_them(fixture_archive):
    steps = (m.Step(title="Anmälan", text="Anmäl kommunen genom att besvara frågorna:"),
             m.Step(title="Nominera", text=f"{NOMINATE} Kommunen informeras."))
    call = m.Call(sources=("x",), nominations=NOMINATE, entry_questions=QUESTIONS)
    plan = call_plan(cycle_with(fixture_archive, call, steps))
    assert plan.questions_after == 0 and plan.nominations_in_process


def test_without_such_a_step_the_call_keeps_both(fixture_archive):
    steps = (m.Step(title="Juryn", text="Juryn väljer."),)
    call = m.Call(sources=("x",), nominations="Bara kommunen själv.", entry_questions=QUESTIONS)
    plan = call_plan(cycle_with(fixture_archive, call, steps))
    assert plan.questions_after is None and not plan.nominations_in_process
    assert call_plan(cycle_with(fixture_archive, None, ())) == call_plan(cycle_with(fixture_archive, None, steps))


def test_same_words_and_named_amounts():
    assert same_words("Idén är att kasta ljus.", "idén är att kasta ljus")
    assert not same_words("Priset döptes om.", "För att namnet bättre ska spegla")
    assert not same_words(None, "ord")
    assert names_amount("en skulptur och 50 000 kronor", 50000)
    assert names_amount("50\u00a0000 kr", 50000) and not names_amount("en skulptur", 50000)
    assert not names_amount("50 000 kronor", None)
