"""The request of `get_eval_summary_comparison`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from urllib.parse import quote
from uuid import UUID

from ...types import UNSET, Unset


def build_request_kwargs(
    run_test_id: UUID,
    *,
    execution_ids: str,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    params["execution_ids"] = execution_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/run-tests/{run_test_id}/eval-summary-comparison/".format(
            run_test_id=quote(str(run_test_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
