"""A year from the form "Nytt utmärkelseår", through `arkiv from-issue`, passes the data check and the strict build,
and its page shows each answer, as text; in the pull request's preview its "Sidan bygger på" links open the pull
request's commit, where the new file exists."""

from __future__ import annotations

import html
import shutil

from archive_fixture import copy_archive
from arkiv.tools import cli
from arkiv.tools.issue import form
from issue_forms import ANSWERS, FORM_FILE, issue_body
from real_data import copy_project, mkdocs_build

COMMIT = "0123456789abcdef0123456789abcdef01234567"
MOTIVATION = "En kommun som <script>alert(1)</script> gör {{ config }} och ${{ secrets.X }}: !!python/name:os.system"


def test_a_year_from_the_form_builds_and_shows_each_answer(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "data")
    data = copy_archive(project / "data")
    (project / form.FORM).parent.mkdir(parents=True, exist_ok=True)
    body = tmp_path / "issue.md"
    body.write_text(issue_body(motivering=MOTIVATION), encoding="utf-8")
    shutil.copyfile(FORM_FILE, project / form.FORM)
    assert cli.main(["from-issue", str(body), "--data", str(data), "--form", str(project / form.FORM)]) == 0, \
        capsys.readouterr().err
    assert cli.main(["check", "--data", str(data)]) == 0
    # As the pull request's preview builds it: the data files' links open the pull request's commit.
    result = mkdocs_build(project, tmp_path / "site", ARKIV_SOURCE_REF=COMMIT)
    assert result.returncode == 0, result.stdout + result.stderr
    page = html.unescape((tmp_path / "site" / "2025" / "index.html").read_text(encoding="utf-8"))
    assert f"/blob/{COMMIT}/data/cycles/2025.yaml" in page and "/blob/main/" not in page
    assert "<script>alert(1)</script>" not in (tmp_path / "site" / "2025" / "index.html").read_text(encoding="utf-8")
    assert MOTIVATION in page
    shown = ["Nacka kommun", "Värmdö kommun", "Staffanstorps kommun", "Ada Ekström", "generaldirektör",
             "Exempelmyndigheten", "Bert Lindqvist", "Carin Holm", "11 november 2025", "Exempelhallen", "Göteborg",
             "Dan Strand", "civilminister", "Vinnaren av utmärkelsen 2025", "Nacka vann"]
    missing = [s for s in shown if s not in page]
    assert not missing, missing
    assert ANSWERS["ar"] in page
