from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cancel_test_execution_request import CancelTestExecutionRequest
from ...models.cancel_test_execution_result import CancelTestExecutionResult
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    test_execution_id: UUID,
    *,
    body: CancelTestExecutionRequest | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/simulate/test-executions/{test_execution_id}/cancel/".format(
            test_execution_id=quote(str(test_execution_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelTestExecutionResult | Error | None:
    if response.status_code == 200:
        response_200 = CancelTestExecutionResult.from_dict(response.json())

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
) -> Response[CancelTestExecutionResult | Error]:
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
    body: CancelTestExecutionRequest | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[CancelTestExecutionResult | Error]:
    """Cancel an execution

     Asks the execution to stop: it goes `cancelling`, then `cancelled`, and its pending and ongoing
    calls
    become `cancelled`. Answers 200 also when the execution was already cancelled. The body is empty or
    `{}`; any key is a 400.

    Args:
        test_execution_id (UUID):
        x_workspace_id (UUID | Unset):
        body (CancelTestExecutionRequest | Unset): The cancel body, always empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelTestExecutionResult | Error]
    """

    kwargs = _get_kwargs(
        test_execution_id=test_execution_id,
        body=body,
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
    body: CancelTestExecutionRequest | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> CancelTestExecutionResult | Error | None:
    """Cancel an execution

     Asks the execution to stop: it goes `cancelling`, then `cancelled`, and its pending and ongoing
    calls
    become `cancelled`. Answers 200 also when the execution was already cancelled. The body is empty or
    `{}`; any key is a 400.

    Args:
        test_execution_id (UUID):
        x_workspace_id (UUID | Unset):
        body (CancelTestExecutionRequest | Unset): The cancel body, always empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelTestExecutionResult | Error
    """

    return sync_detailed(
        test_execution_id=test_execution_id,
        client=client,
        body=body,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    test_execution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CancelTestExecutionRequest | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[CancelTestExecutionResult | Error]:
    """Cancel an execution

     Asks the execution to stop: it goes `cancelling`, then `cancelled`, and its pending and ongoing
    calls
    become `cancelled`. Answers 200 also when the execution was already cancelled. The body is empty or
    `{}`; any key is a 400.

    Args:
        test_execution_id (UUID):
        x_workspace_id (UUID | Unset):
        body (CancelTestExecutionRequest | Unset): The cancel body, always empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelTestExecutionResult | Error]
    """

    kwargs = _get_kwargs(
        test_execution_id=test_execution_id,
        body=body,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    test_execution_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CancelTestExecutionRequest | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> CancelTestExecutionResult | Error | None:
    """Cancel an execution

     Asks the execution to stop: it goes `cancelling`, then `cancelled`, and its pending and ongoing
    calls
    become `cancelled`. Answers 200 also when the execution was already cancelled. The body is empty or
    `{}`; any key is a 400.

    Args:
        test_execution_id (UUID):
        x_workspace_id (UUID | Unset):
        body (CancelTestExecutionRequest | Unset): The cancel body, always empty.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelTestExecutionResult | Error
    """

    return (
        await asyncio_detailed(
            test_execution_id=test_execution_id,
            client=client,
            body=body,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
