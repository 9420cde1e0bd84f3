"""An execution's status as text, and the statuses that end it.

Apart from the results (``_results``, which re-exports both) so that the cost and the command's
``--dry-run`` read statuses without loading the results' models.
"""

from __future__ import annotations

__all__ = ["FINISHED_STATUSES", "normalise_status"]

#: Execution statuses after which nothing changes by itself (a rerun on the dashboard aside).
FINISHED_STATUSES = frozenset({"completed", "failed", "cancelled"})


def normalise_status(value: object) -> str:
    """A status as lower-case text: the server shows display forms (``"Pending"``) in some answers."""
    return value.strip().lower() if isinstance(value, str) else ""
