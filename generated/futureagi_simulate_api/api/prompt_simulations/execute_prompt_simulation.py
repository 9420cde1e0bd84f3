from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.execute_prompt_simulation_request_camel import (
    ExecutePromptSimulationRequestCamel,
)
from ...models.execute_prompt_simulation_request_snake import (
    ExecutePromptSimulationRequestSnake,
)
from ...models.prompt_execution_docs_envelope import PromptExecutionDocsEnvelope
from ...models.prompt_execution_server_envelope import PromptExecutionServerEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    prompt_template_id: UUID,
    run_test_id: UUID,
    *,
    body: ExecutePromptSimulationRequestCamel
    | ExecutePromptSimulationRequestSnake
    | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/simulate/prompt-templates/{prompt_template_id}/simulations/{run_test_id}/execute/".format(
            prompt_template_id=quote(str(prompt_template_id), safe=""),
            run_test_id=quote(str(run_test_id), safe=""),
        ),
    }

    if isinstance(body, ExecutePromptSimulationRequestCamel):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = PromptExecutionServerEnvelope.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = PromptExecutionDocsEnvelope.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    prompt_template_id: UUID,
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutePromptSimulationRequestCamel
    | ExecutePromptSimulationRequestSnake
    | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope]:
    """Execute a prompt simulation

     Starts one execution of the prompt simulation over the selected scenarios. `select_all` with ids
    runs every scenario except those ids. The body is camelCase in the documented dialect and
    snake_case on the open-source server, which also rejects `simulator_id` here. The documented dialect
    answers `{"status": "success", "data": camelCase execution}`, the open-source server
    `{"status": true, "result": snake_case execution}`. An unknown template or run test is a 500 on the
    open-source server, not a 404.

    Args:
        prompt_template_id (UUID):
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecutePromptSimulationRequestCamel | ExecutePromptSimulationRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope]
    """

    kwargs = _get_kwargs(
        prompt_template_id=prompt_template_id,
        run_test_id=run_test_id,
        body=body,
        x_workspace_id=x_workspace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    prompt_template_id: UUID,
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutePromptSimulationRequestCamel
    | ExecutePromptSimulationRequestSnake
    | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope | None:
    """Execute a prompt simulation

     Starts one execution of the prompt simulation over the selected scenarios. `select_all` with ids
    runs every scenario except those ids. The body is camelCase in the documented dialect and
    snake_case on the open-source server, which also rejects `simulator_id` here. The documented dialect
    answers `{"status": "success", "data": camelCase execution}`, the open-source server
    `{"status": true, "result": snake_case execution}`. An unknown template or run test is a 500 on the
    open-source server, not a 404.

    Args:
        prompt_template_id (UUID):
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecutePromptSimulationRequestCamel | ExecutePromptSimulationRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope
    """

    return sync_detailed(
        prompt_template_id=prompt_template_id,
        run_test_id=run_test_id,
        client=client,
        body=body,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    prompt_template_id: UUID,
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutePromptSimulationRequestCamel
    | ExecutePromptSimulationRequestSnake
    | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope]:
    """Execute a prompt simulation

     Starts one execution of the prompt simulation over the selected scenarios. `select_all` with ids
    runs every scenario except those ids. The body is camelCase in the documented dialect and
    snake_case on the open-source server, which also rejects `simulator_id` here. The documented dialect
    answers `{"status": "success", "data": camelCase execution}`, the open-source server
    `{"status": true, "result": snake_case execution}`. An unknown template or run test is a 500 on the
    open-source server, not a 404.

    Args:
        prompt_template_id (UUID):
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecutePromptSimulationRequestCamel | ExecutePromptSimulationRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope]
    """

    kwargs = _get_kwargs(
        prompt_template_id=prompt_template_id,
        run_test_id=run_test_id,
        body=body,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    prompt_template_id: UUID,
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ExecutePromptSimulationRequestCamel
    | ExecutePromptSimulationRequestSnake
    | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope | None:
    """Execute a prompt simulation

     Starts one execution of the prompt simulation over the selected scenarios. `select_all` with ids
    runs every scenario except those ids. The body is camelCase in the documented dialect and
    snake_case on the open-source server, which also rejects `simulator_id` here. The documented dialect
    answers `{"status": "success", "data": camelCase execution}`, the open-source server
    `{"status": true, "result": snake_case execution}`. An unknown template or run test is a 500 on the
    open-source server, not a 404.

    Args:
        prompt_template_id (UUID):
        run_test_id (UUID):
        x_workspace_id (UUID | Unset):
        body (ExecutePromptSimulationRequestCamel | ExecutePromptSimulationRequestSnake | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PromptExecutionDocsEnvelope | PromptExecutionServerEnvelope
    """

    return (
        await asyncio_detailed(
            prompt_template_id=prompt_template_id,
            run_test_id=run_test_id,
            client=client,
            body=body,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
