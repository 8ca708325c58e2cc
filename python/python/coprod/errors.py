"""The exceptions coprod raises: one hierarchy, one base class.

Every error of the Rust library (``coprod::Error``) reaches Python as one of
these, with the library's message unchanged: a bad input names its file, line,
column and value (``case/actors.csv:3 (column `kind`): unknown kind `partie` …``).

::

    CoprodError                      every coprod error
    ├── DataError(ValueError)        the data are invalid: a case directory, a
    │                                compact file, a graph from NetworkX
    ├── UsageError(ValueError)       a mistake in what was asked: an unknown case,
    │                                layer, actor, column, option or parameter
    ├── ModelError(ArithmeticError)  a model or measure could not be computed: no
    │                                convergence, separation, no MLE, degeneracy
    ├── FileError(OSError)           a file could not be read or written
    └── RenderError(RuntimeError)    a figure could not be drawn (Graphviz, fonts)

Each exception carries the fields of its (first) problem:

* ``kind``: the library's variant (``"UnknownKind"``, ``"Invalid"``, ...);
* ``file``, ``line``, ``column``: where, when known (``None`` otherwise);
* ``value``: the offending value, when there is one;
* ``problems``: every problem found, each a dict with ``message``, ``kind``,
  ``file``, ``line``, ``column`` and ``value`` (a loader reports all the
  problems of a file at once, as ``kind == "Invalid"``).

The class of an ``Invalid`` error is ``UsageError`` when every problem in it is
a usage mistake, else ``DataError``.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CoprodError",
    "DataError",
    "UsageError",
    "ModelError",
    "FileError",
    "RenderError",
]


class CoprodError(Exception):
    """Base class of every error coprod raises."""

    kind: str
    file: str | None
    line: int | None
    column: str | None
    value: str | None
    problems: list[dict[str, Any]]

    def __init__(self, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        d = details or {}
        self.message = message
        self.kind = d.get("kind", type(self).__name__)
        self.file = d.get("file")
        self.line = d.get("line")
        self.column = d.get("column")
        self.value = d.get("value")
        self.problems = list(d.get("problems", [])) or [
            {"message": message, "kind": self.kind, "file": self.file,
             "line": self.line, "column": self.column, "value": self.value}
        ]

    def __str__(self) -> str:
        return self.message


class DataError(CoprodError, ValueError):
    """The data are invalid (a case file, a compact file, a graph from NetworkX)."""


class UsageError(CoprodError, ValueError):
    """A mistake in what was asked: an unknown name or a parameter out of range."""


class ModelError(CoprodError, ArithmeticError):
    """A model or measure could not be computed (no convergence, separation, no MLE)."""


class FileError(CoprodError, OSError):
    """A file could not be read or written."""


class RenderError(CoprodError, RuntimeError):
    """A figure could not be drawn (Graphviz missing or failing, no font)."""
