"""Values shown in messages: cut to a few dozen characters, control and format characters escaped."""

from __future__ import annotations

__all__ = ["WIDTH", "printable", "shown"]

#: How many characters of a value a message shows.
WIDTH = 40


def printable(text: str, limit: int | None = None) -> str:
    """*text* with every character that is not printable escaped (``\\n``, ``\\x1b``, ``\\u200b``), cut to *limit* characters.

    So that a value in a message can neither break it over lines nor send escape
    sequences to a terminal, and a huge value cannot make a huge message.

    Examples
    --------
    >>> printable("bad\\nkey\\x1b[2J")
    'bad\\\\nkey\\\\x1b[2J'
    >>> printable("x" * 100, 10)
    'xxxxxxxxxx…'
    """
    cut = text if limit is None else text[:limit]
    if not cut.isprintable():
        cut = "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)
    return cut if limit is None or len(text) <= limit else f"{cut}…"


def shown(value: object, width: int = WIDTH) -> str:
    """``repr(value)`` cut to about *width* characters (with ``…`` when cut), never raising.

    Examples
    --------
    >>> shown("KAZ")
    "'KAZ'"
    >>> shown("X" * 10_000_000)
    "'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX…"
    """
    if isinstance(value, str) and len(value) > width:
        value = value[: width + 1]  # never build the repr of a huge string
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__: name the type instead
        text = f"<{type(value).__name__}>"
    return printable(text, width)
