from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.test_execution_detail import TestExecutionDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    test_execution_id: UUID,
    *,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/test-executions/{test_execution_id}/".format(
            test_execution_id=quote(str(test_execution_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TestExecutionDetail | None:
    if response.status_code == 200:
        response_200 = TestExecutionDetail.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TestExecutionDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    test_execution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | TestExecutionDetail]:
    """Get an execution

     The execution's status and one page of its call rows. `status` is the execution's, lower case:
    `pending`, `running`, `evaluating`, `completed`, `failed`, `cancelling`, `cancelled` (an open set).
    An execution is `completed` when at least one call completed, so `completed` does not mean the agent
    passed. A page past the last one is a 200 with empty `results`. The open-source server answers an
    unknown execution id with a 500 "Failed to retrieve test execution: No TestExecution matches the
    given query."; the documentation says 404.

    Args:
        test_execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TestExecutionDetail]
    """

    kwargs = _get_kwargs(
        test_execution_id=test_execution_id,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    test_execution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | TestExecutionDetail | None:
    """Get an execution

     The execution's status and one page of its call rows. `status` is the execution's, lower case:
    `pending`, `running`, `evaluating`, `completed`, `failed`, `cancelling`, `cancelled` (an open set).
    An execution is `completed` when at least one call completed, so `completed` does not mean the agent
    passed. A page past the last one is a 200 with empty `results`. The open-source server answers an
    unknown execution id with a 500 "Failed to retrieve test execution: No TestExecution matches the
    given query."; the documentation says 404.

    Args:
        test_execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TestExecutionDetail
    """

    return sync_detailed(
        test_execution_id=test_execution_id,
        client=client,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    test_execution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | TestExecutionDetail]:
    """Get an execution

     The execution's status and one page of its call rows. `status` is the execution's, lower case:
    `pending`, `running`, `evaluating`, `completed`, `failed`, `cancelling`, `cancelled` (an open set).
    An execution is `completed` when at least one call completed, so `completed` does not mean the agent
    passed. A page past the last one is a 200 with empty `results`. The open-source server answers an
    unknown execution id with a 500 "Failed to retrieve test execution: No TestExecution matches the
    given query."; the documentation says 404.

    Args:
        test_execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TestExecutionDetail]
    """

    kwargs = _get_kwargs(
        test_execution_id=test_execution_id,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    test_execution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | TestExecutionDetail | None:
    """Get an execution

     The execution's status and one page of its call rows. `status` is the execution's, lower case:
    `pending`, `running`, `evaluating`, `completed`, `failed`, `cancelling`, `cancelled` (an open set).
    An execution is `completed` when at least one call completed, so `completed` does not mean the agent
    passed. A page past the last one is a 200 with empty `results`. The open-source server answers an
    unknown execution id with a 500 "Failed to retrieve test execution: No TestExecution matches the
    given query."; the documentation says 404.

    Args:
        test_execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TestExecutionDetail
    """

    return (
        await asyncio_detailed(
            test_execution_id=test_execution_id,
            client=client,
            page=page,
            limit=limit,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
