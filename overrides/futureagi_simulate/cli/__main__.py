"""``python -m futureagi_simulate.cli``: the same as the ``futureagi-simulate`` command."""

import sys

from . import main

sys.exit(main())
