"""The emulator behaves like the server (docs/dialects.md) over real HTTP, and injects faults on demand."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from futureagi_simulate import (
    APIConnectionError,
    APIResponseValidationError,
    RateLimitError,
    Selection,
    SimulateClient,
)
from futureagi_simulate.testing import Emulator, EmulatorConformanceError, Fault

RUN_TESTS = "/simulate/run-tests/"


@pytest.fixture
def http(emulator: Emulator) -> Iterator[httpx.Client]:
    headers = {"X-Api-Key": emulator.api_key, "X-Secret-Key": emulator.secret_key}
    with httpx.Client(base_url=emulator.url, headers=headers, timeout=10.0) as client:
        yield client


@pytest.fixture
def oss_http(oss: Emulator) -> Iterator[httpx.Client]:
    headers = {"X-Api-Key": oss.api_key, "X-Secret-Key": oss.secret_key}
    with httpx.Client(base_url=oss.url, headers=headers, timeout=10.0) as client:
        yield client


def _execute_path(run_test_id: uuid.UUID) -> str:
    return f"{RUN_TESTS}{run_test_id}/execute/"


def _body(emulator: Emulator, *, select_all: bool, ids: list[uuid.UUID]) -> dict[str, Any]:
    camel = emulator.dialect == "docs"
    return {
        "selectAll" if camel else "select_all": select_all,
        "scenarioIds" if camel else "scenario_ids": [str(i) for i in ids],
    }


# -- credentials ------------------------------------------------------------------------------------------


def test_no_credentials_is_401_with_api_key_challenge(emulator: Emulator) -> None:
    """A request without credentials gets 401 not_authenticated and WWW-Authenticate: ApiKey."""
    response = httpx.get(emulator.url + RUN_TESTS)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "ApiKey"
    assert response.json()["code"] == "not_authenticated"


def test_api_key_without_secret_counts_as_no_credentials(emulator: Emulator) -> None:
    """X-Api-Key alone is treated as no credentials."""
    response = httpx.get(emulator.url + RUN_TESTS, headers={"X-Api-Key": emulator.api_key})
    assert response.json()["code"] == "not_authenticated"


def test_any_authorization_header_overrides_valid_keys(http: httpx.Client) -> None:
    """An Authorization header is read first: a bad one fails even with valid keys, quoting the token."""
    response = http.get(RUN_TESTS, headers={"Authorization": "Bearer not-a-session"})
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert "not-a-session" in response.json()["message"]


def test_empty_bearer_is_ignored(http: httpx.Client) -> None:
    """An empty Bearer header is ignored and the keys are used."""
    assert http.get(RUN_TESTS, headers={"Authorization": "Bearer"}).status_code == 200


def test_read_only_keys_may_read_but_not_write(emulator: Emulator) -> None:
    """Keys without write access get 200 on GET and 403 on POST."""
    emulator.add_keys("reader", "reader-secret", can_write=False)
    headers = {"X-Api-Key": "reader", "X-Secret-Key": "reader-secret"}
    assert httpx.get(emulator.url + RUN_TESTS, headers=headers).status_code == 200
    response = httpx.post(emulator.url + _execute_path(emulator.seed.run_test_id), headers=headers, json={})
    assert response.status_code == 403
    assert emulator.execution_count(emulator.seed.run_test_id) == 0


# -- routing and the list endpoint ----------------------------------------------------------------------


@pytest.mark.parametrize("run_test_id", ["not-a-uuid", "CCA72A31-B8B4-5620-8701-533AC54970C8"])
def test_path_id_that_is_not_a_lowercase_uuid_is_html_404(http: httpx.Client, run_test_id: str) -> None:
    """A path id Django's uuid converter does not match is its HTML 404 page."""
    response = http.post(f"{RUN_TESTS}{run_test_id}/execute/", json={})
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")


def test_unknown_method_is_405_with_allow(http: httpx.Client) -> None:
    """A method the route does not serve is 405 naming the allowed ones."""
    response = http.request("TRACE", RUN_TESTS)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET"


@pytest.mark.parametrize("parameter", ["simulationType", "ordering"])
def test_unknown_query_parameter_is_400_naming_it(http: httpx.Client, parameter: str) -> None:
    """Any query parameter the endpoint does not define (camelCase ones included) is a 400."""
    response = http.get(RUN_TESTS, params={parameter: "x"})
    assert response.status_code == 400
    assert response.json()["details"] == {parameter: ["Unknown field."]}


