from typing import Literal

ListScenariosAgentType = Literal["text", "voice"]

LIST_SCENARIOS_AGENT_TYPE_VALUES: set[ListScenariosAgentType] = {
    "text",
    "voice",
}


def check_list_scenarios_agent_type(value: str) -> ListScenariosAgentType:
    if value in LIST_SCENARIOS_AGENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_SCENARIOS_AGENT_TYPE_VALUES!r}"
    )
