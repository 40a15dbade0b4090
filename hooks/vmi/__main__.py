"""``python -m vmi …``, the same as the ``vmi`` command: see ``vmi.cli``."""

import sys

from .cli import main

sys.exit(main())
