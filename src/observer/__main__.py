"""``python -m observer``: the command-line tracer."""

from observer.cli import main

raise SystemExit(main())
