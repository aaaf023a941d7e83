"""Allows ``python -m teikit`` wherever the console script is not on PATH."""

from teikit.cli import main

raise SystemExit(main())
