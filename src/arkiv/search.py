"""Sökindexet: lägger till former utan å, ä, ö så att ”varmdo” hittar Värmdö."""

from __future__ import annotations

import json

from markupsafe import Markup

from .text import fold

FIELD = "folded"


# Rewrite mkdocs-material's search_index.json text: every document gains a field with its words folded.
def add_folded_forms(index_json: str) -> str:
    index = json.loads(index_json)
    index["config"].setdefault("fields", {"title": {"boost": 1000.0}, "text": {"boost": 1.0}})
    index["config"]["fields"][FIELD] = {"boost": 1.0}
    for doc in index["docs"]:
        words = f"{doc.get('title', '')} {Markup(doc.get('text', '')).striptags()}"
        folded = fold(words)
        doc[FIELD] = folded if folded != words else ""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
