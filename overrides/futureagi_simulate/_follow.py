"""Kept until the command imports ``_resources.executions``: ``cli/`` reads these two names from here.

The flows after execute live in ``_resources/executions.py`` now; nothing in the library imports this.
"""

from ._resources.executions import GOES_ON, check_wait_arguments

__all__ = ["GOES_ON", "check_wait_arguments"]
