"""The request of `create_agent_version`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from urllib.parse import quote
from uuid import UUID

from ...models.create_agent_version_request_camel import CreateAgentVersionRequestCamel
from ...models.create_agent_version_request_snake import CreateAgentVersionRequestSnake
from ...types import UNSET, Unset


def build_request_kwargs(
    agent_id: UUID,
    *,
    body: CreateAgentVersionRequestCamel | CreateAgentVersionRequestSnake,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/simulate/agent-definitions/{agent_id}/versions/create/".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
    }

    if isinstance(body, CreateAgentVersionRequestCamel):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
