from typing import Literal

CreateAgentDefinitionRequestSnakeAgentType = Literal["text", "voice"]

CREATE_AGENT_DEFINITION_REQUEST_SNAKE_AGENT_TYPE_VALUES: set[
    CreateAgentDefinitionRequestSnakeAgentType
] = {
    "text",
    "voice",
}


def check_create_agent_definition_request_snake_agent_type(
    value: str,
) -> CreateAgentDefinitionRequestSnakeAgentType:
    if value in CREATE_AGENT_DEFINITION_REQUEST_SNAKE_AGENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_AGENT_DEFINITION_REQUEST_SNAKE_AGENT_TYPE_VALUES!r}"
    )
