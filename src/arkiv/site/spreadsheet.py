"""Öppna data som kalkylblad: arkiv.xlsx med ett blad per CSV-fil, svenska rubriker och ett blad som förklarar
kolumnerna och licensen. Skrivs med openpyxl.

The rows are the CSV files' rows (arkiv.site.export passes csv_rows and csv_columns in), cell for cell, so the two never
disagree; only the year and the round are written as numbers, and an empty cell stays empty. The file is the same bytes
for the same data on every Python: the workbook's core properties carry a fixed date (the data's last change, or the
archive's first year), and the zip is written again with one fixed time and order for every member.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from arkiv.record import model as m

FILE_NAME = "arkiv.xlsx"
# Per CSV file: what one row is, its columns with what each holds, and its rows (arkiv.site.export).
Tables = dict[str, tuple[str, tuple[tuple[str, str], ...], list[dict[str, str]]]]
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold: every member gets it
NUMBERS = frozenset({"year", "round"})  # columns written as numbers; every other cell is text, as in the CSV
WIDEST = 60  # characters: a longer text (a motivation) wraps in its cell instead
ABOUT_SHEET = "Om filen"

# One sheet per CSV file: the sheet's name.
SHEETS: dict[str, str] = {"vinnare.csv": "Vinnare", "deltagare.csv": "Deltagare", "juryer.csv": "Juryer",
                          "kallor.csv": "Källor", "personer.csv": "Personer"}

# Every CSV column's Swedish heading in the spreadsheet.
HEADINGS: dict[str, str] = {
    "year": "År", "award_name": "Utmärkelsens namn", "winner": "Vinnare", "kommunkoder": "Kommunkoder",
    "kommuner": "Kommuner", "motivation": "Juryns motivering", "sources": "Källor", "note": "Anmärkning",
    "url": "Adress i arkivet", "round": "Omgång", "round_label": "Omgångens namn", "stage": "Steg",
    "round_date": "Omgångens datum", "entrant": "Deltagare", "kommunkod": "Kommunkod", "kommun": "Kommun",
    "uncertain": "Osäker", "name": "Namn", "title": "Titel", "organisation": "Organisation", "chair": "Ordförande",
    "jury_complete": "Hela juryn känd", "id": "Id", "publisher": "Utgivare", "date": "Datum",
    "version": "Version", "archive_url": "Arkiverad kopia", "kind": "Slags källa", "years": "År med källan",
    "person": "Personnyckel", "role": "Roll", "identity_uncertain": "Osäker identitet", "page": "Personens sida",
}
# Where a column means something else in one file: the source's own address, whether the entrant won.
HEADINGS_IN: dict[str, dict[str, str]] = {"kallor.csv": {"url": "Adress till källan"},
                                          "deltagare.csv": {"winner": "Vann"}}


# A column's Swedish heading in one file's sheet.
def heading(name: str, column: str) -> str:
    return HEADINGS_IN.get(name, {}).get(column) or HEADINGS[column]


# A CSV cell as a spreadsheet cell: a number for the year and the round, nothing for an empty cell, otherwise text.
def _value(column: str, text: str) -> str | int | None:
    if text == "":
        return None
    return int(text) if column in NUMBERS else text


# A sheet's header row in bold and frozen, and each column as wide as its longest line (at most WIDEST).
def _shape(ws: Worksheet, columns: list[str], rows: list[list[str]]) -> None:
    for i, heading in enumerate(columns, 1):
        ws.cell(row=1, column=i).font = Font(bold=True)
        longest = max((len(line) for row in rows for line in row[i - 1].splitlines()), default=0)
        ws.column_dimensions[get_column_letter(i)].width = min(WIDEST, max(len(heading), longest) + 2)
    ws.freeze_panes = "A2"


# One table as a sheet: the Swedish headings, then the CSV's rows in the CSV's order.
def _table(wb: Workbook, name: str, columns: list[str], rows: list[dict[str, str]]) -> None:
    ws = wb.create_sheet(SHEETS[name])
    ws.append([heading(name, c) for c in columns])
    texts = [[row[c] for c in columns] for row in rows]
    for row in texts:
        ws.append([_value(c, t) for c, t in zip(columns, row, strict=True)])
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and len(cell.value) > WIDEST:
                cell.alignment = wrap
    _shape(ws, [heading(name, c) for c in columns], texts)


# The sheet that explains the file: the licence, then every column of every sheet with what it holds.
def _about(wb: Workbook, archive: m.Archive, tables: Tables, licence_url: str) -> None:
    ws = wb.create_sheet(ABOUT_SHEET, 0)
    ws.append(["Blad", "Kolumn", "Kolumnens namn i CSV-filen", "Vad kolumnen innehåller"])
    ws.append([ABOUT_SHEET, None, None,
               f"{archive.title}: samma uppgifter som CSV-filerna, ett blad per fil. Uppgifterna är märkta CC0 1.0 "
               f"({licence_url}): fria att använda. Undantag: juryns motiveringar och andra återgivna texter "
               f"återges ordagrant med källa; upphovsrätten till dem ligger kvar hos upphovspersonen."])
    for name, sheet in SHEETS.items():
        what, columns, _ = tables[name]
        ws.append([sheet, None, name, what])
        for column, meaning in columns:
            ws.append([sheet, heading(name, column), column, meaning])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cell in ws["D"]:
        cell.alignment = wrap
    texts = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(min_row=2, values_only=True)]
    _shape(ws, ["Blad", "Kolumn", "Kolumnens namn i CSV-filen", "Vad kolumnen innehåller"], texts)


# The zip again with every member in the same order, at the same time and with the same attributes, whatever the
# writer's clock and platform.
def _fixed_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0o600 << 16
            dst.writestr(info, src.read(name), compresslevel=9)
    return out.getvalue()


# arkiv.xlsx as bytes: the explaining sheet, then one sheet per CSV file. `tables`: for each CSV file, what a row is,
# its columns with their meaning, and its rows. `modified`: the data's last change (ISO date), written as the
# workbook's creation and change date; without it, 1 January of the archive's first year.
def workbook(archive: m.Archive, tables: Tables, licence_url: str, modified: str | None = None) -> bytes:
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    for name in SHEETS:
        _, columns, rows = tables[name]
        _table(wb, name, [c for c, _ in columns], rows)
    _about(wb, archive, tables, licence_url)
    stamp = dt.datetime.fromisoformat(modified) if modified else dt.datetime(archive.founded, 1, 1)
    props = wb.properties
    props.creator = props.lastModifiedBy = archive.title
    props.title, props.language = f"{archive.title}: öppna data", "sv"
    props.created = props.modified = stamp
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive_zip:
        ExcelWriter(wb, archive_zip).save()  # not save_workbook: it sets the change date to now
    return _fixed_zip(buf.getvalue())