def test_pages_link_absolutely_and_count(emulator: Emulator, http: httpx.Client) -> None:
    """Page 2 of 3 links absolutely to 3 and back to 1 (which drops `page`), with totals."""
    body = http.get(RUN_TESTS, params={"limit": 1, "page": 2}).json()
    assert (body["count"], body["total_pages"], body["current_page"]) == (3, 3, 2)
    assert body["next"] == f"{emulator.url}{RUN_TESTS}?limit=1&page=3"
    assert body["previous"] == f"{emulator.url}{RUN_TESTS}?limit=1"


def test_page_past_the_end_is_500_invalid_page(http: httpx.Client) -> None:
    """A page past the last one is the server's 500 "Invalid page."."""
    response = http.get(RUN_TESTS, params={"page": 2})
    assert response.status_code == 500
    assert response.json()["message"] == "Invalid page."


def test_page_zero_is_a_min_value_error(http: httpx.Client) -> None:
    """page must be >= 1."""
    assert http.get(RUN_TESTS, params={"page": 0}).json()["code"] == "min_value"


# -- create ---------------------------------------------------------------------------------------------


def _create(emulator: Emulator, http: httpx.Client, **changes: Any) -> httpx.Response:
    body: dict[str, Any] = {
        "name": "Run",
        "agent_definition_id": str(emulator.seed.agent_definition_ids[0]),
        "scenario_ids": [str(s) for s in emulator.seed.scenario_ids],
    }
    body.update(changes)
    return http.post(f"{RUN_TESTS}create/", json={k: v for k, v in body.items() if v is not ...})


def test_create_answers_201(emulator: Emulator, http: httpx.Client) -> None:
    """A valid create is 201 with the run test."""
    response = _create(emulator, http, description="d")
    assert response.status_code == 201
    assert response.json()["description"] == "d"


@pytest.mark.parametrize(
    ("changes", "attr", "code"),
    [
        ({"name": "x" * 256}, "name", "max_length"),
        ({"name": ...}, "name", "required"),
        ({"description": None}, "description", "null"),
        ({"scenario_ids": []}, "scenario_ids", "empty"),
        ({"scenario_ids": [str(uuid.uuid4())]}, "scenario_ids", "does_not_exist"),
        ({"agent_definition_id": str(uuid.uuid4())}, "agent_definition_id", "does_not_exist"),
        ({"dataset_row_ids": ["r" * 256]}, "dataset_row_ids", "max_length"),
        ({"colour": "red"}, "colour", "invalid"),
    ],
    ids=[
        "long-name",
        "no-name",
        "null-description",
        "no-scenarios",
        "unknown-scenario",
        "unknown-agent",
        "long-row-id",
        "unknown-key",
    ],
)
def test_create_validation_names_the_field(
    emulator: Emulator, http: httpx.Client, changes: dict[str, Any], attr: str, code: str
) -> None:
    """Each create rule answers 400 with the field in attr and details and the rule's code."""
    response = _create(emulator, http, **changes)
    assert response.status_code == 400
    body = response.json()
    assert (body["attr"], body["code"]) == (attr, code)
    assert attr in body["details"]


def test_create_with_two_bad_fields_joins_them(emulator: Emulator, http: httpx.Client) -> None:
    """Several field errors are joined in detail as 'a: msg; b: msg'."""
    body = _create(emulator, http, name="", description=None).json()
    assert body["detail"] == "name: This field may not be blank.; description: This field may not be null."


# -- execute: the selection table -------------------------------------------------------------------------

# (select_all, ids as indexes into the run test's scenarios) -> indexes run, per endpoint and dialect.
RUN_TEST_TABLE = [
    (True, [0], {"docs": [1, 2], "oss": [0]}),
    (True, [], {"docs": [0, 1, 2], "oss": [0, 1, 2]}),
    (False, [0], {"docs": [0], "oss": [0]}),
    (False, [], {"docs": [0, 1, 2], "oss": [0, 1, 2]}),
]
PROMPT_TABLE = [(True, [0], [1, 2]), (True, [], [0, 1, 2]), (False, [0], [0]), (False, [], [0, 1, 2])]


@pytest.mark.parametrize(("select_all", "ids", "ran"), RUN_TEST_TABLE)
def test_run_test_execute_follows_the_selection_table(
    emulator: Emulator, http: httpx.Client, select_all: bool, ids: list[int], ran: dict[str, list[int]]
) -> None:
    """Run-test execute runs what docs/dialects.md's table says for the dialect (oss ignores select_all)."""
    scenarios = emulator.seed.scenario_ids
    body = _body(emulator, select_all=select_all, ids=[scenarios[i] for i in ids])
    answer = http.post(_execute_path(emulator.seed.run_test_id), json=body).json()
    assert answer["scenario_ids"] == [str(scenarios[i]) for i in ran[emulator.dialect]]


