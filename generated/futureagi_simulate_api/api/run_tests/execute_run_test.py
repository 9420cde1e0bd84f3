from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.execute_run_test_request_camel import ExecuteRunTestRequestCamel
from ...models.execute_run_test_request_snake import ExecuteRunTestRequestSnake
from ...models.execution_snake import ExecutionSnake
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_test_id: UUID,
    *,
    body: ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/simulate/run-tests/{run_test_id}/execute/".format(
            run_test_id=quote(str(run_test_id), safe=""),
        ),
    }

    if isinstance(body, ExecuteRunTestRequestCamel):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ExecutionSnake | None:
    if response.status_code == 200:
        response_200 = ExecutionSnake.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

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
) -> Response[Error | ExecutionSnake]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | ExecutionSnake]:
    """Execute a run test

     Starts one execution of the run test over the selected scenarios and answers at once with status
    `started`; the calls run afterwards. The body is camelCase in the documented dialect and snake_case
    on the open-source server (see the document's description). The open-source server ignores
    `select_all` when ids are given and runs exactly those ids, so "all except" cannot be expressed
    to it on this endpoint. An empty final selection is a 400 "No scenarios"; a selected scenario that
    is not `Completed` is a 400 "Scenarios incomplete". An unknown `simulator_id` silently falls back to
    the run test's own simulator. A 400 is not always the caller's fault: the server answers a failure
    to reach its workflow engine with a `validation_error` 400 too.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExecutionSnake]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
        body=body,
        x_workspace_id=x_workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | ExecutionSnake | None:
    """Execute a run test

     Starts one execution of the run test over the selected scenarios and answers at once with status
    `started`; the calls run afterwards. The body is camelCase in the documented dialect and snake_case
    on the open-source server (see the document's description). The open-source server ignores
    `select_all` when ids are given and runs exactly those ids, so "all except" cannot be expressed
    to it on this endpoint. An empty final selection is a 400 "No scenarios"; a selected scenario that
    is not `Completed` is a 400 "Scenarios incomplete". An unknown `simulator_id` silently falls back to
    the run test's own simulator. A 400 is not always the caller's fault: the server answers a failure
    to reach its workflow engine with a `validation_error` 400 too.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExecutionSnake
    """

    return sync_detailed(
        run_test_id=run_test_id,
        client=client,
        body=body,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | ExecutionSnake]:
    """Execute a run test

     Starts one execution of the run test over the selected scenarios and answers at once with status
    `started`; the calls run afterwards. The body is camelCase in the documented dialect and snake_case
    on the open-source server (see the document's description). The open-source server ignores
    `select_all` when ids are given and runs exactly those ids, so "all except" cannot be expressed
    to it on this endpoint. An empty final selection is a 400 "No scenarios"; a selected scenario that
    is not `Completed` is a 400 "Scenarios incomplete". An unknown `simulator_id` silently falls back to
    the run test's own simulator. A 400 is not always the caller's fault: the server answers a failure
    to reach its workflow engine with a `validation_error` 400 too.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExecutionSnake]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
        body=body,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | ExecutionSnake | None:
    """Execute a run test

     Starts one execution of the run test over the selected scenarios and answers at once with status
    `started`; the calls run afterwards. The body is camelCase in the documented dialect and snake_case
    on the open-source server (see the document's description). The open-source server ignores
    `select_all` when ids are given and runs exactly those ids, so "all except" cannot be expressed
    to it on this endpoint. An empty final selection is a 400 "No scenarios"; a selected scenario that
    is not `Completed` is a 400 "Scenarios incomplete". An unknown `simulator_id` silently falls back to
    the run test's own simulator. A 400 is not always the caller's fault: the server answers a failure
    to reach its workflow engine with a `validation_error` 400 too.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecuteRunTestRequestCamel | ExecuteRunTestRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExecutionSnake
    """

    return (
        await asyncio_detailed(
            run_test_id=run_test_id,
            client=client,
            body=body,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
