"""``python -m glutetui``."""

from glutetui.cli import main

raise SystemExit(main())
