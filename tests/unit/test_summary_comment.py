"""The pull request's summary as one comment (arkiv.tools.summary_comment): the artifact read as untrusted text, the
comment posted once and then updated."""

from __future__ import annotations

import pytest

from arkiv.tools import summary_comment as sc


class Recorder:
    def __init__(self, comments=()):
        self.existing, self.calls = list(comments), []

    def comments(self, number):
        return self.existing

    def comment(self, number, body):
        self.calls.append(("comment", number, body))

    def edit_comment(self, comment_id, body):
        self.calls.append(("edit", comment_id, body))


def artifact(tmp_path, number="12", **parts):
    (tmp_path / "nummer.txt").write_text(number + "\n", encoding="utf-8")
    for name, text in parts.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_parts_come_in_order_under_one_heading_with_the_marker(tmp_path):
    folder = artifact(tmp_path, **{"2-andringar": "## Ändringar i arkivet jämfört med `main`", "1-kontroll": "## Fel",
                                   "3-sidor": "## Sidor som ändras"})
    number, body = sc.read(folder)
    assert number == 12
    assert body.startswith(sc.MARKER + "\n# Sammanfattning av pull requesten\n")
    assert body.index("## Fel") < body.index("## Ändringar") < body.index("## Sidor")
    assert "origin/" not in body


@pytest.mark.parametrize("number", ["0", "12; rm -rf /", "abc", "", "-1", "12345678901"])
def test_a_number_that_is_no_pull_request_number_is_refused(tmp_path, number):
    with pytest.raises(ValueError):
        sc.read(artifact(tmp_path, number, a="x"))


def test_a_planted_marker_cannot_take_over_another_comment_and_a_long_summary_is_cut(tmp_path):
    folder = artifact(tmp_path, a=sc.MARKER + "\n" + ("rad\n" * 30_000))
    _, body = sc.read(folder)
    assert body.count(sc.MARKER) == 1
    assert len(body) < 65_536 and body.rstrip().endswith("körningens Summary)")


def test_the_first_run_posts_and_the_next_updates_the_same_comment():
    api = Recorder([(1, "Ser bra ut!"), (2, "Citerar: " + sc.MARKER)])
    assert sc.post(api, 12, sc.MARKER + "\nförsta") == "ny"
    assert api.calls == [("comment", 12, sc.MARKER + "\nförsta")]
    api = Recorder([(1, "Ser bra ut!"), (5, sc.MARKER + "\nförsta"), (9, sc.MARKER + "\nen kopia")])
    assert sc.post(api, 12, sc.MARKER + "\nandra") == "uppdaterad"
    assert api.calls == [("edit", 5, sc.MARKER + "\nandra")]


def test_the_job_needs_only_the_standard_library(tmp_path):
    # pr-comment.yml installs nothing: the module must import with no site-packages (-S).
    import subprocess
    import sys
    from pathlib import Path
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run([sys.executable, "-S", "-c", "import arkiv.tools.summary_comment"], capture_output=True,
                            text=True, env={"PYTHONPATH": str(src)}, timeout=60)
    assert result.returncode == 0, result.stderr
