"""openapi.yaml keeps the promises other languages rely on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

DOCUMENT: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "openapi.yaml").read_text()
)
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS = {
    op["operationId"]: (path, method, op)
    for path, item in DOCUMENT["paths"].items()
    for method, op in item.items()
    if method in METHODS
}


def resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = DOCUMENT
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def properties(schema: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in (schema.get("properties") or {}).items():
        yield f"{where}.{name}", prop
        for key in ("oneOf", "anyOf", "allOf"):
            for i, option in enumerate(prop.get(key, [])):
                if "$ref" not in option:
                    yield from properties(option, f"{where}.{name}.{key}[{i}]")
        if isinstance(prop.get("items"), dict) and "$ref" not in prop["items"]:
            yield from properties(prop["items"], f"{where}.{name}[]")


def test_the_five_operations_and_their_tags() -> None:
    """Exactly the five operationIds exist, each under its tag, paths with trailing slashes."""
    assert {op_id: (method, op["tags"]) for op_id, (_, method, op) in OPERATIONS.items()} == {
        "createRunTest": ("post", ["run-tests"]),
        "listRunTests": ("get", ["run-tests"]),
        "executeRunTest": ("post", ["run-tests"]),
        "getPromptSimulation": ("get", ["prompt-simulations"]),
        "executePromptSimulation": ("post", ["prompt-simulations"]),
    }
    assert all(path.endswith("/") for path, _, _ in OPERATIONS.values())
    assert DOCUMENT["servers"][0]["url"] == "https://api.futureagi.com"


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_operation_is_documented(op_id: str) -> None:
    """Each operation has a summary, a description, and a description on each parameter."""
    _, _, op = OPERATIONS[op_id]
    assert op.get("summary")
    assert op.get("description")
    for parameter in map(resolve, op.get("parameters", [])):
        assert parameter.get("description"), f"{op_id}: parameter {parameter['name']}"


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_every_error_response_uses_the_error_envelope(op_id: str) -> None:
    """Every 4xx/5xx answer of every operation is the one Error schema."""
    _, _, op = OPERATIONS[op_id]
    statuses = [s for s in op["responses"] if s[0] in "45"]
    assert statuses
    for status in statuses:
        schema = resolve(op["responses"][status])["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Error"}, f"{op_id} {status}"


def test_create_answers_201() -> None:
    """createRunTest documents 201 and no 200."""
    responses = OPERATIONS["createRunTest"][2]["responses"]
    assert "201" in responses
    assert "200" not in responses


def test_every_schema_and_property_has_a_description() -> None:
    """No schema or property in components is left undescribed."""
    missing = []
    for name, schema in DOCUMENT["components"]["schemas"].items():
        if not schema.get("description"):
            missing.append(name)
        for where, prop in properties(schema, name):
            if "$ref" not in prop and not prop.get("description"):
                missing.append(where)
    assert missing == []


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        ("RunTest", "source_type"),
        ("Scenario", "status"),
        ("Scenario", "source_type"),
        ("ExecutionSnake", "status"),
        ("ExecutionCamel", "status"),
        ("EvalConfig", "status"),
    ],
)
def test_values_the_server_extends_are_open_strings(schema: str, field: str) -> None:
    """Fields whose values the server adds to are strings without an enum, so new values never fail."""
    prop = DOCUMENT["components"]["schemas"][schema]["properties"][field]
    assert prop["type"] == "string"
    assert "enum" not in prop


def test_create_rules_are_in_the_document() -> None:
    """name length, non-empty scenario_ids and the required list are stated for other generators."""
    create = DOCUMENT["components"]["schemas"]["CreateRunTestRequest"]
    assert create["required"] == ["name", "agent_definition_id", "scenario_ids"]
    assert create["properties"]["name"]["maxLength"] == 255
    assert create["properties"]["scenario_ids"]["minItems"] == 1
    assert create["properties"]["dataset_row_ids"]["items"]["maxLength"] == 255
    assert create["additionalProperties"] is False


def test_both_execute_dialects_are_described() -> None:
    """Each execute operation offers the camelCase and snake_case bodies; prompt execute both envelopes."""
    for op_id, bodies in {
        "executeRunTest": {"ExecuteRunTestRequestCamel", "ExecuteRunTestRequestSnake"},
        "executePromptSimulation": {
            "ExecutePromptSimulationRequestCamel",
            "ExecutePromptSimulationRequestSnake",
        },
    }.items():
        schema = OPERATIONS[op_id][2]["requestBody"]["content"]["application/json"]["schema"]
        assert {ref["$ref"].rsplit("/", 1)[1] for ref in schema["anyOf"]} == bodies
    answer = OPERATIONS["executePromptSimulation"][2]["responses"]["200"]["content"]["application/json"]
    assert {ref["$ref"].rsplit("/", 1)[1] for ref in answer["schema"]["oneOf"]} == {
        "PromptExecutionDocsEnvelope",
        "PromptExecutionServerEnvelope",
    }


def test_security_offers_the_key_pair_or_a_bearer_token() -> None:
    """The default is both key headers together; Bearer is the alternative."""
    assert DOCUMENT["security"] == [{"ApiKey": [], "SecretKey": []}, {"SessionBearer": []}]
    schemes = DOCUMENT["components"]["securitySchemes"]
    assert (schemes["ApiKey"]["name"], schemes["SecretKey"]["name"]) == ("X-Api-Key", "X-Secret-Key")
    assert "session token" in schemes["SessionBearer"]["description"]
