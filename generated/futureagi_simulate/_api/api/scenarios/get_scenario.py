"""The request of `get_scenario`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from urllib.parse import quote
from uuid import UUID

from ...types import UNSET, Unset


def build_request_kwargs(
    scenario_id: UUID,
    *,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/scenarios/{scenario_id}/".format(
            scenario_id=quote(str(scenario_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs
