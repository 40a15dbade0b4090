"""``python -m vmi …``, the same as the ``vmi`` command: see ``vmi.cli.commands``."""

import sys

from vmi.cli.commands import main

sys.exit(main())
