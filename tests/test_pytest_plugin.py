"""The pytest plugin's async client fixture under each async test runner a user may have.

Each case is a user's own suite, run by pytest in a subprocess under ``-W error`` (so a connection left
open on a closed event loop, a ResourceWarning, fails it): anyio's plugin alone, anyio's beside
pytest-asyncio, and pytest-asyncio in strict mode (where it runs only fixtures it declared itself) and in
auto mode (where it claims every async fixture, also for an anyio test).
"""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

pytestmark = pytest.mark.slow  # runs pytest in a subprocess

CONFTEST = """
import pytest

pytest_plugins = ["futureagi_simulate.testing.pytest_plugin"]


@pytest.fixture
def anyio_backend():
    return "asyncio"
"""

# The user's tests, with the marker each runner asks for put where MARK is.
TESTS = """
import pytest
from futureagi_simulate import Selection, Thresholds


{mark}
async def test_a_page(simulate_emulator, simulate_async_client):
    page = await simulate_async_client.run_tests.list()
    assert page.count == 3


{mark}
async def test_execute_wait_and_judge(simulate_emulator, simulate_async_client):
    run_test = simulate_emulator.seed.run_test_id
    execution = await simulate_async_client.run_tests.execute(run_test, selection=Selection.all())
    await simulate_async_client.executions.wait(execution.execution_id, timeout=60, poll_interval=0.01)
    verdict = await simulate_async_client.executions.report(
        execution.execution_id, run_test_id=execution.run_test_id, thresholds=Thresholds()
    )
    assert verdict.passed
"""

# pytest-asyncio's own option, set so that its deprecation warning about it does not fail -W error.
LOOP_SCOPE = ["-o", "asyncio_default_fixture_loop_scope=function"]


@pytest.mark.parametrize(
    ("mark", "options"),
    [
        ("@pytest.mark.anyio", ["-p", "no:asyncio"]),
        ("@pytest.mark.anyio", [*LOOP_SCOPE, "-o", "asyncio_mode=strict"]),
        ("@pytest.mark.asyncio", [*LOOP_SCOPE, "-o", "asyncio_mode=strict"]),
        ("", [*LOOP_SCOPE, "-o", "asyncio_mode=auto"]),
        ("@pytest.mark.anyio", [*LOOP_SCOPE, "-o", "asyncio_mode=auto"]),
        ('@pytest.mark.asyncio(loop_scope="module")', [*LOOP_SCOPE, "-o", "asyncio_mode=strict"]),
    ],
    ids=[
        "anyio",
        "anyio-beside-pytest-asyncio",
        "pytest-asyncio-strict",
        "pytest-asyncio-auto",
        "anyio-in-auto",
        "pytest-asyncio-one-loop-per-module",
    ],
)
def test_the_async_client_fixture_works_under_each_runner(
    pytester: pytest.Pytester, mark: str, options: list[str]
) -> None:
    """Two async tests using simulate_async_client pass, with no warning, under the runner's own rules."""
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_user=TESTS.format(mark=mark))
    result = pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider", *options)
    result.assert_outcomes(passed=2)
