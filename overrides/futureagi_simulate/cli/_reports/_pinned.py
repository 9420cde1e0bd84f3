"""What every report says of a run on a copy of the run test pinned to an agent version (``run
--agent-version`` / ``--new-agent-version``): the original run test, the copy, the agent version and the
commit. The run test the reports are about stays the original: its name is what CI keeps a case's
history by, while the copy is made and deleted for each run."""

from __future__ import annotations

import uuid
from typing import Any

import attrs

from ._outcome import RunTestName

__all__ = ["Pinned"]


@attrs.frozen(kw_only=True)
class Pinned:
    """A run on a copy of ``original`` pinned to an agent version. ``copy`` is None until the copy was
    made (a run that stopped before); ``agent_version_id`` None until the version is known (a version
    being created); ``commit`` the commit CI names (``GITHUB_SHA``, ``CI_COMMIT_SHA``), if any;
    ``kept``: ``--keep-run-test`` was given, so the copy is not deleted after the run."""

    original: RunTestName
    copy: RunTestName | None = None
    agent_version_id: uuid.UUID | None = None
    agent_version_name: str | None = None
    commit: str | None = None
    kept: bool = False
    deleted: bool | None = None
    left: str | None = None

    def version_label(self) -> str:
        """``name (id)``, the id alone, or ``a new version`` while it is not known."""
        if self.agent_version_id is None:
            return "a new agent version"
        if self.agent_version_name:
            return f"{self.agent_version_name} ({self.agent_version_id})"
        return str(self.agent_version_id)

    def document(self) -> dict[str, Any]:
        """The JSON report's ``pinned`` object."""
        return {
            "original_run_test_id": self.original.id,
            "original_run_test_name": self.original.name,
            "copy_run_test_id": self.copy.id if self.copy else None,
            "copy_run_test_name": self.copy.name if self.copy else None,
            "agent_version_id": self.agent_version_id,
            "agent_version_name": self.agent_version_name,
            "commit": self.commit,
            "copy_kept": self.kept,
            "copy_deleted": self.deleted,
            "copy_left_because": self.left,
        }

    def properties(self) -> list[tuple[str, str]]:
        """The JUnit suite's properties, each a string (empty when unknown)."""
        return [(key, "" if value is None else str(value)) for key, value in self.document().items()]

    def sentence(self) -> str:
        """One line for people: the version, the commit and the copy it ran on."""
        commit = f", commit {self.commit}" if self.commit else ""
        if self.copy is None:
            where = "no copy of the run test was made"
        else:
            where = f"on a copy of the run test, {self.copy.label()}, {self._fate()}"
        return f"Agent version {self.version_label()}{commit}: {where}."

    def _fate(self) -> str:
        if self.kept:
            return "kept (--keep-run-test)"
        if self.deleted:
            return "deleted"
        if self.deleted is False:
            return f"left: {self.left}" if self.left else "left"
        return "to be deleted once the reports are written"
