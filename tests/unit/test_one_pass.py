"""Every error in one run: a syntax error in one file does not hide the schema errors of the others, and the report
says that the unread file may hold more."""

from __future__ import annotations

from pathlib import Path

import pytest

from arkiv.errors import DataErrors
from arkiv.reading.load import load_archive


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_syntax_error_and_schema_errors_in_two_other_files_come_in_one_run(small_archive):
    edit(small_archive / "cycles" / "2023.yaml", "  theme: Exempeltema\n", "  theme: Exempeltema: igen\n")
    edit(small_archive / "cycles" / "2021.yaml", "year: 2021\n", "year: 2021\nfärg: blå\n")
    edit(small_archive / "sources.yaml", '  date: "2023"\n', '  date: "2023/05"\n')
    with pytest.raises(DataErrors) as caught:
        load_archive(small_archive)
    report = caught.value.report()
    lines = report.splitlines()
    assert lines[0] == "3 fel i datafilerna:"
    assert any("data/cycles/2023.yaml:18:" in ln and "kolon följt av mellanslag mitt i en text" in ln for ln in lines)
    assert any("data/cycles/2021.yaml:" in ln and "okänt fält färg" in ln for ln in lines)
    assert any("data/sources.yaml:" in ln and "'2023/05' är inte ett datum" in ln for ln in lines)
    assert lines[-1].startswith("data/cycles/2023.yaml kunde inte läsas") and "fler fel" in lines[-1]


def test_a_file_that_reads_has_no_such_note(small_archive):
    edit(small_archive / "cycles" / "2021.yaml", "year: 2021\n", "year: 2021\nfärg: blå\n")
    with pytest.raises(DataErrors) as caught:
        load_archive(small_archive)
    assert "kunde inte läsas" not in caught.value.report()


def test_a_file_that_breaks_its_schema_still_has_its_sources_and_municipalities_checked(small_archive):
    # Three mistakes in one year's file: a date in another form (schema), a municipality in its short form and a
    # source that is not in sources.yaml (rules). All three in one run, not in two waves.
    cycle = small_archive / "cycles" / "2023.yaml"
    edit(cycle, '  start: "2023-11-21"\n', '  start: "21/11/2023"\n')
    edit(cycle, "      - Umeå kommun\n", "      - Umeå\n")
    edit(cycle, "      - Värmdö kommun\n    sources: [exempel-nominerade-2023]\n",
         "      - Värmdö kommun\n    sources: [exempel-ny-2023]\n")
    with pytest.raises(DataErrors) as caught:
        load_archive(small_archive)
    lines = caught.value.report().splitlines()
    assert lines[0] == "3 fel i datafilerna:", lines
    assert any(":14:" in ln and 'Skriv till exempel "2023-11-21"' in ln for ln in lines)
    assert any(":29:" in ln and "Umeå är inte skrivet som i kommunregistret. Skriv Umeå kommun" in ln for ln in lines)
    assert any("källan exempel-ny-2023 finns inte i data/sources.yaml" in ln for ln in lines)


def test_when_a_shared_file_breaks_the_years_are_still_looked_up(small_archive):
    edit(small_archive / "people.yaml", "- key:", "- nyckel:")
    edit(small_archive / "cycles" / "2023.yaml", "      - Umeå kommun\n", "      - Umea kommun\n")
    with pytest.raises(DataErrors) as caught:
        load_archive(small_archive)
    report = caught.value.report()
    assert "data/people.yaml" in report and "Umea kommun finns inte i kommunregistret" in report


# A source written as a number in a file that breaks its schema is the schema's error, not a crash of the checks that
# still look at that file's sources.
def test_a_source_that_is_no_text_is_a_schema_error(small_archive):
    text = (small_archive / "cycles" / "2021.yaml").read_text(encoding="utf-8")
    (small_archive / "cycles" / "2021.yaml").write_text(text.replace("sources: [exempel-2021]", "sources: [2021]", 1),
                                                         encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_archive(small_archive)
    assert "data/cycles/2021.yaml:14:" in caught.value.report()
