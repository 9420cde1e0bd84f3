from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_run_tests_simulation_type import (
    ListRunTestsSimulationType,
)
from ...models.run_test_page import RunTestPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    search: str | Unset = UNSET,
    simulation_type: ListRunTestsSimulationType | Unset = UNSET,
    prompt_template_id: UUID | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
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


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RunTestPage | None:
    if response.status_code == 200:
        response_200 = RunTestPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | RunTestPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    simulation_type: ListRunTestsSimulationType | Unset = UNSET,
    prompt_template_id: UUID | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTestPage]:
    """List run tests

     One page of run tests, newest first. Any query parameter not listed here is a 400 (camelCase
    spellings included). Page by number: `next` and `previous` are absolute URLs built from the request
    and may name the wrong scheme behind a proxy. A page past the last one is a 500 "Invalid page.", so
    stop when `next` is null or `current_page` equals `total_pages`.

    Args:
        search (str | Unset):
        simulation_type (ListRunTestsSimulationType | Unset):
        prompt_template_id (UUID | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTestPage]
    """

    kwargs = _get_kwargs(
        search=search,
        simulation_type=simulation_type,
        prompt_template_id=prompt_template_id,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    simulation_type: ListRunTestsSimulationType | Unset = UNSET,
    prompt_template_id: UUID | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTestPage | None:
    """List run tests

     One page of run tests, newest first. Any query parameter not listed here is a 400 (camelCase
    spellings included). Page by number: `next` and `previous` are absolute URLs built from the request
    and may name the wrong scheme behind a proxy. A page past the last one is a 500 "Invalid page.", so
    stop when `next` is null or `current_page` equals `total_pages`.

    Args:
        search (str | Unset):
        simulation_type (ListRunTestsSimulationType | Unset):
        prompt_template_id (UUID | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTestPage
    """

    return sync_detailed(
        client=client,
        search=search,
        simulation_type=simulation_type,
        prompt_template_id=prompt_template_id,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    simulation_type: ListRunTestsSimulationType | Unset = UNSET,
    prompt_template_id: UUID | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTestPage]:
    """List run tests

     One page of run tests, newest first. Any query parameter not listed here is a 400 (camelCase
    spellings included). Page by number: `next` and `previous` are absolute URLs built from the request
    and may name the wrong scheme behind a proxy. A page past the last one is a 500 "Invalid page.", so
    stop when `next` is null or `current_page` equals `total_pages`.

    Args:
        search (str | Unset):
        simulation_type (ListRunTestsSimulationType | Unset):
        prompt_template_id (UUID | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTestPage]
    """

    kwargs = _get_kwargs(
        search=search,
        simulation_type=simulation_type,
        prompt_template_id=prompt_template_id,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    search: str | Unset = UNSET,
    simulation_type: ListRunTestsSimulationType | Unset = UNSET,
    prompt_template_id: UUID | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTestPage | None:
    """List run tests

     One page of run tests, newest first. Any query parameter not listed here is a 400 (camelCase
    spellings included). Page by number: `next` and `previous` are absolute URLs built from the request
    and may name the wrong scheme behind a proxy. A page past the last one is a 500 "Invalid page.", so
    stop when `next` is null or `current_page` equals `total_pages`.

    Args:
        search (str | Unset):
        simulation_type (ListRunTestsSimulationType | Unset):
        prompt_template_id (UUID | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTestPage
    """

    return (
        await asyncio_detailed(
            client=client,
            search=search,
            simulation_type=simulation_type,
            prompt_template_id=prompt_template_id,
            page=page,
            limit=limit,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
