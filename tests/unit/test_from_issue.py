"""`arkiv from-issue`: an issue body from the form "Nytt utmärkelseår" becomes the year's files in data/, or nothing
and every problem in Swedish, naming the form's field."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
import yaml

from arkiv.reading.load import load_archive
from arkiv.tools import cli
from arkiv.tools.issue import form
from issue_forms import ANSWERS, FIELDS, FORM_FILE, issue_body


@pytest.fixture
def project(small_archive: Path) -> Path:
    """A folder with the test archive as data/ and the form in .github/, as the workflow's checkout has them."""
    root = small_archive.parent
    (root / form.FORM).parent.mkdir(parents=True)
    shutil.copyfile(FORM_FILE, root / form.FORM)
    return root


# Every file under a folder with a digest of its content.
def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def run(project: Path, body: str, capsys) -> tuple[int, str, str]:
    path = project / "issue.md"
    path.write_text(body, encoding="utf-8")
    code = cli.main(["from-issue", str(path), "--data", str(project / "data"), "--form", str(project / form.FORM)])
    out = capsys.readouterr()
    path.unlink()
    return code, out.out, out.err


def test_the_fixture_answers_every_field_of_the_form():
    assert {f.id for f in FIELDS} == set(ANSWERS)
    assert form.answers(issue_body(), FIELDS) == {k: v.strip() for k, v in ANSWERS.items()}


def test_a_complete_body_writes_the_year_into_data_only(project, capsys):
    before = snapshot(project)
    code, out, err = run(project, issue_body(), capsys)
    assert code == 0, err
    after = snapshot(project)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert changed == ["data/award.yaml", "data/cycles/2025.yaml", "data/sources.yaml", "data/winners.yaml"]
    assert "data/cycles/2025.yaml" in out
    archive = load_archive(project / "data")
    year = archive.cycle(2025) if hasattr(archive, "cycle") else next(c for c in archive.cycles if c.year == 2025)
    assert year.winner.name == "Nacka kommun"
    assert year.motivation == ("En kommun som gör skillnad med mod och uthållighet.", "För ett arbete som visar vägen.")
    assert [[e.name for e in r.entrants] for r in year.rounds] == [
        ["Nacka kommun", "Värmdö kommun", "Staffanstorps kommun"], ["Nacka kommun", "Värmdö kommun"]]
    assert [(p.name, p.title, p.organisation, p.chair) for p in year.jury.members] == [
        ("Ada Ekström", "generaldirektör", "Exempelmyndigheten", True),
        ("Bert Lindqvist", "professor", "Exempeluniversitetet", False), ("Carin Holm", None, None, False)]
    assert year.jury.complete is True
    assert (year.ceremony.date, year.ceremony.venue, year.ceremony.city) == ("2025-11-11", "Exempelhallen", "Göteborg")
    assert (year.ceremony.presenter.name, year.ceremony.presenter.title) == ("Dan Strand", "civilminister")
    titles = {archive.sources[s].title for s in year.winner_sources}
    assert titles == {"Vinnaren av utmärkelsen 2025", "Nacka vann"}
    assert archive.next_fair is None  # moved into the year: the fair is no longer announced as coming
    assert year.event is not None and year.event.name == "Exempelmässan"


@pytest.mark.parametrize(("changes", "label", "words"), [
    ({"nominerade": "Nacka kommun\nVarmdo kommun"}, "Nominerade", "Varmdo kommun finns inte i kommunregistret"),
    ({"vinnare": "Borås stad", "finalister": None, "nominerade": None}, "Vinnare", "Skriv Borås Stad"),
    ({"vinnare": "Staffanstorp", "finalister": None, "nominerade": None}, "Vinnare", "Skriv Staffanstorps kommun"),
    ({"vinnare": "Staffanstorps kommun"}, "Finalister", "står inte bland finalister"),
    ({"motivering": None}, "Juryns motivering", "fältet är tomt"),
    ({"datum": "2025-02-30"}, "Prisutdelningens datum", "dagen 30 finns inte i februari 2025"),
    ({"datum": "11/13/2025"}, "Prisutdelningens datum", "månaden 13 finns inte"),
    ({"ar": "2024"}, "Utmärkelseår", "2024 är inget utmärkelseår"),
    ({"ar": "2023"}, "Utmärkelseår", "2023 finns redan i arkivet"),
    ({"kallor": "https://exempel.se/a"}, "Källor", "rad 1 saknar källans rubrik"),
    ({"jury": "Ada, a, b (ordförande)\nBo Berg (ordförande)"}, "Juryn", "Ledamot 1"),
])
def test_a_wrong_answer_names_its_field_and_writes_nothing(project, capsys, changes, label, words):
    before = snapshot(project)
    code, out, err = run(project, issue_body(**changes), capsys)
    assert code == 1
    assert snapshot(project) == before
    assert out == ""
    problem = next(line for line in err.splitlines() if words in line)
    assert problem.strip().startswith(f"- {label}:"), err
    assert "Inget skrevs" in err


def test_every_problem_comes_at_once(project, capsys):
    code, _, err = run(project, issue_body(vinnare="Borås stad", datum="kalas", kallor=None), capsys)
    assert code == 1
    assert [line.split(":")[0].strip() for line in err.splitlines()[1:]] == [
        "- Vinnare", "- Prisutdelningens datum", "- Källor"]


def test_a_date_as_people_write_it_is_written_as_the_archive_does(project, capsys):
    code, _, err = run(project, issue_body(datum="11/11/2025"), capsys)
    assert code == 0, err
    cycle = yaml.safe_load((project / "data" / "cycles" / "2025.yaml").read_text(encoding="utf-8"))
    assert cycle["ceremony"]["date"] == "2025-11-11"


HOSTILE = [
    "<script>alert(1)</script>",
    "{{ config }} och {% raw %}",
    "${{ secrets.GITHUB_TOKEN }}",
    "!!python/object/apply:os.system ['touch {marker}']",
    "nyckel: värde",
    "- en rad som ser ut som en lista",
    "# en rad som ser ut som en kommentar",
    "&ankare *alias",
]


def test_hostile_answers_stay_text_and_create_nothing(project, capsys, tmp_path):
    marker = tmp_path / "skapad"
    texts = [t.replace("{marker}", str(marker)) for t in HOSTILE]
    code, _, err = run(project, issue_body(motivering="\n\n".join(texts)), capsys)
    assert code == 0, err
    assert not marker.exists()
    row = yaml.safe_load((project / "data" / "winners.yaml").read_text(encoding="utf-8"))[0]
    assert row["motivation"] == texts
    archive = load_archive(project / "data")
    assert next(c for c in archive.cycles if c.year == 2025).motivation == tuple(texts)


def test_a_yaml_tag_in_an_answer_is_refused_nowhere_and_runs_nowhere(project, capsys, tmp_path):
    marker = tmp_path / "tagg"
    tag = f"!!python/object/apply:os.system ['touch {marker}']"
    code, _, err = run(project, issue_body(vinnare=tag), capsys)
    assert code == 1 and not marker.exists()
    assert "Vinnare:" in err


def test_standard_input_is_read_with_a_dash(project, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(issue_body()))
    code = cli.main(["from-issue", "-", "--data", str(project / "data"), "--form", str(project / form.FORM)])
    assert code == 0, capsys.readouterr().err
    assert (project / "data" / "cycles" / "2025.yaml").is_file()