@pytest.mark.parametrize(("select_all", "ids", "ran"), PROMPT_TABLE)
def test_prompt_execute_follows_the_selection_table(
    emulator: Emulator, http: httpx.Client, select_all: bool, ids: list[int], ran: list[int]
) -> None:
    """Prompt execute honours select_all with ids as "all except" in both dialects."""
    seed = emulator.seed
    body = _body(emulator, select_all=select_all, ids=[seed.prompt_scenario_ids[i] for i in ids])
    path = (
        f"/simulate/prompt-templates/{seed.prompt_template_id}/simulations/{seed.prompt_run_test_id}/execute/"
    )
    answer = http.post(path, json=body).json()
    execution = (
        answer["data"]["scenarioIds"] if emulator.dialect == "docs" else answer["result"]["scenario_ids"]
    )
    assert execution == [str(seed.prompt_scenario_ids[i]) for i in ran]


def test_selection_that_leaves_nothing_is_no_scenarios(docs: Emulator) -> None:
    """All except every scenario leaves none: 400 "No scenarios", nothing started."""
    headers = {"X-Api-Key": docs.api_key, "X-Secret-Key": docs.secret_key}
    body = _body(docs, select_all=True, ids=list(docs.seed.scenario_ids))
    response = httpx.post(docs.url + _execute_path(docs.seed.run_test_id), json=body, headers=headers)
    assert response.status_code == 400
    assert "No scenarios" in response.json()["message"]
    assert docs.execution_count(docs.seed.run_test_id) == 0


def test_oss_rejects_camel_case_naming_each_key(oss: Emulator, oss_http: httpx.Client) -> None:
    """The open-source dialect answers a camelCase body with 400 naming each key "Unknown field."."""
    response = oss_http.post(_execute_path(oss.seed.run_test_id), json={"selectAll": True, "scenarioIds": []})
    assert response.json()["details"] == {"selectAll": ["Unknown field."], "scenarioIds": ["Unknown field."]}
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_unknown_simulator_falls_back_silently(oss: Emulator, oss_http: httpx.Client) -> None:
    """An unknown simulator_id on run-test execute still starts the execution."""
    body = {"select_all": True, "scenario_ids": [], "simulator_id": str(uuid.uuid4())}
    assert oss_http.post(_execute_path(oss.seed.run_test_id), json=body).status_code == 200


def test_prompt_execute_rejects_simulator_id(oss: Emulator, oss_http: httpx.Client) -> None:
    """simulator_id is an unknown field on the prompt-simulation execute."""
    seed = oss.seed
    path = (
        f"/simulate/prompt-templates/{seed.prompt_template_id}/simulations/{seed.prompt_run_test_id}/execute/"
    )
    response = oss_http.post(path, json={"simulator_id": str(uuid.uuid4())})
    assert response.json()["details"] == {"simulator_id": ["Unknown field."]}


