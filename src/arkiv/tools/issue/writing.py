"""Ett nytt år in i data/: årets fil, raden i winners.yaml, de nya källorna och next_fair flyttad till året.

Every value is written by PyYAML's emitter (yaml.safe_dump), never by formatting text, so an answer is always a
string in the file, whatever it holds. Only the places where a block goes are found in the files' text, so that
their comments stay.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from arkiv.slugs import slug
from arkiv.tools.issue.answers import NewYear

TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*:", re.MULTILINE)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes a list used twice out in full: the archive's files have no anchors or aliases."""

    def ignore_aliases(self, data) -> bool:
        return True

    # Items of a list indented under their key, as the archive's files write them.
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


# YAML text for data, as the archive's files write it: fields in order, Swedish letters as they are.
def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)


# An id for a source made from its address: kvalitetsmassan-se-vinnare-2025, never one already taken.
def source_id(address: str, taken: set[str]) -> str:
    parts = urlsplit(address)
    host = parts.netloc.lower().removeprefix("www.")
    base = slug(f"{host} {parts.path}")[:60].strip("-") or "kalla"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# The new sources' rows, and the id for each address (an address already in sources.yaml keeps its id).
def new_sources(new: NewYear, existing: list[dict]) -> tuple[list[dict], list[str]]:
    by_url = {row["url"]: row["id"] for row in existing if row.get("url")}
    taken = {row["id"] for row in existing}
    rows, ids = [], []
    for address, title in new.sources:
        if address in by_url:
            ids.append(by_url[address])
            continue
        sid = source_id(address, taken)
        taken.add(sid)
        by_url[address] = sid
        rows.append({"id": sid, "title": title, "url": address})
        ids.append(sid)
    return rows, list(dict.fromkeys(ids))


# The year's own file as data: what the form gave, each part with the year's sources, and the fair it knew of.
def cycle(new: NewYear, ids: list[str], fair: dict | None) -> dict:
    out: dict = {"year": new.year}
    rounds = []
    if new.nominees:
        rounds.append({"label": "nominerade", "stage": "nominerad", "entrants": new.nominees, "sources": ids})
    if new.finalists:
        stage = "finalist" if rounds else "nominerad"
        rounds.append({"label": "finalister", "stage": stage, "entrants": new.finalists, "sources": ids})
    if rounds:
        out["rounds"] = rounds
    if new.jury:
        out["jury"] = {"complete": new.jury_complete, "members": new.jury, "sources": ids}
    ceremony = {k: v for k, v in (("date", new.date), ("venue", new.venue), ("city", new.city),
                                  ("presenter", new.presenter)) if v}
    if ceremony:
        out["ceremony"] = {**ceremony, "sources": ids}
    if fair:
        out["event"] = {k: fair[k] for k in ("name", "start", "end", "venue", "city", "note", "sources") if k in fair}
        if fair.get("held"):
            out["facts"] = [fair["held"]]
    return out


# The year's row in winners.yaml.
def winners_row(new: NewYear, ids: list[str]) -> dict:
    return {"year": new.year, "winner": new.winner, "motivation": new.motivation, "sources": ids}


# winners.yaml with the new row first, above the newest year (the file's comments kept).
def insert_row(text: str, row: dict) -> str:
    block = dump([row]) + "\n"
    first = re.search(r"^- ", text, re.MULTILINE)
    at = first.start() if first else len(text)
    return text[:at] + block + text[at:]


# sources.yaml with the new rows added at its end.
def append_sources(text: str, rows: list[dict]) -> str:
    if not rows:
        return text
    return text.rstrip("\n") + "\n\n" + dump(rows).replace("\n- ", "\n\n- ")


# award.yaml without its top-level next_fair block and the comment right above it.
def drop_next_fair(text: str) -> str:
    start = re.search(r"^next_fair:", text, re.MULTILINE)
    if not start:
        return text
    following = TOP_KEY.search(text, start.end())
    end = following.start() if following else len(text)
    lines = text[:start.start()].split("\n")
    while len(lines) > 1 and lines[-2].startswith("#"):
        lines.pop(-2)
    return ("\n".join(lines).rstrip("\n") + "\n" + text[end:]).rstrip("\n") + "\n"


HEADER = ("# yaml-language-server: $schema=../schema/cycle.schema.json\n#\n"
          "# Sveriges DigitaliseringsKommun {year}. Skapad med `arkiv from-issue` ur ärendet med formuläret\n"
          "# Nytt utmärkelseår. Fler fält som kan fyllas i förklaras i filen som `arkiv new-cycle` skapar.\n\n")


# Write the year into a data folder: the files written, relative to it.
def write(data_dir: Path, new: NewYear, fair: dict | None) -> list[str]:
    sources_path, winners_path, award_path = (data_dir / n for n in ("sources.yaml", "winners.yaml", "award.yaml"))
    rows, ids = new_sources(new, yaml.safe_load(sources_path.read_text(encoding="utf-8")) or [])
    cycle_path = data_dir / "cycles" / f"{new.year}.yaml"
    cycle_path.write_text(HEADER.format(year=new.year) + dump(cycle(new, ids, fair)), encoding="utf-8")
    winners_path.write_text(insert_row(winners_path.read_text(encoding="utf-8"), winners_row(new, ids)),
                            encoding="utf-8")
    written = [f"cycles/{new.year}.yaml", "winners.yaml"]
    if rows:
        sources_path.write_text(append_sources(sources_path.read_text(encoding="utf-8"), rows), encoding="utf-8")
        written.append("sources.yaml")
    if fair:
        award_path.write_text(drop_next_fair(award_path.read_text(encoding="utf-8")), encoding="utf-8")
        written.append("award.yaml")
    return written
