from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.eval_summary_docs import EvalSummaryDocs
from ...models.eval_summary_server_envelope import EvalSummaryServerEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_test_id: UUID,
    *,
    execution_id: UUID | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_workspace_id, Unset):
        headers["X-Workspace-Id"] = x_workspace_id

    params: dict[str, Any] = {}

    json_execution_id: str | Unset = UNSET
    if not isinstance(execution_id, Unset):
        json_execution_id = str(execution_id)
    params["execution_id"] = json_execution_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/simulate/run-tests/{run_test_id}/eval-summary/".format(
            run_test_id=quote(str(run_test_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | EvalSummaryDocs | EvalSummaryServerEnvelope | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> EvalSummaryDocs | EvalSummaryServerEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = EvalSummaryServerEnvelope.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = EvalSummaryDocs.from_dict(data)

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
) -> Response[Error | EvalSummaryDocs | EvalSummaryServerEnvelope]:
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
    execution_id: UUID | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | EvalSummaryDocs | EvalSummaryServerEnvelope]:
    """Get a run test's eval summary

     Per eval config, how the calls did, over every execution of the run test or over one. The two
    dialects
    answer different shapes: the documentation shows `{"evaluations": [{name, average_score, total_runs,
    passed, failed}]}`, the open-source server `{"status": true, "result": [{id, name, output_type,
    result,
    total_pass_rate | total_avg | total_choices_avg}]}` (`[]` when the run test has no evals), where
    `total_pass_rate` is a percentage from 0 to 100. The server counts only calls that completed, so
    failed
    calls do not lower a pass rate.

    Args:
        run_test_id (UUID):
        execution_id (UUID | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EvalSummaryDocs | EvalSummaryServerEnvelope]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
        execution_id=execution_id,
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
    execution_id: UUID | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | EvalSummaryDocs | EvalSummaryServerEnvelope | None:
    """Get a run test's eval summary

     Per eval config, how the calls did, over every execution of the run test or over one. The two
    dialects
    answer different shapes: the documentation shows `{"evaluations": [{name, average_score, total_runs,
    passed, failed}]}`, the open-source server `{"status": true, "result": [{id, name, output_type,
    result,
    total_pass_rate | total_avg | total_choices_avg}]}` (`[]` when the run test has no evals), where
    `total_pass_rate` is a percentage from 0 to 100. The server counts only calls that completed, so
    failed
    calls do not lower a pass rate.

    Args:
        run_test_id (UUID):
        execution_id (UUID | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EvalSummaryDocs | EvalSummaryServerEnvelope
    """

    return sync_detailed(
        run_test_id=run_test_id,
        client=client,
        execution_id=execution_id,
        x_workspace_id=x_workspace_id,
    ).parsed


async def asyncio_detailed(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    execution_id: UUID | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Response[Error | EvalSummaryDocs | EvalSummaryServerEnvelope]:
    """Get a run test's eval summary

     Per eval config, how the calls did, over every execution of the run test or over one. The two
    dialects
    answer different shapes: the documentation shows `{"evaluations": [{name, average_score, total_runs,
    passed, failed}]}`, the open-source server `{"status": true, "result": [{id, name, output_type,
    result,
    total_pass_rate | total_avg | total_choices_avg}]}` (`[]` when the run test has no evals), where
    `total_pass_rate` is a percentage from 0 to 100. The server counts only calls that completed, so
    failed
    calls do not lower a pass rate.

    Args:
        run_test_id (UUID):
        execution_id (UUID | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EvalSummaryDocs | EvalSummaryServerEnvelope]
    """

    kwargs = _get_kwargs(
        run_test_id=run_test_id,
        execution_id=execution_id,
        x_workspace_id=x_workspace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_test_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    execution_id: UUID | Unset = UNSET,
    x_workspace_id: UUID | Unset = UNSET,
) -> Error | EvalSummaryDocs | EvalSummaryServerEnvelope | None:
    """Get a run test's eval summary

     Per eval config, how the calls did, over every execution of the run test or over one. The two
    dialects
    answer different shapes: the documentation shows `{"evaluations": [{name, average_score, total_runs,
    passed, failed}]}`, the open-source server `{"status": true, "result": [{id, name, output_type,
    result,
    total_pass_rate | total_avg | total_choices_avg}]}` (`[]` when the run test has no evals), where
    `total_pass_rate` is a percentage from 0 to 100. The server counts only calls that completed, so
    failed
    calls do not lower a pass rate.

    Args:
        run_test_id (UUID):
        execution_id (UUID | Unset):
        x_workspace_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EvalSummaryDocs | EvalSummaryServerEnvelope
    """

    return (
        await asyncio_detailed(
            run_test_id=run_test_id,
            client=client,
            execution_id=execution_id,
            x_workspace_id=x_workspace_id,
        )
    ).parsed
