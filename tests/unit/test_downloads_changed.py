"""The downloads a change gives new content (arkiv.tools.downloads_changed), on two small made-up builds."""

from __future__ import annotations

import json

from arkiv.tools import downloads_changed as dc


def site(root, winners: str, generated: str, updated: str, extra: dict | None = None):
    (root / "data").mkdir(parents=True)
    (root / "data" / "vinnare.csv").write_text(winners, encoding="utf-8")
    (root / "data" / "juryer.csv").write_text("ar,namn\n", encoding="utf-8")
    data = {"generated": generated, "data_modified": generated, "cycles": [1]}
    (root / "data" / "arkiv.json").write_text(json.dumps(data), encoding="utf-8")
    (root / "feed.xml").write_text(f"<feed><updated>{updated}</updated><entry>2023</entry></feed>", encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_only_what_a_reader_gets_counts(tmp_path):
    base = site(tmp_path / "base", "2023,Värmdö\n", "2026-01-01", "2026-01-01T00:00:00Z")
    same = site(tmp_path / "same", "2023,Värmdö\n", "2026-12-07", "2026-12-07T00:00:00Z")
    assert dc.compare(base, same) == []
    changed = site(tmp_path / "new", "2025,Nacka\n2023,Värmdö\n", "2026-12-07", "2026-12-07T00:00:00Z",
                   {"data/deltagare.csv": "ar,kommun\n"})
    assert dc.compare(base, changed) == [("data/deltagare.csv", "ny"), ("data/vinnare.csv", "ändrad")]
    text = dc.render("main", dc.compare(base, changed), len(dc.downloads(changed)))
    assert "## Filer att ladda ner som ändras jämfört med `main`" in text
    assert "- `data/vinnare.csv`: ändrad" in text
    assert "Ingen av de 4 filerna" in dc.render("main", [], 4)
