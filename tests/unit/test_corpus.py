"""The broken-data corpus (tests/corpus.yaml): each case is one small edit to the test archive that must stop
`arkiv check` with a located Swedish message (file, line, field), in the terminal and as a GitHub annotation.

Every case runs in this process through the check command's own function; two cases also run through a real
`mkdocs build --strict` (tests/build/test_broken_data_build.py), and the real command as a subprocess end to end
(tests/build/test_cli.py).
"""

from __future__ import annotations

import pytest

from corpus_cases import BUILD_CASES, CASES, EDITS, Expected, assert_reported, broken_archive


def test_corpus_table_is_well_formed():
    names = [case["case"] for case in CASES]
    assert len(names) == len(set(names)), "each case has its own name"
    assert len(CASES) >= 45
    assert set(BUILD_CASES) <= set(names)
    for case in CASES:
        assert set(case) <= {"case", "file", "error", "with", "encoding", *EDITS}, case["case"]
        assert sum(key in case for key in EDITS) == 1, f"{case['case']}: one edit per case"
        assert ("with" in case) == ("replace" in case), case["case"]
        exp = Expected.parse(case["error"])
        assert exp.file.startswith("data/") and exp.line >= 1 and exp.phrase, case["case"]


def test_fixture_archive_passes_check(small_archive, capsys):
    from arkiv.tools.cli import check

    assert check(small_archive) == 0
    out, err = capsys.readouterr()
    assert out == "Datan är i ordning: 3 utmärkelseår, 9 kommuner och 7 källor.\n" and err == ""


# The shapes other tests may count on: keep them when editing the fixture.
def test_fixture_archive_has_its_shapes(small_archive):
    from arkiv.reading.load import load_archive

    archive = load_archive(small_archive)
    by_year = {c.year: c for c in archive.cycles}
    assert list(by_year) == [2023, 2021, 2015]
    assert by_year[2015].award_name == "Sveriges IT-kommun" != by_year[2021].award_name == by_year[2023].award_name
    assert by_year[2015].jury is None and not by_year[2021].jury.complete and by_year[2023].jury.complete
    joint = [e for e in by_year[2023].entrants() if len(e.kommuner) > 1]
    assert [e.name for e in joint] == ["Mora, Orsa och Älvdalens kommuner"] and len(joint[0].kommuner) == 3
    assert len(by_year[2023].rounds) == 2 and by_year[2023].winner.name == "Värmdö kommun"


# Each case through `arkiv check --format github` in this process: the terminal report goes to the log (stderr, the
# same text as without --format, see tests/test_cli.py) and each problem becomes a workflow command on its line.
@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_check_reports_case(case, tmp_path, capsys, workflow_command):
    from arkiv.tools.cli import check

    exp = Expected.parse(case["error"])
    data = broken_archive(case, tmp_path / "data")
    assert check(data, "github") == 1
    out, report = capsys.readouterr()
    assert report.splitlines()[0].endswith("fel i datafilerna:")
    assert report.splitlines()[-1] == "Rätta felen och kör kontrollen igen."
    assert_reported(exp, report)
    commands = [workflow_command(line) for line in out.splitlines()]
    title = "Fel i filen" if exp.field == "(filen)" else f"Fel i fältet {exp.field}"
    hits = [message for kind, props, message in commands
            if kind == "error" and (props["file"], props["line"], props["title"]) == (exp.file, str(exp.line), title)
            and exp.phrase in message and int(props["col"]) >= 1]
    assert hits, f"no annotation at {exp.located} titled {title!r} with {exp.phrase!r}:\n{commands}"
