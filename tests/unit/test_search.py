"""The search index gains forms without å, ä and ö; what visitors see in previews does not change."""

from __future__ import annotations

import json

from arkiv.search import FIELD, add_folded_forms


def index(*docs):
    return json.dumps({"config": {"lang": ["sv"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
                       "docs": list(docs)})


def test_folded_field_is_indexed_and_holds_words_without_diacritics():
    out = json.loads(add_folded_forms(index({"location": "2023/", "title": "Värmdö kommun",
                                             "text": "<p>Östersunds kommun och <b>Älvdalens</b> kommun</p>"})))
    assert out["config"]["fields"][FIELD] == {"boost": 1.0}
    (doc,) = out["docs"]
    assert doc[FIELD] == "Varmdo kommun Ostersunds kommun och Alvdalens kommun"
    assert doc["title"] == "Värmdö kommun" and doc["text"].startswith("<p>Östersunds")


def test_plain_ascii_documents_get_no_copy():
    out = json.loads(add_folded_forms(index({"location": "om/", "title": "Om", "text": "Sveriges IT-kommun"})))
    assert out["docs"][0][FIELD] == ""
