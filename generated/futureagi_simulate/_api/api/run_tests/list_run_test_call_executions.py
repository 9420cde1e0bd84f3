"""The request of `list_run_test_call_executions`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from urllib.parse import quote
from uuid import UUID

from ...types import UNSET, Unset


def build_request_kwargs(
    run_test_id: UUID,
    *,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    search: str | Unset = UNSET,
    status: str | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["search"] = search

    params["status"] = status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/run-tests/{run_test_id}/call-executions/".format(
            run_test_id=quote(str(run_test_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