def test_non_json_body_is_415(oss: Emulator, oss_http: httpx.Client) -> None:
    """A body in another content type is 415 and starts nothing."""
    response = oss_http.post(
        _execute_path(oss.seed.run_test_id), content=b"select_all=1", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert oss.execution_count(oss.seed.run_test_id) == 0


# -- faults -----------------------------------------------------------------------------------------------


def _client(emulator: Emulator, **options: Any) -> SimulateClient:
    return SimulateClient(
        api_key=emulator.api_key,
        secret_key=emulator.secret_key,
        base_url=emulator.url,
        body_casing="snake",
        **options,
    )


def test_rate_limit_fault_answers_429_with_retry_after(oss: Emulator) -> None:
    """A rate_limit fault answers 429 with Retry-After and the server's body, running nothing."""
    oss.inject("executeRunTest", Fault.rate_limit(retry_after=7))
    with _client(oss, max_retries=0) as client, pytest.raises(RateLimitError) as raised:
        client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert raised.value.retry_after == 7
    assert oss.execution_count(oss.seed.run_test_id) == 0


def test_server_error_fault_is_answered_before_the_work(oss: Emulator, oss_http: httpx.Client) -> None:
    """A 503 fault is answered without handling the request, and only for `times` requests."""
    oss.inject("executeRunTest", Fault.server_error(503), times=1)
    path = _execute_path(oss.seed.run_test_id)
    assert oss_http.post(path, json={}).status_code == 503
    assert oss_http.post(path, json={}).status_code == 200
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_drop_fault_counts_the_execution_and_sends_nothing(oss: Emulator) -> None:
    """A dropped connection happens after the work: one execution counted, the client raises."""
    oss.inject("executeRunTest", Fault.drop())
    with _client(oss) as client, pytest.raises(APIConnectionError) as raised:
        client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert raised.value.may_have_started
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_delay_fault_holds_the_answer_after_the_work(oss: Emulator) -> None:
    """A delay longer than the client's timeout times out a call whose execution was counted."""
    oss.inject("executeRunTest", Fault.delay(1.0))
    with _client(oss, timeout=0.2) as client, pytest.raises(APIConnectionError):
        client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert oss.execution_count(oss.seed.run_test_id) == 1


def test_not_json_fault_answers_html(oss: Emulator) -> None:
    """A not_json fault answers 200 with HTML, which the client reports as a validation error."""
    oss.inject("listRunTests", Fault.not_json())
    with _client(oss) as client, pytest.raises(APIResponseValidationError):
        client.run_tests.list()


def test_faults_can_be_armed_over_http(oss: Emulator, oss_http: httpx.Client) -> None:
    """POST /_emulator/faults arms a fault; GET /_emulator/state reports executions and requests."""
    armed = oss_http.post("/_emulator/faults", json={"operation": "*", "kind": "server_error", "status": 502})
    assert armed.status_code == 201
    assert oss_http.get(RUN_TESTS).status_code == 502
    oss_http.post(_execute_path(oss.seed.run_test_id), json={})
    state = oss_http.get("/_emulator/state").json()
    assert state["executions"] == {str(oss.seed.run_test_id): 1}
    assert state["requests"] == {"listRunTests": 1, "executeRunTest": 1}


def test_faults_can_be_cleared_over_http(oss: Emulator, oss_http: httpx.Client) -> None:
    """DELETE /_emulator/faults disarms every fault."""
    oss.inject("*", Fault.server_error(500), times=5)
    assert oss_http.delete("/_emulator/faults").status_code == 204
    assert oss_http.get(RUN_TESTS).status_code == 200


# -- conformance and transports ---------------------------------------------------------------------------


def test_an_answer_the_document_forbids_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A response that breaks openapi.yaml is answered 500 and raised when the emulator stops."""
    emulator = Emulator(dialect="oss").start()
    render = emulator.app.store.run_test_json
    # The emulator's own code cannot produce a wrong shape on purpose; this stands in for a future bug.
    monkeypatch.setattr(emulator.app.store, "run_test_json", lambda r: {**render(r), "name": 42})
    headers = {"X-Api-Key": emulator.api_key, "X-Secret-Key": emulator.secret_key}
    response = httpx.get(emulator.url + RUN_TESTS, headers=headers)
    assert response.status_code == 500
    assert response.json()["code"] == "emulator_conformance"
    with pytest.raises(EmulatorConformanceError, match="results/0/name"):
        emulator.stop()


def test_transport_serves_a_client_without_a_socket(oss: Emulator) -> None:
    """emu.transport() lets a client run against the emulator in-process."""
    http_client = httpx.Client(transport=oss.transport(), base_url="http://emulator.localhost")
    with SimulateClient(
        api_key=oss.api_key,
        secret_key=oss.secret_key,
        base_url="http://emulator.localhost",
        http_client=http_client,
    ) as client:
        execution = client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    assert oss.execution_count(execution.run_test_id) == 1
    http_client.close()


@pytest.mark.anyio
async def test_async_transport_drops_like_the_socket(oss: Emulator) -> None:
    """The async transport turns a drop fault into a disconnect after the work."""
    from futureagi_simulate import AsyncSimulateClient

    oss.inject("executeRunTest", Fault.drop())
    http_client = httpx.AsyncClient(transport=oss.async_transport(), base_url="http://emulator.localhost")
    async with AsyncSimulateClient(
        api_key=oss.api_key,
        secret_key=oss.secret_key,
        base_url="http://emulator.localhost",
        http_client=http_client,
        body_casing="snake",
    ) as client:
        with pytest.raises(APIConnectionError):
            await client.run_tests.execute(oss.seed.run_test_id, selection=Selection.all())
    await http_client.aclose()
    assert oss.execution_count(oss.seed.run_test_id) == 1
