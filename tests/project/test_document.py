"""openapi.yaml keeps the promises other languages rely on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from futureagi_simulate.testing._conformance import _nullable_references

DOCUMENT: dict[str, Any] = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
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


def test_the_operations_and_their_tags() -> None:
    """Exactly these operationIds exist, each under its tag, paths with trailing slashes."""
    assert {op_id: (method, op["tags"]) for op_id, (_, method, op) in OPERATIONS.items()} == {
        "createRunTest": ("post", ["run-tests"]),
        "listRunTests": ("get", ["run-tests"]),
        "executeRunTest": ("post", ["run-tests"]),
        "getPromptSimulation": ("get", ["prompt-simulations"]),
        "executePromptSimulation": ("post", ["prompt-simulations"]),
        "getRunTest": ("get", ["run-tests"]),
        "listRunTestScenarios": ("get", ["run-tests"]),
        "listRunTestExecutions": ("get", ["run-tests"]),
        "getEvalSummary": ("get", ["run-tests"]),
        "getTestExecution": ("get", ["executions"]),
        "cancelTestExecution": ("post", ["executions"]),
        "getSimulationRunResults": ("get", ["executions"]),
        # Issue 24.
        "deleteRunTest": ("delete", ["run-tests"]),
        "updateRunTestComponents": ("patch", ["run-tests"]),
        "listRunTestCallExecutions": ("get", ["run-tests"]),
        "listAgentVersions": ("get", ["agent-versions"]),
        "createAgentVersion": ("post", ["agent-versions"]),
        "getAgentVersion": ("get", ["agent-versions"]),
        "getAgentVersionEvalSummary": ("get", ["agent-versions"]),
        "listAgentDefinitions": ("get", ["agent-definitions"]),
        "createAgentDefinition": ("post", ["agent-definitions"]),
        "getAgentDefinition": ("get", ["agent-definitions"]),
        "listScenarios": ("get", ["scenarios"]),
        "getScenario": ("get", ["scenarios"]),
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
        ("TestExecutionDetail", "status"),
        ("CallExecution", "status"),
        ("CallResult", "status"),
        ("SimulationRunResults", "status"),
        ("RunTestExecution", "status"),
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


def _inline(node: Any) -> Any:
    """``node`` with every ``$ref`` replaced by its target (the document has no recursive schemas)."""
    node = resolve(node)
    if isinstance(node, dict):
        return {key: _inline(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item) for item in node]
    return node


def _media_examples(where: str, content: dict[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    for media_type, media in content.items():
        if "schema" not in media:
            continue
        if "example" in media:
            yield f"{where} {media_type}", media["schema"], media["example"]
        for name, example in (media.get("examples") or {}).items():
            yield f"{where} {media_type} {name}", media["schema"], resolve(example)["value"]


def _all_examples() -> Iterator[tuple[str, Any, Any]]:
    for op_id, (_, _, op) in OPERATIONS.items():
        body = resolve(op.get("requestBody") or {})
        yield from _media_examples(f"{op_id} request", body.get("content") or {})
        for status, response in op["responses"].items():
            yield from _media_examples(f"{op_id} {status}", resolve(response).get("content") or {})
    for name, schema in DOCUMENT["components"]["schemas"].items():
        if "example" in schema:
            yield f"schema {name}", schema, schema["example"]


EXAMPLES = list(_all_examples())


@pytest.mark.parametrize(("where", "schema", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_example_matches_its_schema(where: str, schema: Any, value: Any) -> None:
    """Each example in the document validates against the schema beside it, so no example can rot.

    Nullable references (``nullable`` beside ``allOf``) are read as the generators read them: this, or null.
    """
    resolved = _nullable_references(_inline(schema))
    OAS30Validator(resolved, format_checker=oas30_format_checker).validate(value)


def test_examples_are_data_not_references() -> None:
    """No example value hides a $ref: OpenAPI does not resolve them there, so other tools would show it."""
    assert all("$ref" not in repr(value) for _, _, value in EXAMPLES)


def test_every_operation_has_request_and_response_examples() -> None:
    """Each request body and each success answer shows at least one example."""
    missing = []
    for op_id, (_, _, op) in OPERATIONS.items():
        if "requestBody" in op and not any(w.startswith(f"{op_id} request") for w, _, _ in EXAMPLES):
            missing.append(f"{op_id} request")
        success = [s for s in op["responses"] if s.startswith("2")]
        if not any(w.startswith(f"{op_id} {s}") for s in success for w, _, _ in EXAMPLES):
            missing.append(f"{op_id} response")
    assert missing == []


def test_the_c_yaml_loader_reads_the_document_as_the_python_one_does() -> None:
    """The emulator reads openapi.yaml with libyaml's loader when it can: it must read the same document."""
    text = (Path(__file__).resolve().parents[2] / "openapi.yaml").read_text(encoding="utf-8")
    c_loader = getattr(yaml, "CSafeLoader", None)
    assert c_loader is not None, "PyYAML here was built without libyaml"
    assert yaml.load(text, Loader=c_loader) == yaml.load(text, Loader=yaml.SafeLoader)
