"""The emulator's oss dialect answers in the real server's shapes: every recorded answer of the open-source
server (``tests/data/answers-oss.json``, 99 answers of future-agi/future-agi @5dc9ff2 in both
executor configurations) is replayed against a fresh emulator put in the same state, and the two answers are
diffed by shape: keys and JSON types recursively (ids as dictionary keys read as ``<id>``; ``null`` fits any
type, as the document makes those fields nullable), the error sentence, and the status. Any difference not
listed in ``INTENDED`` fails, per operation and status.

The recordings were made beside the project, outside the repository; the one file the test needs is copied
into ``tests/data/`` so that it runs offline on a fresh clone.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import pytest

from futureagi_simulate.testing import Emulator, Executor, ScriptedEval
from futureagi_simulate.testing._records import seed_id

RECORDINGS = Path(__file__).parent.parent / "data" / "answers-oss.json"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

#: Differences the emulator keeps on purpose: (recording key, path in the body) -> why. A path is the
#: shape path the diff prints (``.result.call_results.results[].eval_outputs.<id>.error``).
INTENDED: dict[tuple[str, str], str] = {
    # The Temporal server refused every prompt-simulation execute in the recording run (500 "Failed to
    # execute simulation"): its workflow could not reach an LLM provider there. The older executor ran the
    # same request (200, recorded too); the emulator runs prompt simulations under both executors, since a
    # server with a provider does.
    ("executePromptSimulation 500", "status"): "the Temporal server had no LLM provider when recorded",
}
#: Recorded ids that name nothing on the server (the "unknown" case): kept as they are.
UNKNOWN_IDS = {"97e6f583-7941-4a3f-8fdc-d7f0a97db1d9", "ea6473ac-1898-4d10-ae9d-9095f5859508"}


def _load() -> dict[str, list[dict[str, Any]]]:
    answers: dict[str, list[dict[str, Any]]] = json.loads(RECORDINGS.read_text("utf-8"))["answers"]
    return answers


ANSWERS = _load()


def _cases() -> Iterator[Any]:
    for key, recorded in sorted(ANSWERS.items()):
        for index, answer in enumerate(recorded):
            name = f"{key}-{answer['server_config']}-{answer['case']}-{index}".replace(" ", "-")
            yield pytest.param(key, index, id=name)


# -- shapes ---------------------------------------------------------------------------------------------


def _type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return "list" if isinstance(value, list) else "dict"


def shape(value: Any, found: dict[str, set[str]] | None = None, path: str = "") -> dict[str, set[str]]:
    """Every path in ``value`` with the JSON types seen there; list items merge under ``[]``, id keys read
    as ``<id>``."""
    found = {} if found is None else found
    found.setdefault(path, set()).add(_type(value))
    if isinstance(value, dict):
        for key, item in value.items():
            shape(item, found, f"{path}.{'<id>' if _UUID.fullmatch(key) else key}")
    elif isinstance(value, list):
        for item in value:
            shape(item, found, f"{path}[]")
    return found


def differences(recorded: Any, emulated: Any) -> list[str]:
    """How ``emulated``'s shape departs from ``recorded``'s: missing and extra paths, and types that differ
    (``null`` fits any type on either side)."""
    want, got = shape(recorded), shape(emulated)
    # Below a value one side has as null only (a run test without a simulator agent), the other side's keys
    # are a difference of value, not of shape.
    nulls = [
        p
        for p in want.keys() | got.keys()
        if want.get(p, {"null"}) == {"null"} or got.get(p, {"null"}) == {"null"}
    ]
    found = []
    for path in sorted(want.keys() | got.keys()):
        if any(path.startswith(n + ".") or path.startswith(n + "[]") for n in nulls if n):
            continue
        if path not in got:
            found.append(f"missing {path} ({'|'.join(sorted(want[path]))})")
        elif path not in want:
            found.append(f"extra {path} ({'|'.join(sorted(got[path]))})")
        else:
            a, b = want[path] - {"null"}, got[path] - {"null"}
            if a and b and a != b:
                found.append(f"type {path}: recorded {'|'.join(sorted(a))}, emulator {'|'.join(sorted(b))}")
    return found


def orders(body: Any) -> list[Any]:
    """The orders the recordings can check whatever the ids: the eval summary's and the results' templates
    with their configs (the seed's templates and configs are named as the recorded ones), and a run test's
    eval configs (newest first)."""
    found: list[Any] = []
    result = body.get("result") if isinstance(body, dict) else None
    if isinstance(result, list):
        found.append([(t.get("name"), [c.get("name") for c in t.get("result", [])]) for t in result])
    if isinstance(result, dict) and "eval_results" in result:
        found.append(
            [(t.get("name"), [c.get("name") for c in t.get("result", [])]) for t in result["eval_results"]]
        )
    if isinstance(body, dict) and isinstance(body.get("evals"), list) and body["evals"]:
        found.append([e.get("name") for e in body["evals"]])
    return found


def _sentence(body: Any) -> Any:
    return body.get("detail") if isinstance(body, dict) and body.get("status") is False else None


# -- putting a fresh emulator in the recorded state -------------------------------------------------------

_CASE_EXECUTIONS: dict[str, str] = {}  # recorded execution id -> the case that started it
for _answer in ANSWERS.get("executeRunTest 200", []):
    _CASE_EXECUTIONS[_answer["body"]["execution_id"]] = _answer["case"]
for _answer in ANSWERS.get("getSimulationRunResults 200", []):
    _id = dict(parse_qsl(urlsplit(_answer["url"]).query))["execution_id"]
    if "the completed one" not in _answer["client_step"] and _answer["case"] not in ("auth", "async"):
        _CASE_EXECUTIONS.setdefault(_id, _answer["case"])


class Replay:
    """One recording replayed on a fresh emulator of its executor configuration."""

    def __init__(self, answer: Mapping[str, Any]) -> None:
        self.answer = answer
        executor: Executor = "older" if answer["server_config"] == "older-executor" else "temporal"
        self.emulator = Emulator(dialect="oss", advance="manual", executor=executor)
        self.viewer = ("viewer-key", "viewer-secret")
        self.emulator.add_keys(*self.viewer, can_write=False)
        # In-process (no socket), at the recorded server's address, so that page links look alike.
        self.http = httpx.Client(transport=self.emulator.transport(), base_url="http://127.0.0.1:8000")

    def headers(self) -> dict[str, str]:
        status, step = self.answer["status"], self.answer["client_step"]
        if status == 401:
            return {"X-Api-Key": "wrong", "X-Secret-Key": "wrong"}
        if status == 403 or "viewer" in step:
            headers = {"X-Api-Key": self.viewer[0], "X-Secret-Key": self.viewer[1]}
            if "X-Workspace-Id" in step:
                headers["X-Workspace-Id"] = str(uuid.uuid4())
            return headers
        return {"X-Api-Key": self.emulator.api_key, "X-Secret-Key": self.emulator.secret_key}

    def _own(self, method: str, url: str, body: Any = None) -> dict[str, Any]:
        headers = {"X-Api-Key": self.emulator.api_key, "X-Secret-Key": self.emulator.secret_key}
        answer = self.http.request(method, url, json=body, headers=headers)
        assert answer.status_code < 300, answer.text
        result: dict[str, Any] = answer.json()
        return result

    def _no_evals_run_test(self) -> str:
        seed = self.emulator.seed
        created = self._own(
            "POST",
            "/simulate/run-tests/create/",
            {
                "name": "paging",
                "agent_definition_id": str(seed.agent_definition_ids[1]),
                "scenario_ids": [str(s) for s in seed.scenario_ids],
            },
        )
        return str(created["id"])

    def _run_test_for(self, recorded_id: str) -> str:
        seed = self.emulator.seed
        if any(a["case"] == "paging" and recorded_id in a["url"] for a in ANSWERS["createRunTest 201"]) or (
            self.answer["case"] == "paging" and "run-tests/" in self.answer["url"]
        ):
            return self._no_evals_run_test()
        if any(recorded_id in a["url"] for a in ANSWERS["executeRunTest 400"] if a["case"] == "selection"):
            return str(seed.incomplete_run_test_id)
        return str(seed.run_test_id)

    def _script(self, case: str) -> None:
        """Scripts the seed's scenarios as the recorded case's calls ended."""
        seed = self.emulator.seed
        first, *others = seed.scenario_ids
        emu = self.emulator
        if case == "evalfail":
            emu.script(first, evals={"Tone check": False})
        elif case == "callfail":
            emu.script(first, call="failed")
        elif case == "allfail":
            for scenario in seed.scenario_ids:
                emu.script(scenario, call="failed")
        elif case == "errorevals":
            for scenario in seed.scenario_ids:
                emu.script(scenario, evals={"Issue resolved": ScriptedEval.errored()})
        elif case == "boolevals":
            emu.script(first, evals={"Tone check": ScriptedEval.judged(True), "Issue resolved": "Pass"})
            for scenario in others:
                emu.script(
                    scenario, evals={"Tone check": ScriptedEval.judged(False), "Issue resolved": "Passed"}
                )

    def _execution(self, case: str, status: str | None, run_test_id: str) -> str:
        """A new execution of ``case``, moved to the recorded ``status`` (None: finished)."""
        self._script(case)
        started = self._own("POST", f"/simulate/run-tests/{run_test_id}/execute/", {"select_all": True})
        execution = str(started["execution_id"])
        step = self.answer["client_step"]
        if status in (None, "completed", "failed"):
            self.emulator.finish(execution)
        elif status == "running":
            self.emulator.advance(execution)
        elif status in ("cancelling", "cancelled"):
            if "the completed one" in step or self.answer["case"] in ("auth", "async"):
                self.emulator.finish(execution)
            else:
                self.emulator.advance(execution)
            self._own("POST", f"/simulate/test-executions/{execution}/cancel/", {})
        return execution

    def _recorded_status(self) -> str | None:
        body = self.answer["body"]
        if (
            isinstance(body, dict)
            and isinstance(body.get("result"), dict)
            and "call_results" in body["result"]
        ):
            return str(body["result"]["status"])
        if isinstance(body, dict) and "column_order" in body:
            return str(body["status"])
        return None

    def request(self) -> httpx.Response:
        seed = self.emulator.seed
        answer = self.answer
        url, body = answer["url"], answer["request_body"]
        parts = urlsplit(url)
        path, query = parts.path, parse_qsl(parts.query, keep_blank_values=True)
        run_test = re.search(r"run-tests/([0-9a-f-]{36})/", path)
        simulation = re.search(r"prompt-templates/([0-9a-f-]{36})/simulations/([0-9a-f-]{36})/", path)
        execution = re.search(r"test-executions/([0-9a-f-]{36})/", path)
        if simulation:
            path = path.replace(simulation.group(1), str(seed.prompt_template_id)).replace(
                simulation.group(2), str(seed.prompt_run_test_id)
            )
        run_test_id = str(seed.run_test_id)
        if run_test and run_test.group(1) not in UNKNOWN_IDS:
            run_test_id = self._run_test_for(run_test.group(1))
            path = path.replace(run_test.group(1), run_test_id)
        if answer["case"] == "paging" and not run_test:
            run_test_id = self._no_evals_run_test()
        recorded_execution = execution.group(1) if execution else dict(query).get("execution_id")
        if answer["case"] != "readers" and (
            ("eval-summary" in path and not recorded_execution) or path.endswith("/executions/")
        ):
            # A summary over every execution of the run test: the recorded run test had several.
            self._execution("pass", None, run_test_id)
            self._execution("evalfail", None, run_test_id)
        if recorded_execution and recorded_execution not in UNKNOWN_IDS:
            case = _CASE_EXECUTIONS.get(recorded_execution, "pass")
            mine = self._execution(case, self._recorded_status(), run_test_id)
            path = path.replace(recorded_execution, mine)
            query = [(k, mine if v == recorded_execution else v) for k, v in query]
        if answer["case"] == "paging":
            # 105 recorded calls or scenarios at 100 a page; the seed's three at two a page.
            query = [(k, "2" if k == "limit" else v) for k, v in query]
        # The recorded searches named the tour's run tests; the seed's have other names.
        query = [(k, "billing" if k == "search" else v) for k, v in query]
        content = None
        if body is not None:
            content = self._rewrite_body(json.loads(body) if isinstance(body, str) else body)
        target = path + ("?" + urlencode(query) if query else "")
        headers = self.headers()
        if content is not None:
            headers["Content-Type"] = "application/json"
        return self.http.request(answer["method"], target, content=content, headers=headers)

    def _rewrite_body(self, body: Any) -> bytes:
        seed = self.emulator.seed
        if isinstance(body, dict) and "agent_definition_id" in body:
            templates = [seed_template("task_completion"), seed_template("toxicity")]
            body = {
                **body,
                "agent_definition_id": str(seed.agent_definition_ids[0]),
                "agent_version": str(seed_id("version:Support line")),
                "scenario_ids": [str(s) for s in seed.scenario_ids],
                "evaluations_config": [
                    {**item, "template_id": templates[i % 2]}
                    for i, item in enumerate(body.get("evaluations_config", []))
                ],
            }
        elif isinstance(body, dict) and "scenario_ids" in body:
            incomplete = self.answer["case"] == "selection" and "incomplete" in self.answer["client_step"]
            chosen = [str(seed.incomplete_scenario_id)] if incomplete else [str(seed.scenario_ids[0])]
            body = {**body, "scenario_ids": chosen if body["scenario_ids"] else []}
            if self.answer["case"] == "selection" and "prompt" in self.answer["client_step"]:
                body["scenario_ids"] = [str(seed.prompt_scenario_ids[0])]
        elif isinstance(body, dict) and "scenarioIds" in body:
            body = {**body, "scenarioIds": [str(seed.scenario_ids[0])] if body["scenarioIds"] else []}
        return json.dumps(body).encode()


def seed_template(name: str) -> str:
    return str(seed_id(f"eval-template:{name}"))


@pytest.mark.parametrize(("key", "index"), list(_cases()))
def test_the_emulator_answers_as_recorded(key: str, index: int) -> None:
    """The emulator's answer to a recorded request has the recorded status, shape and error sentence."""
    answer = ANSWERS[key][index]
    replay = Replay(answer)
    got = replay.request()
    problems = []
    if (key, "status") in INTENDED:
        pass
    elif got.status_code != answer["status"]:
        problems.append(f"status: recorded {answer['status']}, emulator {got.status_code}: {got.text[:300]}")
    else:
        emulated = got.json()
        problems += [p for p in differences(answer["body"], emulated) if (key, p.split()[1]) not in INTENDED]
        if orders(answer["body"]) != orders(emulated):
            problems.append(f"order: recorded {orders(answer['body'])}, emulator {orders(emulated)}")
        if _sentence(answer["body"]) != _sentence(emulated):
            problems.append(
                f"sentence: recorded {_sentence(answer['body'])!r}, emulator {_sentence(emulated)!r}"
            )
    replay.emulator.stop(check=False)
    assert not problems, (
        f"{key} ({answer['server_config']}, {answer['case']}, {answer['client_step']}):\n"
        + "\n".join(problems)
    )


def test_every_intended_difference_names_a_recorded_answer() -> None:
    """An entry of INTENDED that names no recorded operation and status is stale, and fails."""
    assert {key for key, _ in INTENDED} <= set(ANSWERS)


def test_the_shape_diff_sees_a_missing_key_a_type_and_a_nested_extra() -> None:
    """The diff reports what it is for: a key gone, an int where a float was, a key added deep in a list."""
    recorded = {"a": 1.0, "rows": [{"x": {"<id>": 1}}], "gone": "here"}
    emulated = {"a": 1, "rows": [{"x": {"<id>": 1}, "new": None}]}
    assert differences(recorded, emulated) == [
        "type .a: recorded float, emulator int",
        "missing .gone (str)",
        "extra .rows[].new (null)",
    ]
