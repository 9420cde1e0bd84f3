from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.run_test_scenario_page import RunTestScenarioPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_test_id: UUID,
    *,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/run-tests/{run_test_id}/scenarios/".format(
            run_test_id=quote(str(run_test_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RunTestScenarioPage | None:
    if response.status_code == 200:
        response_200 = RunTestScenarioPage.from_dict(response.json())

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
) -> Response[Error | RunTestScenarioPage]:
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
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTestScenarioPage]:
    """List a run test's scenarios

     One page of the scenarios attached to the run test. Page by number and `total_pages`: the open-
    source
    server answers a page past the last one with a 500 "Invalid page.".

    Args:
        run_test_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        search (str | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTestScenarioPage]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
        page=page,
        limit=limit,
        search=search,
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
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTestScenarioPage | None:
    """List a run test's scenarios

     One page of the scenarios attached to the run test. Page by number and `total_pages`: the open-
    source
    server answers a page past the last one with a 500 "Invalid page.".

    Args:
        run_test_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        search (str | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTestScenarioPage
    """

    return sync_detailed(
        run_test_id=run_test_id,
        client=client,
        page=page,
        limit=limit,
        search=search,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | RunTestScenarioPage]:
    """List a run test's scenarios

     One page of the scenarios attached to the run test. Page by number and `total_pages`: the open-
    source
    server answers a page past the last one with a 500 "Invalid page.".

    Args:
        run_test_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        search (str | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RunTestScenarioPage]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
        page=page,
        limit=limit,
        search=search,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    search: str | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | RunTestScenarioPage | None:
    """List a run test's scenarios

     One page of the scenarios attached to the run test. Page by number and `total_pages`: the open-
    source
    server answers a page past the last one with a 500 "Invalid page.".

    Args:
        run_test_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        search (str | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RunTestScenarioPage
    """

    return (
        await asyncio_detailed(
            run_test_id=run_test_id,
            client=client,
            page=page,
            limit=limit,
            search=search,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
