"""Vad en ändring gör med arkivet: två inlästa arkiv jämförs fält för fält, och skillnaden beskrivs på svenska.

The comparison walks the model's dataclasses generically (dataclasses.fields), so a field added to the model is
compared and described without a change here; labels.py gives it a Swedish name, or a plain one if it has none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from arkiv.record import model as m
from arkiv.record.model import DATE_FIELDS
from arkiv.templating import env
from arkiv.text import format_date, format_number
from arkiv.tools.labels import field_label
from arkiv.tools.worddiff import Piece, word_diff

# Fields that identify an item in a list, tried in order: a jury member by name, a source by id, a fact by its text.
KEY_FIELDS = ("id", "code", "name", "label", "question", "title", "text", "year", "date")
# Fields that identify a single nested record: when one of these changes, the record is another one, not an edit.
IDENTITY_FIELDS = ("id", "code", "name", "label", "question")
# Fields whose value names an item in a path or a list, tried in order.
SHOWN_FIELDS = ("own_name", "name", "label", "question", "title", "text", "id", "code", "year", "date")
# Archive fields that are not data of their own: the municipalities and the people are gathered from the cycles
# (what data/people.yaml says is compared as person_notes).
DERIVED = frozenset({"kommuner", "people"})
# Fields that point at records kept elsewhere (the municipality register): in a description they are only named.
REFERENCES = frozenset({"kommuner"})
SEQUENCES = (tuple, list)  # the model's lists are tuples; a list in a new field is compared the same way
LONG_TEXT = 80  # a changed text at least this long, or with a line break, is shown word by word
SHORT_NAME = 60  # an item's name in a path is cut to this many characters


@dataclass(frozen=True)
class Change:
    """One difference: where it is, what happened, and the value before and after, in words."""

    where: tuple[str, ...]  # labels from the top: ("juryn", "ledamöter", "Anna Andersson", "titel")
    kind: str  # "läggs till", "tas bort", "ändras" or "ny ordning"
    old: str = ""
    new: str = ""
    words: tuple[Piece, ...] = ()  # for a long text: what changed, word by word

    # The place as one line: "Juryn › ledamöter › Anna Andersson".
    @property
    def place(self) -> str:
        text = " › ".join(self.where)
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class CycleChanges:
    year: int
    status: str  # "nytt", "borttaget" or "ändrat"
    winner: str  # the winner's name, in the version that exists (the new one when both do)
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ArchiveChanges:
    cycles: tuple[CycleChanges, ...]  # newest first
    sources: tuple[Change, ...]
    award: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        return not (self.cycles or self.sources or self.award)


# Everything that differs between two archives: per cycle, per source and in the award's own facts.
def compare(old: m.Archive, new: m.Archive) -> ArchiveChanges:
    before = {c.year: c for c in old.cycles}
    after = {c.year: c for c in new.cycles}
    cycles = []
    for year in sorted(before.keys() | after.keys(), reverse=True):
        if year not in before:
            cycles.append(CycleChanges(year, "nytt", after[year].winner.name, _contents(after[year])))
        elif year not in after:
            cycles.append(CycleChanges(year, "borttaget", before[year].winner.name, ()))
        else:
            found = tuple(diff(before[year], after[year]))
            if found:
                cycles.append(CycleChanges(year, "ändrat", after[year].winner.name, found))
    award = []
    for f in dataclasses.fields(m.Archive):
        if f.name not in {"cycles", "sources"} | DERIVED:
            award += diff(getattr(old, f.name), getattr(new, f.name), (field_label(f.name),), f.name)
    return ArchiveChanges(tuple(cycles), tuple(_compare_sources(old.sources, new.sources)), tuple(award))


# Sources by id: added, removed, and each changed field of one that stays.
def _compare_sources(old: Mapping[str, m.Source], new: Mapping[str, m.Source]) -> list[Change]:
    out = [Change((f"källan {key}",), "tas bort", describe(old[key], omit={"id"})) for key in old if key not in new]
    for key, source in new.items():
        if key not in old:
            out.append(Change((f"källan {key}",), "läggs till", new=describe(source, omit={"id"})))
        else:
            out += diff(old[key], source, (f"källan {key}",))
    return out


# A new cycle field by field, as additions: what a reviewer needs to check against the sources.
def _contents(cycle: m.Cycle) -> tuple[Change, ...]:
    out = []
    for f in dataclasses.fields(cycle):
        value = getattr(cycle, f.name)
        if f.name != "year" and not _blank(value):
            out += diff(None, value, (field_label(f.name),), f.name)
    return tuple(out)


# The differences between two values of the model, found through their fields; name is the field they are in.
def diff(old, new, where: tuple[str, ...] = (), name: str = "") -> list[Change]:
    if old == new:
        return []
    if _blank(old) and isinstance(new, SEQUENCES):
        return [Change(where, "läggs till", new=describe(item, name)) for item in new]
    if _blank(new) and isinstance(old, SEQUENCES):
        return [Change(where, "tas bort", describe(item, name)) for item in old]
    if _blank(old):
        return [Change(where, "läggs till", new=describe(new, name))]
    if _blank(new):
        return [Change(where, "tas bort", describe(old, name))]
    if isinstance(old, SEQUENCES) and isinstance(new, SEQUENCES):
        return _diff_items(tuple(old), tuple(new), where, name)
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        out = []
        for key in dict.fromkeys([*old, *new]):
            out += diff(old.get(key), new.get(key), (*where, str(key)), name)
        return out
    if _same_record(old, new):
        out = []
        for f in dataclasses.fields(old):
            out += diff(getattr(old, f.name), getattr(new, f.name), (*where, field_label(f.name)), f.name)
        return out
    return [_changed(old, new, where, name)]


# A value that was replaced: long texts word by word, anything else as before and after.
def _changed(old, new, where: tuple[str, ...], name: str) -> Change:
    if isinstance(old, str) and isinstance(new, str) and _is_long(old, new) and name not in DATE_FIELDS:
        return Change(where, "ändras", old, new, word_diff(old, new))
    return Change(where, "ändras", describe(old, name), describe(new, name))


# Two lists: items matched by their key; removed, added and changed items, and the new order if it moved.
def _diff_items(old: tuple, new: tuple, where: tuple[str, ...], name: str) -> list[Change]:
    before, after = _keyed(old), _keyed(new)
    gone = [k for k in before if k not in after]
    came = [k for k in after if k not in before]
    out: list[Change] = []
    # A paragraph of text that was edited reads as one change, not as one removed and one added.
    if len(gone) == len(came) and all(_is_prose(before[g]) and _is_prose(after[c])
                                      for g, c in zip(gone, came, strict=True)):
        out = [_changed(before[g], after[c], where, name) for g, c in zip(gone, came, strict=False)]
        gone = came = []
    out += [Change(where, "tas bort", describe(before[k], name)) for k in gone]
    for key, item in after.items():
        if key in came:
            out.append(Change(where, "läggs till", new=describe(item, name)))
        elif key in before:
            out += diff(before[key], item, (*where, _short(shown(item))), name)
    kept_before = [k for k in before if k in after]
    kept_after = [k for k in after if k in before]
    if kept_before != kept_after:
        out.append(Change(where, "ny ordning", ", ".join(shown(before[k]) for k in kept_before),
                          ", ".join(shown(after[k]) for k in kept_after)))
    return out


# Items of a list by key, a repeated key numbered by occurrence so nothing is lost.
def _keyed(items: tuple) -> dict:
    out: dict = {}
    seen: dict = {}
    for item in items:
        key = _key(item)
        seen[key] = seen.get(key, -1) + 1
        out[(key, seen[key])] = item
    return out


# What identifies an item in a list: its first key field with a value, or the whole item.
def _key(item):
    if dataclasses.is_dataclass(item):
        for name in KEY_FIELDS:
            value = getattr(item, name, None)
            if value not in (None, ""):
                return (name, value)
    return item if _hashable(item) else repr(item)


# Whether two values are the same kind of record, with the same identity, so that their fields can be compared.
def _same_record(old, new) -> bool:
    if not (dataclasses.is_dataclass(old) and type(old) is type(new)):
        return False
    return all(getattr(old, f, None) == getattr(new, f, None) for f in IDENTITY_FIELDS)


# A value in words: a record by its name and details, a date in Swedish, a yes or no, a list item by item.
# omit: fields of a record to leave out, because the place already names them.
def describe(value, name: str = "", omit=frozenset()) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int):
        return str(value) if abs(value) < 10_000 else format_number(value)  # years and short numbers ungrouped
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, str):
        return _date(value) if name in DATE_FIELDS else value
    if isinstance(value, SEQUENCES):
        return ", ".join(describe(item, name) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {describe(item, name)}" for key, item in value.items())
    if dataclasses.is_dataclass(value):
        return _describe_record(value, omit)
    raise TypeError(f"Kan inte beskriva ett värde av typen {type(value).__name__} i arkivet.")


# A record as its name with its other filled-in fields after it: "Anna Andersson (titel: generaldirektör; …)".
def _describe_record(record, omit=frozenset()) -> str:
    head = shown(record)
    details = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if _blank(value) or value is False or f.name in omit:
            continue
        named_only = f.name in REFERENCES
        text = ", ".join(shown(v) if named_only else describe(v, f.name)
                         for v in (value if isinstance(value, SEQUENCES) else (value,)))
        if text != head:  # an entrant's one municipality is already in its name
            details.append(f"{field_label(f.name)}: {text}")
    if not head:
        return "; ".join(details)
    return f"{head} ({'; '.join(details)})" if details else head


# The name an item goes by: its first naming field with a value, else the record in brief.
def shown(item) -> str:
    if dataclasses.is_dataclass(item):
        for name in SHOWN_FIELDS:
            value = getattr(item, name, None)
            if value not in (None, ""):
                return describe(value, name)
        return ""
    return describe(item)


def _date(value: str) -> str:
    try:
        return format_date(value)
    except ValueError:
        return value


# Nothing there: None, an empty text, an empty list or an empty table.
def _blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, (*SEQUENCES, Mapping)) and not value)


def _is_long(old: str, new: str) -> bool:
    return max(len(old), len(new)) >= LONG_TEXT or "\n" in old + new


def _is_prose(value) -> bool:
    return isinstance(value, str) and " " in value.strip()


def _short(text: str) -> str:
    return text if len(text) <= SHORT_NAME else text[: SHORT_NAME - 1].rstrip() + "…"


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


# The changes as Swedish Markdown for a pull request's summary, or why they cannot be described.
def render(base: str, found: ArchiveChanges | None, base_problem: str = "", work_problem: str = "") -> str:
    return env().get_template("changes.md.j2").render(base=base, found=found, base_problem=base_problem,
                                                      work_problem=work_problem)
