"""YAML read once, safely, with every key's line: the one way pathwalk reads standards and personas.

A project's YAML is input a careless or hostile hand may have written. PyYAML accepts things that
hurt later: an alias "bomb" (a few lines whose anchors expand to billions of nodes) that anything
walking the data then expands, a key given twice (the last silently wins), ``.nan``/``.inf`` budgets
that cannot be compared or written as JSON. The document is composed once (with libyaml's C parser
where present, which a 5 MB file needs), its node graph is checked for all three, and the data is
constructed from the same graph, so nothing is parsed twice and every error names a line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Nodes an alias may stand for, all aliases together: a real file reuses a few small anchors,
# a bomb needs millions.
ALIAS_BUDGET = 10_000
_FLOAT = "tag:yaml.org,2002:float"
_MERGE = "tag:yaml.org,2002:merge"


class YamlFileError(ValueError):
    """The file is not YAML pathwalk can use; the message starts with file:line."""


@dataclass
class Document:
    """A YAML file's data, with the line of every key path (``("defaults", "clicks")`` → 4)."""

    path: Path
    data: Any
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def line_of(self, keys: tuple[str, ...]) -> int:
        """The line of the longest known prefix of ``keys`` (0 when none is known)."""
        return next((self.lines[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in self.lines), 0)


def _finite(value: str) -> bool:
    """Whether a YAML float is a finite number (``.nan``, ``.inf`` and ``1e999`` are not)."""
    plain = value.lower().replace("_", "")
    if plain.lstrip("+-") in (".nan", ".inf"):
        return False
    try:
        return math.isfinite(float(plain))
    except ValueError:  # YAML 1.1's base-60 floats (1:30.5): finite by construction
        return True


class _Walk:
    """One pass over the node graph: lines, duplicate keys, non-finite numbers, alias expansion."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[tuple[str, ...], int] = {}
        self.seen: set[int] = set()
        self.sizes: dict[int, int] = {}
        self.aliased = 0

    def fail(self, node: yaml.Node, message: str) -> YamlFileError:
        return YamlFileError(f"{self.path}:{node.start_mark.line + 1}: {message}")

    def size(self, node: yaml.Node, within: frozenset[int] = frozenset()) -> int:
        """How many nodes ``node`` stands for once every alias inside it is expanded."""
        key = id(node)
        if key in self.sizes:
            return self.sizes[key]
        if key in within:
            raise self.fail(node, "an anchor refers to itself (a recursive alias); write the data out instead")
        inner = within | {key}
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += self.size(k, inner) + self.size(v, inner)
                if total > ALIAS_BUDGET:
                    break
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                total += self.size(v, inner)
                if total > ALIAS_BUDGET:
                    break
        self.sizes[key] = total
        return total

    def visit(self, node: yaml.Node, keys: tuple[str, ...]) -> None:
        if id(node) in self.seen:  # an alias: the same node object reached again
            self.aliased += self.size(node)
            if self.aliased > ALIAS_BUDGET:
                raise self.fail(node, f"aliases expand to more than {ALIAS_BUDGET} values (an alias bomb?); "
                                      "write the values out or use fewer anchors")
            return
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _FLOAT and not _finite(node.value):
                where = ".".join(keys) or "value"
                raise self.fail(node, f"{where}: {node.value} is not a number pathwalk can use; write a finite number")
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.visit(item, (*keys, str(index)))
        elif isinstance(node, yaml.MappingNode):
            first: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    self.visit(value_node, keys)
                    continue
                if isinstance(key_node, yaml.ScalarNode):
                    name = key_node.value
                    line = key_node.start_mark.line + 1
                    if name in first:
                        where = ".".join((*keys, str(name)))
                        raise self.fail(key_node, f"{where} is given twice (lines {first[name]} and {line}); "
                                                  "keep one")
                    first[name] = line
                    self.lines.setdefault((*keys, str(name)), line)
                    self.visit(value_node, (*keys, str(name)))
                else:
                    self.visit(key_node, keys)
                    self.visit(value_node, keys)


def load_yaml(path: Path, text: str) -> Document:
    """Compose ``text`` once, check it, and build its data; any problem raises one YamlFileError."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            walk = _Walk(path)
            if node is not None:
                walk.visit(node, ())
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlFileError(f"{path}{line}: not valid YAML ({problem}). Fix the syntax there.") from None
    except YamlFileError:
        raise
    except ValueError as exc:  # e.g. an integer past Python's digit limit
        raise YamlFileError(f"{path}: not valid YAML ({exc}). Fix the value.") from None
    return Document(path, data, walk.lines)


def read_yaml(path: Path, what: str) -> Document:
    """Read and load a YAML file; unreadable or non-UTF-8 files are a YamlFileError too."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlFileError(
            f"{path}: cannot read {what}: it is not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise YamlFileError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    return load_yaml(path, text)
