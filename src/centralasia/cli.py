"""The ``centralasia`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from centralasia.errors import CentralAsiaError
from centralasia.loader import load
from centralasia.model import Dataset

__all__ = ["main"]


def _summary(ds: Dataset) -> str:
    width = max(len(name) for name in Dataset.COLLECTIONS)
    lines = ["centralasia: the article dataset"]
    for name in Dataset.COLLECTIONS:
        lines.append(f"  {name.replace('_', ' '):<{width}}  {len(getattr(ds, name)):>3}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 bad data, 2 bad usage)."""
    parser = argparse.ArgumentParser(prog="centralasia", description=__doc__)
    parser.parse_args(argv)
    try:
        print(_summary(load()))
    except CentralAsiaError as exc:
        print(f"centralasia: {exc}", file=sys.stderr)
        return 1
    return 0
