"""Quick start: create a run test, list it, execute it three ways, follow an execution to its verdict,
read and run a prompt simulation.

`make demo` runs this against the emulator, which fills in every variable below. To run it against the
real API instead, set them yourself:

    FI_API_KEY=... FI_SECRET_KEY=... \\
    FI_DEMO_AGENT_DEFINITION_ID=<agent> FI_DEMO_SCENARIO_IDS=<id>,<id> \\
    FI_DEMO_PROMPT_TEMPLATE_ID=<template> FI_DEMO_PROMPT_RUN_TEST_ID=<prompt simulation> \\
    .venv-demo/bin/python examples/quickstart.py     (.venv-demo: made by one `make demo`)

(it creates one run test and starts four executions, which start real calls). `make demo` then runs
the same check the way CI would, with the `futureagi-simulate run` command.
"""

from __future__ import annotations

import os
import sys
import uuid

from futureagi_simulate import (
    FutureAGIError,
    NotFoundError,
    Selection,
    SimulateClient,
    Thresholds,
)


def _env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        sys.exit(f"quickstart: set {name} (see the top of examples/quickstart.py), or run 'make demo'")
    return value


def _step(title: str) -> None:
    print(f"\n== {title}")


# What each emulated dialect means for the calls below (set by `python -m futureagi_simulate.testing`).
_DIALECTS = {
    "oss": (
        "The emulator plays the open-source server ('oss' dialect): execute bodies in snake_case,\n"
        "answers wrapped as {status: true, result}. The client's first execute is sent in camelCase;\n"
        "the server refuses those keys with a 400 before anything runs, and the client switches to\n"
        "snake_case for good. 'make demo DIALECT=docs' plays the documented hosted API instead."
    ),
    "docs": (
        "The emulator plays the hosted API as documented ('docs' dialect): camelCase execute bodies,\n"
        "answers wrapped as {status: \"success\", data}. 'make demo' plays the open-source server."
    ),
}

# Why "all but" is carried out by the client on this server.
_ALL_EXCEPT = (
    "  why: this server's run-test execute ignores select_all whenever scenario ids are sent, so\n"
    "  'every scenario but these' sent as is would run exactly 'these'. The client read the run\n"
    "  test's scenarios and sent only the others; Execution.scenario_ids shows what runs."
)


def main() -> int:
    agent = _env("FI_DEMO_AGENT_DEFINITION_ID")
    scenarios = _env("FI_DEMO_SCENARIO_IDS").split(",")
    template = _env("FI_DEMO_PROMPT_TEMPLATE_ID")
    prompt_run_test = _env("FI_DEMO_PROMPT_RUN_TEST_ID")

    # Credentials and the base URL come from FI_API_KEY, FI_SECRET_KEY and FI_BASE_URL.
    with SimulateClient() as client:
        print(f"futureagi-simulate quick start against {client.base_url}")
        dialect = os.environ.get("FI_EMULATOR_DIALECT", "")
        if dialect in _DIALECTS:
            print(_DIALECTS[dialect])

        _step("Create a run test")
        run = client.run_tests.create(
            name="Quick start",
            agent_definition_id=agent,
            scenario_ids=scenarios,
            description="From the demo.",
        )
        print(f"created {run.name!r}  id {run.id}  with {len(run.scenarios or [])} scenarios")

        _step("List run tests (newest first)")
        page = client.run_tests.list(limit=3)
        print(f"{page.count} run tests in all; the first {len(page.results)}:")
        for listed in page.results:
            print(f"  - {listed.name}  ({listed.source_type})")
        every = list(client.run_tests.iter(page_size=2))
        print(f"iterating page by page (2 per page) reached all {len(every)}")

        _step("Execute the run test")
        started = []
        for label, selection in (
            ("every scenario", Selection.all()),
            ("only the first scenario", Selection.only(scenarios[:1])),
            ("all but the first scenario", Selection.all_except(scenarios[:1])),
        ):
            execution = client.run_tests.execute(run.id, selection=selection)
            started.append(execution)
            print(
                f"{label:<28} execution id {execution.execution_id}  status {execution.status}"
                f"  scenarios {execution.total_scenarios}"
            )
            if selection.is_all_except and dialect == "oss":
                print(_ALL_EXCEPT)

        _step("Follow the first execution to its verdict")
        first = started[0]
        # The emulator moves an execution one stage per poll; against the real API, keep the defaults.
        state = client.executions.wait(
            first.execution_id,
            timeout=600,
            poll_interval=float(os.environ.get("FI_DEMO_POLL_INTERVAL", "2")),
            on_progress=lambda s: print(f"  {s.status:<11} {s.finished_calls} of {s.total_calls} calls done"),
        )
        verdict = client.executions.report(
            first.execution_id,
            run_test_id=first.run_test_id,
            thresholds=Thresholds(max_failed_calls=0),
            expected_scenario_ids=first.scenario_ids,
        )
        print(f"execution {state.status}; verdict {'PASSED' if verdict.passed else 'FAILED'}")
        for reason in verdict.reasons:
            print(f"  - {reason}")

        _step("Read and execute a prompt simulation")
        simulation = client.prompt_simulations.get(template, prompt_run_test)
        print(f"{simulation.name!r} has {len(simulation.scenarios or [])} scenarios")
        execution = client.prompt_simulations.execute(
            template, prompt_run_test, selection=Selection.all_except((simulation.scenarios or [])[:1])
        )
        print(
            f"all but the first: execution id {execution.execution_id}  scenarios {execution.total_scenarios}"
        )

        _step("Handle an error")
        missing = uuid.uuid4()
        try:
            client.run_tests.execute(missing, selection=Selection.all())
        except NotFoundError as error:
            print(f"unknown run test {missing}: {type(error).__name__} {error.status_code}: {error.message}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except FutureAGIError as failure:
        sys.exit(f"quickstart failed: {type(failure).__name__}: {failure}")
