"""arkiv.xlsx beside the CSV files: it opens with openpyxl, each table's sheet has the CSV's rows cell for cell under
Swedish headings, a frozen header row and readable widths, a sheet explains every column and the licence, and the
same data gives the same bytes."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from arkiv.site import export, spreadsheet
from arkiv.site.lastmod import data_lastmod
from real_data import DATA, ROOT

pytestmark = pytest.mark.build


def csv_rows(site: Path, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((site / "data" / name).read_text(encoding="utf-8"))))


def check_workbook(site: Path, archive) -> None:
    path = site / "data" / spreadsheet.FILE_NAME
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [spreadsheet.ABOUT_SHEET, *spreadsheet.SHEETS.values()]
    about = [[c or "" for c in row] for row in wb[spreadsheet.ABOUT_SHEET].iter_rows(values_only=True)]
    assert "CC0 1.0" in about[1][3] and export.LICENCE_URL in about[1][3]
    for name, sheet in spreadsheet.SHEETS.items():
        ws = wb[sheet]
        header, *rows = csv_rows(site, name)
        assert [c.value for c in ws[1]] == [spreadsheet.heading(name, c) for c in header]
        assert len(set(c.value for c in ws[1])) == len(header), "each heading once in a sheet"
        got = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(min_row=2, values_only=True)]
        assert got == rows, sheet
        assert ws.freeze_panes == "A2" and all(c.font.b for c in ws[1])
        for i, heading in enumerate(ws[1], 1):
            width = ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
            assert len(str(heading.value)) < width <= spreadsheet.WIDEST + 2
        # The explaining sheet names every column of this sheet with the meaning the data page gives.
        meanings = {(r[0], r[2]): (r[1], r[3]) for r in about[2:]}
        for column, meaning in export.csv_columns(archive)[name]:
            assert meanings[(sheet, column)] == (spreadsheet.heading(name, column), meaning)
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {spreadsheet.ZIP_TIME}


def test_the_small_archive(small_site):
    site, archive = small_site
    check_workbook(site, archive)
    # The same data twice: the same bytes, and not the bytes of other data.
    rows = export.csv_rows(archive, "https://exempel.se/")
    columns = export.csv_columns(archive)
    tables = {n: (w, columns[n], rows[n]) for n, w in export.CSV_FILES.items()}
    first = spreadsheet.workbook(archive, tables, export.LICENCE_URL, "2024-01-02")
    assert first == spreadsheet.workbook(archive, tables, export.LICENCE_URL, "2024-01-02")
    assert first != spreadsheet.workbook(archive, tables, export.LICENCE_URL, "2024-01-03")
    assert openpyxl.load_workbook(io.BytesIO(first)).properties.modified.date().isoformat() == "2024-01-02"


def test_the_real_build(built_site, archive):
    check_workbook(built_site, archive)
    # Two builds of the same data: the published files again, in this process, give the built file's bytes.
    url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    again = export.published_files(archive, url, "x", data_lastmod(DATA.parent))[export.FOLDER + spreadsheet.FILE_NAME]
    assert again == (built_site / "data" / spreadsheet.FILE_NAME).read_bytes()
