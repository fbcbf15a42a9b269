"""Conversion of records and datasets to and from JSON, with converters the package owns and no caller can change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from centralasia import _convert
from centralasia._convert import configure_converter, dumps, loads, make_converter

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

__all__ = [
    "JSONValue",
    "configure_converter",
    "converter",
    "dumps",
    "loads",
    "make_converter",
]

# Re-exported by assignment: Sphinx documents a module's data from the #: comments
# of its own assignments. The comments repeat those of the definitions; keep the two in step.

#: Any value :func:`json.loads` returns.
JSONValue = _convert.JSONValue

#: A converter configured for centralasia, read-only; registering a hook on it or
#: setting an option raises :class:`~centralasia.ArgumentError`, and ``structure``
#: raises :class:`~centralasia.DataError` with paths, as :func:`loads` does. It is
#: not the one :func:`~centralasia.load` reads with; :func:`make_converter` (or
#: ``converter.copy()``) gives one of the caller's own to extend, which ``loads``
#: and ``dumps`` take as ``converter=``.
# Declared, not inferred: pyright --verifytypes would otherwise call its type ambiguous.
converter: JsonConverter = _convert.converter
