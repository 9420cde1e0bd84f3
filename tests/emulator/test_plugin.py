"""The pytest plugin's async client fixture under each async test runner a user may have.

Each case is a user's own suite, run by pytest in a subprocess under ``-W error`` (so a connection left
open on a closed event loop, a ResourceWarning, fails it): anyio's plugin alone, anyio's beside
pytest-asyncio, and pytest-asyncio in strict mode (where it runs only fixtures it declared itself) and in
auto mode (where it claims every async fixture, also for an anyio test).
"""

from __future__ import annotations

import textwrap

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


PLUGIN_CONFTEST = 'pytest_plugins = ["futureagi_simulate.testing.pytest_plugin"]\n'


@pytest.mark.slow  # runs pytest in a subprocess
def test_plugin_gives_an_emulator_and_bound_clients(pytester: pytest.Pytester) -> None:
    """With the one-line conftest, sync, async and environment fixtures reach a fresh emulator."""
    pytester.makeconftest(PLUGIN_CONFTEST)
    pytester.makepyfile(
        """
        import pytest
        from futureagi_simulate import APIConnectionError, Selection, SimulateClient
        from futureagi_simulate.testing import Fault

        def test_sync(simulate_emulator, simulate_client):
            page = simulate_client.run_tests.list()
            assert page.count == 3
            simulate_emulator.inject("executeRunTest", Fault.drop())
            with pytest.raises(APIConnectionError) as raised:
                simulate_client.run_tests.execute(
                    simulate_emulator.seed.run_test_id, selection=Selection.all()
                )
            assert raised.value.may_have_started
            assert simulate_emulator.execution_count(simulate_emulator.seed.run_test_id) == 1

        def test_each_test_gets_a_fresh_emulator(simulate_emulator):
            assert simulate_emulator.execution_count(simulate_emulator.seed.run_test_id) == 0

        @pytest.mark.anyio
        @pytest.mark.parametrize("anyio_backend", ["asyncio"])
        async def test_async(simulate_emulator, simulate_async_client):
            execution = await simulate_async_client.run_tests.execute(
                simulate_emulator.seed.run_test_id, selection=Selection.all()
            )
            assert execution.total_scenarios == 3

        def test_environment(simulate_environment):
            with SimulateClient() as client:
                assert client.base_url == simulate_environment.url
                assert client.run_tests.list().count == 3
        """
    )
    # pytest-asyncio, in the dev tools for the runners' test above, warns about its own unset option.
    result = pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider", "-p", "no:asyncio")
    result.assert_outcomes(passed=4)


@pytest.mark.slow  # runs pytest in a subprocess
def test_plugin_dialect_can_be_overridden(pytester: pytest.Pytester) -> None:
    """Overriding `simulate_dialect` in a conftest gives the documented dialect, and its casing."""
    pytester.makeconftest(
        PLUGIN_CONFTEST
        + textwrap.dedent(
            """
            import pytest

            @pytest.fixture
            def simulate_dialect():
                return "docs"
            """
        )
    )
    pytester.makepyfile(
        """
        from futureagi_simulate import Selection

        def test_docs(simulate_emulator, simulate_client):
            assert simulate_emulator.dialect == "docs"
            assert simulate_client.body_casing == "camel"
            execution = simulate_client.run_tests.execute(
                simulate_emulator.seed.run_test_id, selection=Selection.all()
            )
            assert execution.status == "pending"
            assert simulate_emulator.request_count("executeRunTest") == 1
        """
    )
    # pytest-asyncio, in the dev tools for the runners' test above, warns about its own unset option.
    result = pytester.runpytest_subprocess("-W", "error", "-p", "no:cacheprovider", "-p", "no:asyncio")
    result.assert_outcomes(passed=1)
