"""``python -m centralasia``: the command line."""

from centralasia.cli import main

raise SystemExit(main())
