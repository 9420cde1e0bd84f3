"""The request of `create_agent_definition`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from uuid import UUID

from ...models.create_agent_definition_request_camel import (
    CreateAgentDefinitionRequestCamel,
)
from ...models.create_agent_definition_request_snake import (
    CreateAgentDefinitionRequestSnake,
)
from ...types import UNSET, Unset


def build_request_kwargs(
    *,
    body: CreateAgentDefinitionRequestCamel | CreateAgentDefinitionRequestSnake,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/simulate/agent-definitions/create/",
    }

    if isinstance(body, CreateAgentDefinitionRequestCamel):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
