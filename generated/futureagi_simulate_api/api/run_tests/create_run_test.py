from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_run_test_request import CreateRunTestRequest
from ...models.error import Error
from ...models.run_test import RunTest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateRunTestRequest,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/simulate/run-tests/create/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RunTest | None:
    if response.status_code == 201:
        response_201 = RunTest.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

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
) -> Response[Error | RunTest]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRunTestRequest,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTest]:
    """Create a run test

     Creates a run test for an agent definition over a set of existing scenarios. Unknown body keys are
    rejected with a 400. `description` may be left out but not sent as `null`.

    Args:
        x_workspace_id (UUID | Unset):
        body (CreateRunTestRequest): Body of `createRunTest`. Unknown keys are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTest]
    """

    kwargs = _get_kwargs(
        body=body,
        x_workspace_id=x_workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRunTestRequest,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTest | None:
    """Create a run test

     Creates a run test for an agent definition over a set of existing scenarios. Unknown body keys are
    rejected with a 400. `description` may be left out but not sent as `null`.

    Args:
        x_workspace_id (UUID | Unset):
        body (CreateRunTestRequest): Body of `createRunTest`. Unknown keys are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTest
    """

    return sync_detailed(
        client=client,
        body=body,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRunTestRequest,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTest]:
    """Create a run test

     Creates a run test for an agent definition over a set of existing scenarios. Unknown body keys are
    rejected with a 400. `description` may be left out but not sent as `null`.

    Args:
        x_workspace_id (UUID | Unset):
        body (CreateRunTestRequest): Body of `createRunTest`. Unknown keys are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTest]
    """

    kwargs = _get_kwargs(
        body=body,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRunTestRequest,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTest | None:
    """Create a run test

     Creates a run test for an agent definition over a set of existing scenarios. Unknown body keys are
    rejected with a 400. `description` may be left out but not sent as `null`.

    Args:
        x_workspace_id (UUID | Unset):
        body (CreateRunTestRequest): Body of `createRunTest`. Unknown keys are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTest
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
