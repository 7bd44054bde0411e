"""Allow ``python -m tui`` to behave exactly like the ``zhread`` command."""

from tui.cli import main

raise SystemExit(main())
