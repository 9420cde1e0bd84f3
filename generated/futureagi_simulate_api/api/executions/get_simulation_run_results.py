from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.simulation_run_results import SimulationRunResults
from ...models.simulation_run_results_envelope import SimulationRunResultsEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    execution_id: UUID,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    json_execution_id = str(execution_id)
    params["execution_id"] = json_execution_id

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/sdk/api/v1/simulation/runs/",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SimulationRunResults | SimulationRunResultsEnvelope | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> SimulationRunResults | SimulationRunResultsEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = SimulationRunResultsEnvelope.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = SimulationRunResults.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[Error | SimulationRunResults | SimulationRunResultsEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    execution_id: UUID,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | SimulationRunResults | SimulationRunResultsEnvelope]:
    """Get an execution's results

     The most compact "how did it go" answer: the execution's status and counts, and per call its
    scenario,
    status and eval outputs (`call_results`, paged by number: it carries no `next` or `previous`, and a
    page
    past the last one is a 500 "Invalid page."). The open-source server wraps it as `{"status": true,
    "result": ...}` and refuses query parameters it does not know. An unknown execution is a 404 "Test
    execution not found.".

    Args:
        execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SimulationRunResults | SimulationRunResultsEnvelope]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
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
    execution_id: UUID,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | SimulationRunResults | SimulationRunResultsEnvelope | None:
    """Get an execution's results

     The most compact "how did it go" answer: the execution's status and counts, and per call its
    scenario,
    status and eval outputs (`call_results`, paged by number: it carries no `next` or `previous`, and a
    page
    past the last one is a 500 "Invalid page."). The open-source server wraps it as `{"status": true,
    "result": ...}` and refuses query parameters it does not know. An unknown execution is a 404 "Test
    execution not found.".

    Args:
        execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SimulationRunResults | SimulationRunResultsEnvelope
    """

    return sync_detailed(
        client=client,
        execution_id=execution_id,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    execution_id: UUID,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | SimulationRunResults | SimulationRunResultsEnvelope]:
    """Get an execution's results

     The most compact "how did it go" answer: the execution's status and counts, and per call its
    scenario,
    status and eval outputs (`call_results`, paged by number: it carries no `next` or `previous`, and a
    page
    past the last one is a 500 "Invalid page."). The open-source server wraps it as `{"status": true,
    "result": ...}` and refuses query parameters it does not know. An unknown execution is a 404 "Test
    execution not found.".

    Args:
        execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SimulationRunResults | SimulationRunResultsEnvelope]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
        page=page,
        limit=limit,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    execution_id: UUID,
    page: int | Unset = 1,
    limit: int | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | SimulationRunResults | SimulationRunResultsEnvelope | None:
    """Get an execution's results

     The most compact "how did it go" answer: the execution's status and counts, and per call its
    scenario,
    status and eval outputs (`call_results`, paged by number: it carries no `next` or `previous`, and a
    page
    past the last one is a 500 "Invalid page."). The open-source server wraps it as `{"status": true,
    "result": ...}` and refuses query parameters it does not know. An unknown execution is a 404 "Test
    execution not found.".

    Args:
        execution_id (UUID):
        page (int | Unset):  Default: 1.
        limit (int | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SimulationRunResults | SimulationRunResultsEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            execution_id=execution_id,
            page=page,
            limit=limit,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
