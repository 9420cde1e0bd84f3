"""The emulator as a user's test tool: it names the operations it knows, refuses an advance mode it does
not know, and survives `-W error`."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import httpx
import pytest

from futureagi_simulate.testing import Emulator, Fault

SERVED = [
    "createRunTest",
    "executePromptSimulation",
    "executeRunTest",
    "getPromptSimulation",
    "listRunTests",
]


def test_the_emulator_lists_the_operations_it_serves(oss: Emulator) -> None:
    """`operations` holds every operationId the emulator routes, the ones this suite knows among them."""
    assert set(SERVED) <= set(oss.operations)
    assert oss.operations == sorted(oss.operations)


def test_inject_refuses_an_unknown_operation_naming_the_valid_ones(oss: Emulator) -> None:
    """A misspelt operation is a ValueError that suggests the close one and lists every valid one."""
    with pytest.raises(ValueError, match="'executeRunTests' is not an operation") as raised:
        oss.inject("executeRunTests", Fault.drop())
    message = str(raised.value)
    assert "did you mean 'executeRunTest'?" in message
    for operation in oss.operations:
        assert operation in message


def test_inject_still_takes_every_operation_and_the_wildcard(oss: Emulator) -> None:
    """Each served operationId and "*" can be armed."""
    for operation in [*oss.operations, "*"]:
        oss.inject(operation, Fault.server_error(503))


def test_request_count_refuses_an_unknown_operation(oss: Emulator) -> None:
    """Counting requests of an operation that does not exist is an error, not a silent zero."""
    with pytest.raises(ValueError, match="'listRunTest' is not one of"):
        oss.request_count("listRunTest")


def test_control_route_refuses_an_unknown_operation_and_arms_nothing(oss: Emulator) -> None:
    """POST /_emulator/faults with a bad operation is a 400 listing the valid ones; nothing is armed."""
    headers = {"X-Api-Key": oss.api_key, "X-Secret-Key": oss.secret_key}
    with httpx.Client(base_url=oss.url, headers=headers, timeout=10.0) as http:
        refused = http.post("/_emulator/faults", json={"operation": "listRuntests", "kind": "server_error"})
        assert refused.status_code == 400
        message = refused.json()["message"]
        assert "did you mean 'listRunTests'?" in message
        assert ", ".join(oss.operations) in message
        assert http.get("/simulate/run-tests/").status_code == 200


@pytest.mark.slow  # runs another interpreter
def test_the_emulator_serves_a_process_that_turns_warnings_into_errors() -> None:
    """Under `python -W error`, listing (with an empty search), creating and executing all succeed."""
    script = textwrap.dedent(
        """
        from futureagi_simulate import Selection, SimulateClient
        from futureagi_simulate.testing import Emulator

        for dialect in ("oss", "docs"):
            with Emulator(dialect=dialect) as emu:
                with SimulateClient(
                    api_key=emu.api_key, secret_key=emu.secret_key, base_url=emu.url, max_retries=0
                ) as client:
                    client.run_tests.list(search="")
                    assert len(list(client.run_tests.iter(search="a", page_size=1))) >= 1
                    created = client.run_tests.create(
                        name="w", agent_definition_id=emu.seed.agent_definition_ids[0],
                        scenario_ids=emu.seed.scenario_ids[:1],
                    )
                    client.run_tests.execute(created.id, selection=Selection.all())
                    client.prompt_simulations.get(emu.seed.prompt_template_id, emu.seed.prompt_run_test_id)
        print("served")
        """
    )
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "served"
    assert "Warning" not in done.stderr


def test_emulator_refuses_an_unknown_advance_mode() -> None:
    """advance must be on_read or manual."""
    with pytest.raises(ValueError, match="advance"):
        Emulator(advance="sometimes")  # type: ignore[arg-type]
