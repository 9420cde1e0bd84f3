from typing import Literal

CreateAgentDefinitionRequestCamelAgentType = Literal["text", "voice"]

CREATE_AGENT_DEFINITION_REQUEST_CAMEL_AGENT_TYPE_VALUES: set[
    CreateAgentDefinitionRequestCamelAgentType
] = {
    "text",
    "voice",
}


def check_create_agent_definition_request_camel_agent_type(
    value: str,
) -> CreateAgentDefinitionRequestCamelAgentType:
    if value in CREATE_AGENT_DEFINITION_REQUEST_CAMEL_AGENT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_AGENT_DEFINITION_REQUEST_CAMEL_AGENT_TYPE_VALUES!r}"
    )
