from typing import Literal

ListRunTestsSimulationType = Literal["agent_definition", "prompt"]

LIST_RUN_TESTS_SIMULATION_TYPE_VALUES: set[ListRunTestsSimulationType] = {
    "agent_definition",
    "prompt",
}


def check_list_run_tests_simulation_type(value: str) -> ListRunTestsSimulationType:
    if value in LIST_RUN_TESTS_SIMULATION_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_RUN_TESTS_SIMULATION_TYPE_VALUES!r}"
    )
