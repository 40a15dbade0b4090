"""``python -m vmi …``: see ``vmi.cli``."""

import sys

from .cli import main

sys.exit(main())
