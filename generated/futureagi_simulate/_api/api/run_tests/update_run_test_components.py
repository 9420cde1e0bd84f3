"""The request of `update_run_test_components`, as openapi.yaml declares it: see build_request_kwargs."""

from typing import Any
from urllib.parse import quote
from uuid import UUID

from ...models.update_run_test_components_request_camel import (
    UpdateRunTestComponentsRequestCamel,
)
from ...models.update_run_test_components_request_snake import (
    UpdateRunTestComponentsRequestSnake,
)
from ...types import UNSET, Unset


def build_request_kwargs(
    run_test_id: UUID,
    *,
    body: Unset
    | UpdateRunTestComponentsRequestCamel
    | UpdateRunTestComponentsRequestSnake = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    """The keyword arguments of ``httpx.Client.request`` for this operation: method, url and, as the
    document declares them, params, headers, cookies and the body. Sending it is the caller's business."""
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/simulate/run-tests/{run_test_id}/components/".format(
            run_test_id=quote(str(run_test_id), safe=""),
        ),
    }

    if isinstance(body, UpdateRunTestComponentsRequestCamel):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
