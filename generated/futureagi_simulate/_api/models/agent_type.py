from typing import Literal

AgentType = Literal["text", "voice"]

AGENT_TYPE_VALUES: set[AgentType] = {
    "text",
    "voice",
}


def check_agent_type(value: str) -> AgentType:
    if value in AGENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AGENT_TYPE_VALUES!r}"
    )
