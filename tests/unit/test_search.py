"""What the hook puts in the search index (arkiv.site.search): folded forms, key fields, a document per juror, the
jury's motivation as a section of its own, a year page's parts, the award's former names; and what it leaves alone:
every title and text a visitor sees in a preview."""

from __future__ import annotations

import json

import pytest

from arkiv.site.search import (
    BOOSTS,
    ENTRANTS,
    FOLDED,
    FORMER,
    NAMES,
    PARTS,
    PEOPLE,
    WINNER,
    Keys,
    folded_words,
    key_words,
    rewrite_index,
    space_cells,
)

THEME = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}


def index(*docs):
    return json.dumps({"config": {"lang": ["sv"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
                                  "fields": dict(THEME)}, "docs": list(docs)})


def rewrite(*docs, keys=None):
    return json.loads(rewrite_index(index(*docs), keys or {}))


def by_location(out):
    return {d["location"]: d for d in out["docs"]}


def test_every_added_field_is_declared_with_its_weight_and_the_theme_fields_stay():
    out = rewrite({"location": "om/", "title": "Om", "text": ""})
    fields = out["config"]["fields"]
    assert {k: fields[k] for k in THEME} == THEME
    assert {k: fields[k]["boost"] for k in BOOSTS} == BOOSTS
    # Names, people and entrants weigh like a title (people and entrants are in sections, which count 2/5 of a
    # page); a year's winner, on the page, less than the municipality's own page; folded forms like the text.
    title = THEME["title"]["boost"]
    assert BOOSTS[NAMES] == BOOSTS[PEOPLE] == BOOSTS[ENTRANTS] == title > BOOSTS[WINNER] > 2 / 5 * title
    assert BOOSTS[FOLDED] == THEME["text"]["boost"]


def test_folded_field_holds_each_changed_word_once_in_lower_case():
    out = rewrite({"location": "2023/", "title": "Värmdö kommun",
                   "text": "<p>Östersunds kommun och <b>Älvdalens</b> kommun, Östersunds</p>"})
    (doc,) = out["docs"]
    assert doc[FOLDED] == "varmdo ostersunds alvdalens"
    assert doc["title"] == "Värmdö kommun" and doc["text"].startswith("<p>Östersunds")


def test_plain_documents_get_no_folded_field():
    (doc,) = rewrite({"location": "om/", "title": "Om", "text": "Sveriges IT-kommun"})["docs"]
    assert FOLDED not in doc and set(doc) == {"location", "title", "text"}


def test_folded_words():
    assert folded_words("Värmdö, Värmdö och Malmö stad; Upplands-Väsby") == "varmdo malmo vasby"
    assert folded_words("Kalix kommun") == ""


def test_key_words_fold_and_leave_out_stop_words_and_given_words():
    assert key_words(["Lidingö stad"]) == "lidingö lidingo stad"
    assert key_words(["Lidingö stad"], common={"stad"}) == "lidingö lidingo"
    assert key_words(["Lidingö stad"], leave_out={"lidingö", "stad"}) == "lidingo"
    assert key_words(["Mora, Orsa och Älvdalens kommuner"], common={"kommuner"}) == "mora orsa älvdalens alvdalens"
    assert key_words(["Upplands-Bro kommun"], common={"kommun"}) == "upplands bro"


def test_a_name_of_only_stop_words_is_joined_so_the_index_keeps_it():
    # "vara" is a Swedish stop word: lunr drops it, but a query "vara" (vara*) still finds "varakommun".
    assert key_words(["Vara kommun"], common={"kommun"}) == "varakommun"
    assert key_words(["Vara kommun"], leave_out={"vara", "kommun"}) == "varakommun"


def test_a_page_title_without_a_a_o_weighs_like_the_title_a_section_title_like_the_text():
    out = rewrite({"location": "tillganglighet/", "title": "Tillgänglighetsredogörelse", "text": ""},
                  {"location": "2023/#halltider", "title": "Hålltider", "text": ""})
    page, section = out["docs"]
    assert page[NAMES] == "tillganglighetsredogorelse" and page[FOLDED] == "tillganglighetsredogorelse"
    # A section title's folded form only in the folded field: a query shorter than its first å, ä, ö ("ut" in a
    # phrase) would otherwise match the title word and its twin, and every section title would count twice.
    assert NAMES not in section and section[FOLDED] == "halltider"


def test_front_matter_topics_are_kept_even_when_the_title_has_them():
    (doc,) = rewrite({"location": "", "title": "Alla vinnare", "text": ""},
                     keys={"": Keys(topics=("vinnare",))})["docs"]
    assert doc[NAMES] == "vinnare"


def test_key_fields_leave_out_what_the_title_already_says():
    out = rewrite({"location": "kommuner/varmdo/", "title": "Värmdö kommun",
                   "text": "<p>Värmdö kommun i Stockholms län.</p>"},
                  keys={"kommuner/varmdo/": Keys(names=("Värmdö kommun",))})
    (doc,) = out["docs"]
    assert doc[NAMES] == "varmdo"  # "värmdö" and "kommun" are in the title, which weighs the same
    assert doc["title"] == "Värmdö kommun" and doc["text"] == "<p>Värmdö kommun i Stockholms län.</p>"


def test_year_page_gets_its_winner_and_the_awards_other_name_and_a_round_its_entrants():
    keys = {"2011/": Keys(names=("Sveriges IT-kommun", "Sveriges DigitaliseringsKommun"),
                          winner=("Upplands Väsby kommun",)),
            "2011/#omgang-1": Keys(entrants=("Ale kommun", "Stockholms stad"))}
    out = rewrite({"location": "2011/", "title": "Sveriges IT-kommun 2011", "text": "<p>Vinnare</p>"},
                  {"location": "2011/#omgang-1", "title": "Nominerade", "text": "<ul><li>Ale kommun</li></ul>"},
                  keys=keys)
    page, round_ = out["docs"]
    assert page[NAMES] == "digitaliseringskommun"
    assert page[WINNER] == "upplands väsby vasby"
    assert round_[ENTRANTS] == "ale stockholms"


def test_documents_without_keys_get_no_key_fields():
    (doc,) = rewrite({"location": "2011/#kallor", "title": "Källor", "text": "x"},
                     keys={"2011/": Keys(names=("a",))})["docs"]
    assert not {NAMES, WINNER, ENTRANTS, PEOPLE} & set(doc)


JURY = {"location": "2017/#jury", "title": "Jury",
        "text": "<ul> <li>Jörgen Westergren, director, PwC Sverige</li> <li>Åsa Zetterberg, Sveriges Kommuner och "
                "Landsting</li> <li>Bo Dahlbom</li> </ul> <p>Källa: [3]</p>"}
ITEMS = (("jury-jorgen-westergren", "Jörgen Westergren"), ("jury-asa-zetterberg", "Åsa Zetterberg"),
         ("jury-bo-dahlbom", "Bo Dahlbom"))


def test_each_juror_gets_a_document_at_their_anchor_after_the_jury_section():
    out = rewrite({"location": "2017/", "title": "Sveriges DigitaliseringsKommun 2017", "text": ""}, JURY,
                  keys={"2017/#jury": Keys(items=ITEMS)})
    locations = [d["location"] for d in out["docs"]]
    assert locations == ["2017/", "2017/#jury", "2017/#jury-jorgen-westergren", "2017/#jury-asa-zetterberg",
                         "2017/#jury-bo-dahlbom"]
    docs = by_location(out)
    assert docs["2017/#jury"]["text"] == JURY["text"], "the jury section itself is unchanged"
    westergren = docs["2017/#jury-jorgen-westergren"]
    assert westergren["title"] == "Jury: Jörgen Westergren"
    assert westergren["text"] == "<p>director, PwC Sverige</p>"
    assert westergren[NAMES] == "jorgen"  # the name is in the title; without å, ä, ö it weighs the same
    assert docs["2017/#jury-bo-dahlbom"]["text"] == "" and NAMES not in docs["2017/#jury-bo-dahlbom"]


def test_a_juror_the_list_does_not_name_where_expected_gets_no_document():
    out = rewrite(JURY, keys={"2017/#jury": Keys(items=(("jury-x", "Någon Annan"), *ITEMS[1:]))})
    assert [d["location"] for d in out["docs"]] == ["2017/#jury", "2017/#jury-asa-zetterberg", "2017/#jury-bo-dahlbom"]


def test_the_motivation_is_a_section_of_its_own_and_the_page_names_its_parts():
    page = {"location": "2009/", "title": "Sveriges IT-kommun 2009", "text": "<p>Vinnare: Falkenbergs kommun</p>"}
    motivation = {"location": "2009/#motivering", "title": "Juryns motivering", "text": "<p>”Falkenberg växer”</p>"}
    out = rewrite(page, motivation, keys={"2009/": Keys(parts=("motivering", "jury"))})
    docs = by_location(out)
    assert list(docs) == ["2009/", "2009/#motivering"]
    assert docs["2009/"][PARTS] == "motivering jury" and PARTS not in docs["2009/#motivering"]
    assert docs["2009/#motivering"][FOLDED] == "vaxer"
    assert out["config"]["fields"][PARTS]["boost"] == 1.0  # like the text: "jury" alone finds the page on the jury


def test_former_names_weigh_more_than_a_title():
    about = {"location": "om/", "title": "Om utmärkelsen", "text": ""}
    out = rewrite(about, keys={"om/": Keys(former=("Sveriges IT-kommun",))})
    assert out["docs"][0][FORMER] == "sveriges it kommun"
    assert out["config"]["fields"][FORMER]["boost"] > out["config"]["fields"]["title"]["boost"]


def test_section_people_hold_whole_names():
    section = {"location": "2017/#prisutdelning", "title": "Prisutdelning", "text": "Prisutdelare Peter Eriksson"}
    (doc,) = rewrite(section, keys={"2017/#prisutdelning": Keys(people=("Peter Eriksson",))})["docs"]
    assert doc[PEOPLE] == "peter eriksson"


@pytest.mark.parametrize("html, spaced", [
    ("<tr><td>2023</td><td>Värmdö</td></tr>", "<tr><td>2023</td> <td>Värmdö</td></tr>"),
    ("<dt>Datum</dt><dd>2 maj</dd><dt>Plats</dt>", "<dt>Datum</dt> <dd>2 maj</dd> <dt>Plats</dt>"),
    ("<th>År</th><th>Namn</th>", "<th>År</th> <th>Namn</th>"),
    ("<p>Vinnare</p><p>Värmdö</p>", "<p>Vinnare</p><p>Värmdö</p>"),
])
def test_cells_get_a_space_between_them(html, spaced):
    assert space_cells(html) == spaced
