from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.run_test import RunTest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_test_id: UUID,
    *,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/run-tests/{run_test_id}/".format(
            run_test_id=quote(str(run_test_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RunTest | None:
    if response.status_code == 200:
        response_200 = RunTest.from_dict(response.json())

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
) -> Response[Error | RunTest]:
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
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTest]:
    """Get a run test

     The run test object, in the same shape as create answers it. Both dialects answer it bare.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTest]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
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
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTest | None:
    """Get a run test

     The run test object, in the same shape as create answers it. Both dialects answer it bare.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTest
    """

    return sync_detailed(
        run_test_id=run_test_id,
        client=client,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTest]:
    """Get a run test

     The run test object, in the same shape as create answers it. Both dialects answer it bare.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTest]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTest | None:
    """Get a run test

     The run test object, in the same shape as create answers it. Both dialects answer it bare.

    Args:
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTest
    """

    return (
        await asyncio_detailed(
            run_test_id=run_test_id,
            client=client,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
