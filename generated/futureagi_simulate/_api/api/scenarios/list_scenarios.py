"""The request of `list_scenarios`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from uuid import UUID

from ...models.list_scenarios_agent_type import (
    ListScenariosAgentType,
)
from ...types import UNSET, Unset


def build_request_kwargs(
    *,
    search: str | Unset = UNSET,
    agent_definition_id: UUID | Unset = UNSET,
    agent_type: ListScenariosAgentType | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    params["search"] = search

    json_agent_definition_id: str | Unset = UNSET
    if not isinstance(agent_definition_id, Unset):
        json_agent_definition_id = str(agent_definition_id)
    params["agent_definition_id"] = json_agent_definition_id

    json_agent_type: str | Unset = UNSET
    if not isinstance(agent_type, Unset):
        json_agent_type = agent_type

    params["agent_type"] = json_agent_type

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/scenarios/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
