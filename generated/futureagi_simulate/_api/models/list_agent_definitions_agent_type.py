from typing import Literal

ListAgentDefinitionsAgentType = Literal["text", "voice"]

LIST_AGENT_DEFINITIONS_AGENT_TYPE_VALUES: set[ListAgentDefinitionsAgentType] = {
    "text",
    "voice",
}


def check_list_agent_definitions_agent_type(
    value: str,
) -> ListAgentDefinitionsAgentType:
    if value in LIST_AGENT_DEFINITIONS_AGENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_AGENT_DEFINITIONS_AGENT_TYPE_VALUES!r}"
    )
