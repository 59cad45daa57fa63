"""Strikt YAML-läsning: ger data och var i filen varje värde står, och fångar YAML:s fallgropar."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from arkiv.errors import DataError
from arkiv.reading import yamlsyntax

MAX_BYTES = 512 * 1024
PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


@dataclass
class Loaded:
    """A parsed file: its data, where each value and key starts, and its plain scalars' raw text."""

    file: str
    data: Any = None  # what the file holds; its shape is the schema's to check (schema.validate)
    positions: dict = field(default_factory=dict)  # path -> (line, column) of the value
    key_positions: dict = field(default_factory=dict)  # path -> (line, column) of the key
    raw: dict = field(default_factory=dict)  # path -> raw text of a plain scalar

    # Line and column for a path: the nearest enclosing value that was recorded.
    def where(self, path: tuple, key: bool = False) -> tuple[int, int]:
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    # A DataError located at a path of this file.
    def error(self, path: tuple, message: str, hint: str = "", key: bool = False) -> DataError:
        line, column = self.where(tuple(path), key=key)
        return DataError(self.file, line, column, tuple(path), message, hint)


class _AnchorRefused(yaml.YAMLError):
    def __init__(self, mark):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses anchors and aliases (no alias bombs)."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AnchorRefused(event.start_mark)
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_CLoader: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _LibyamlLoader(yaml.CSafeLoader):
        """libyaml's parser with the same resolvers: the fast path for files that turn out to be fine."""

    _LibyamlLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _CLoader = _LibyamlLoader


# Compose a clean file with libyaml (about ten times faster); None when anything is off, so the pure-Python
# loader reads it again and reports the problem with its own, tested messages.
def _fast_node(text: str) -> tuple[Node, yaml.CSafeLoader] | tuple[None, None]:
    if _CLoader is None:
        return None, None
    try:
        for event in yaml.parse(text, Loader=_CLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return None, None
        loader = _CLoader(text)
        try:
            node = loader.get_single_node()
            return (None, None) if node is None else (node, loader)
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return None, None


# Read one YAML file's bytes into a Loaded, or return the errors that stop it from being read.
def load_yaml(raw: bytes, file: str) -> tuple[Loaded | None, list[DataError]]:
    def fail(line: int, column: int, message: str, hint: str) -> tuple[None, list[DataError]]:
        return None, [DataError(file, line, column, (), message, hint, unread=True)]

    if len(raw) > MAX_BYTES:
        return fail(1, 1, f"filen är {len(raw) // 1024} kB, mer än gränsen {MAX_BYTES // 1024} kB.",
                    "Dela upp innehållet eller kontrollera att filen inte klistrats in flera gånger.")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail(1, 1, "filen börjar med ett byte order mark (BOM).",
                    "Spara filen som UTF-8 utan BOM (i VS Code: klicka på ”UTF-8 with BOM” i statusraden).")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(line, column, "filen är inte UTF-8.", "Spara filen med teckenkodningen UTF-8.")
    for lineno, text_line in enumerate(text.splitlines(), 1):
        if "\t" in text_line:
            return fail(lineno, text_line.index("\t") + 1, "filen innehåller ett tabbtecken.",
                        "YAML kräver mellanslag för indrag: ersätt tabben med mellanslag.")
    fast_node, fast_loader = _fast_node(text)
    if fast_node is not None and fast_loader is not None:
        loaded = Loaded(file)
        errors: list[DataError] = []
        loaded.data = _build(fast_node, (), loaded, fast_loader, errors)
        return (None if errors else loaded), errors
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except _AnchorRefused as exc:
        return fail(exc.mark.line + 1, exc.mark.column + 1,
                    "ankare och alias (&namn, *namn) används inte i arkivets filer.",
                    "Skriv ut värdet i sin helhet på varje ställe.")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "felaktig YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "another document" in problem:
            return fail(line, column, "filen innehåller flera dokument (skilda åt av ---).",
                        "Ta bort raden med --- och allt som ska stå i en annan fil.")
        said = yamlsyntax.explain(exc, text)
        return fail(said.line, said.column, said.message, said.hint)
    except yaml.YAMLError as exc:
        return fail(1, 1, f"YAML-syntaxfel: {exc}.", "Kontrollera filens format.")
    finally:
        loader.dispose()
    if node is None:
        return fail(1, 1, "filen är tom.", "Fyll i filen, eller ta bort den om den inte behövs.")
    loaded = Loaded(file)
    errors = []
    loaded.data = _build(node, (), loaded, loader, errors)
    return (None if errors else loaded), errors


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


# Turn a node into plain data, recording positions and refusing anchors, aliases, tags and duplicate keys.
def _build(node: Node, path: tuple, loaded: Loaded, loader: yaml.SafeLoader | yaml.CSafeLoader,
           errors: list[DataError]) -> Any:
    loaded.positions[path] = _pos(node)
    if not isinstance(node, ScalarNode) and node.tag not in PLAIN_TAGS:
        errors.append(DataError(loaded.file, *_pos(node), path, f"okänd YAML-tagg: {node.tag}.",
                                "Ta bort taggen (ordet som börjar med !)."))
        return None
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style:
                errors.append(DataError(loaded.file, *_pos(key_node), path, "sammanslagning med << används inte.",
                                        "Skriv ut fälten."))
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                errors.append(DataError(loaded.file, *_pos(key_node), path,
                                        f"fältnamnet {key_node.value} är inte text.",
                                        "Fältnamn skrivs med bokstäver, till exempel name:."))
                continue
            key = key_node.value
            if key in result:
                first = loaded.key_positions[(*path, key)]
                errors.append(DataError(loaded.file, *_pos(key_node), (*path, key),
                                        f"fältet {key} står två gånger (första gången på rad {first[0]}).",
                                        "Ta bort det ena; annars skulle bara det sista gälla."))
                continue
            loaded.key_positions[(*path, key)] = _pos(key_node)
            result[key] = _build(value_node, (*path, key), loaded, loader, errors)
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, (*path, i), loaded, loader, errors) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)  # a node is a mapping, a sequence or a scalar
    if not node.style:  # plain scalar (None from PyYAML, "" from libyaml)
        loaded.raw[path] = node.value
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        errors.append(DataError(loaded.file, *_pos(node), path, f"okänd YAML-tagg: {exc.problem}.",
                                "Ta bort taggen (ordet som börjar med !)."))
        return None
