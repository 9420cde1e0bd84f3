"""The waits the client is told to take between polls and before a retry are recorded, not slept
(``sleeps``, tests/conftest.py), in every command test whose emulator moves on by itself: the command's
output and exit codes do not depend on them, and each would cost a test tens of milliseconds. Tests whose
execution must outlast a real ``--timeout`` (the ``manual`` emulators) keep the real waits, so that they
poll a few times and not in a tight loop."""

from __future__ import annotations

import pytest

_REAL_WAITS = {"manual", "manual_oss"}


@pytest.fixture(autouse=True)
def _no_client_sleeps(request: pytest.FixtureRequest) -> None:
    if not _REAL_WAITS & set(request.fixturenames):
        request.getfixturevalue("sleeps")
