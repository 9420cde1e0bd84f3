"""The request of `list_run_tests`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from uuid import UUID

from ...models.list_run_tests_simulation_type import (
    ListRunTestsSimulationType,
)
from ...types import UNSET, Unset


def build_request_kwargs(
    *,
    search: str | Unset = UNSET,
    simulation_type: ListRunTestsSimulationType | Unset = UNSET,
    prompt_template_id: UUID | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    params["search"] = search

    json_simulation_type: str | Unset = UNSET
    if not isinstance(simulation_type, Unset):
        json_simulation_type = simulation_type

    params["simulation_type"] = json_simulation_type

    json_prompt_template_id: str | Unset = UNSET
    if not isinstance(prompt_template_id, Unset):
        json_prompt_template_id = str(prompt_template_id)
    params["prompt_template_id"] = json_prompt_template_id

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/run-tests/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
