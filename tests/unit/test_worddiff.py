"""A changed text word by word: what was removed and added, with a little unchanged text around it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arkiv.tools.worddiff import GAP, Piece, word_diff


def test_one_word_replaced():
    assert word_diff("en kultur och en organisation som", "en kultur och en ledning som") == (
        Piece("same", "en kultur och en"), Piece("removed", "organisation"), Piece("added", "ledning"),
        Piece("same", "som"))


def test_long_unchanged_stretches_are_cut_to_the_words_next_to_a_change():
    old = " ".join(f"ord{n}" for n in range(40))
    new = old.replace("ord20", "nytt")
    pieces = word_diff(old, new, context=3)
    assert pieces[0] == Piece("same", f"{GAP} ord17 ord18 ord19")
    assert pieces[-1] == Piece("same", f"ord21 ord22 ord23 {GAP}")
    assert [p for p in pieces if p.kind != "same"] == [Piece("removed", "ord20"), Piece("added", "nytt")]
    # Between two changes, the words next to each.
    two = word_diff(old, new.replace("ord5", "fem"), context=3)
    assert Piece("same", f"ord6 ord7 ord8 {GAP} ord17 ord18 ord19") in two


def test_an_added_sentence_and_line_breaks_that_do_not_count():
    assert word_diff("Första meningen.", "Första\nmeningen. En till.") == (
        Piece("same", "Första meningen."), Piece("added", "En till."))


def test_the_same_text_is_not_cut():
    assert word_diff("en kommun", "en kommun") == (Piece("same", "en kommun"),)


words = st.lists(st.sampled_from(["en", "kommun", "som", "gör,", "vågar", "och", "lär."]), max_size=30)


@given(words, words)
def test_without_cutting_both_texts_can_be_read_back(a, b):
    pieces = word_diff(" ".join(a), " ".join(b), context=1000)
    assert " ".join(p.text for p in pieces if p.kind != "added").split() == a
    assert " ".join(p.text for p in pieces if p.kind != "removed").split() == b
    assert all(p.text for p in pieces)
