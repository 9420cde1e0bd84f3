"""The suite file (``simulate.toml``) and ``check``: in this process against the emulator, and the
file's JSON Schema in ``docs/`` against README's example and bad files."""

from __future__ import annotations

import json
import re
import tomllib
import uuid
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]  # the testing extra brings it (openapi-core)
import pytest

from futureagi_simulate.cli._parser import run_parser
from futureagi_simulate.cli._suite import load_suite, suite_schema
from futureagi_simulate.testing import Emulator
from tests.cli.harness import POLL, invoke
from tests.cli.test_many import add_run_test

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "simulate.schema.json"
RUN = "cca72a31-b8b4-5620-8701-533ac54970c8"


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def two_run_tests(emu: Emulator, tmp_path: Path, smoke: uuid.UUID, *, extra: str = "") -> Path:
    """A suite of the seeded run test (a Tone check minimum of 0.5) and ``smoke`` (no eval config)."""
    return write(
        tmp_path / "simulate.toml",
        f"""
[defaults]
poll-interval = {POLL}
json = "{tmp_path / "r.json"}"
{extra}
[[run_test]]
id = "{emu.seed.run_test_id}"
min-pass-rate = {{ "Tone check" = 0.5 }}

[[run_test]]
id = "{smoke}"
""",
    )


def results(tmp_path: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads((tmp_path / "r.json").read_text())["run_tests"]
    return found


def test_run_with_no_id_runs_the_suite_of_the_current_directory(
    oss: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """simulate.toml in the cwd: both run tests run, each with its own thresholds; the one without
    'Tone check' is not failed by the other's minimum for it."""
    smoke = add_run_test(oss, "Checkout smoke")
    oss.script(oss.seed.scenario_ids[1], evals={"Tone check": False})
    two_run_tests(oss, tmp_path, smoke)
    monkeypatch.chdir(tmp_path)
    done = invoke(oss, "run")
    assert done.returncode == 0, done.stderr
    first, second = results(tmp_path)
    assert (first["run_test_id"], first["thresholds"]["min_pass_rate"]) == (
        str(oss.seed.run_test_id),
        {"Tone check": 0.5},
    )
    assert (second["run_test_id"], second["thresholds"]["min_pass_rate"], second["passed"]) == (
        str(smoke),
        {},
        True,
    )


def test_the_command_lines_options_win_over_the_file(oss: Emulator, tmp_path: Path) -> None:
    """--suite PATH with --max-failed-calls 1 over the file's 0: a run test with one failed call passes."""
    smoke = add_run_test(oss, "Checkout smoke")
    oss.script(oss.seed.scenario_ids[1], call="failed")
    suite = two_run_tests(oss, tmp_path, smoke, extra="max-failed-calls = 0")
    done = invoke(oss, "run", "--suite", str(suite), "--max-failed-calls", "1")
    assert done.returncode == 0, done.stderr
    assert [r["thresholds"]["max_failed_calls"] for r in results(tmp_path)] == [1, 1]


def test_a_rate_on_the_command_line_replaces_the_files_rate_of_that_eval(
    oss: Emulator, tmp_path: Path
) -> None:
    """The file's 'Tone check' 0.5 and --min-pass-rate 'Tone check=0.2': 0.2, not a name given twice."""
    suite = write(
        tmp_path / "simulate.toml",
        f"""[defaults]
poll-interval = {POLL}
json = "{tmp_path / "r.json"}"

[[run_test]]
id = "{oss.seed.run_test_id}"
min-pass-rate = {{ "Tone check" = 0.5, "Issue resolved" = 0.4 }}
""",
    )
    done = invoke(oss, "run", "--suite", str(suite), "--min-pass-rate", "Tone check=0.2")
    assert done.returncode == 0, done.stderr
    (only,) = results(tmp_path)
    assert only["thresholds"]["min_pass_rate"] == {"Issue resolved": 0.4, "Tone check": 0.2}


def test_run_with_no_id_and_no_suite_file_is_a_usage_error(
    oss: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No id, no --search, no simulate.toml here: exit 2 saying what to give, nothing sent."""
    monkeypatch.chdir(tmp_path)
    done = invoke(oss, "run")
    assert done.returncode == 2
    assert "give a RUN_TEST_ID, --search TEXT, or a suite file (simulate.toml is not in" in done.stderr
    assert sum(oss.app.requests.values()) == 0


def test_check_with_no_suite_file_asks_only_for_what_check_takes(
    oss: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check, no simulate.toml here: exit 2 asking for --suite PATH, not a RUN_TEST_ID or --search."""
    monkeypatch.chdir(tmp_path)
    done = invoke(oss, "check")
    assert done.returncode == 2
    assert f"simulate.toml is not in {tmp_path}" in done.stderr
    assert "--suite PATH" in done.stderr
    assert "RUN_TEST_ID" not in done.stderr
    assert "--search" not in done.stderr
    assert sum(oss.app.requests.values()) == 0


def test_check_of_a_good_suite_exits_0_and_executes_nothing(oss: Emulator, tmp_path: Path) -> None:
    """check --suite PATH: the file and the server agree, exit 0, no execute."""
    smoke = add_run_test(oss, "Checkout smoke")
    done = invoke(oss, "check", "--suite", str(two_run_tests(oss, tmp_path, smoke)))
    assert done.returncode == 0, done.stderr
    assert "2 run tests checked: no problem found" in done.stderr
    assert oss.request_count("executeRunTest") == 0


def test_check_names_file_line_and_key_of_every_problem_in_the_file(oss: Emulator, tmp_path: Path) -> None:
    """Unknown keys, wrong types, a bad duration, a suite-wide key in a run test: exit 2, each located."""
    suite = write(
        tmp_path / "bad.toml",
        f"""[defaults]
timeout = "soon"
colour = 1

[[run_test]]
id = "{oss.seed.run_test_id}"
json = "x.json"

[[run_test]]
id = "{uuid.uuid4()}"
max-failed-calls = true
only = "87d5c2de-0730-51d8-9535-5c7eeef27ebc"
""",
    )
    done = invoke(oss, "check", "--suite", str(suite))
    assert done.returncode == 2
    said = [line.removeprefix("futureagi-simulate: ") for line in done.stderr.splitlines()]
    # The keys are run's options, which other options join: the line is checked up to its list.
    assert said[1].startswith(
        f"{suite}:3: defaults.colour: unknown key; the keys are agent-version, all-except, "
    )
    assert said[:1] + said[2:] == [
        f"{suite}:2: defaults.timeout: 'soon' is not a duration: use seconds or 90s, 30m, 1h",
        f"{suite}:7: run_test[1].json: is for the suite as a whole: put it in [defaults]",
        f"{suite}:11: run_test[2].max-failed-calls: must be a string or a number, got a boolean",
        f"{suite}:12: run_test[2].only: must be an array, got a string",
    ]
    assert sum(oss.app.requests.values()) == 0


def test_check_of_a_file_that_is_not_toml_says_where(oss: Emulator, tmp_path: Path) -> None:
    """A TOML syntax error: exit 2, the file and tomllib's line and column."""
    done = invoke(oss, "check", "--suite", str(write(tmp_path / "s.toml", "[[run_test]]\nid = \n")))
    assert done.returncode == 2
    assert f"{tmp_path / 's.toml'}: not TOML: " in done.stderr
    assert "(at line 2, column 6)" in done.stderr


def test_check_finds_unknown_ids_and_eval_names_on_the_server(oss: Emulator, tmp_path: Path) -> None:
    """An id the server lacks and an eval name the run test lacks: exit 2, both said, nothing executed."""
    unknown = uuid.uuid4()
    suite = write(
        tmp_path / "simulate.toml",
        f"""[[run_test]]
id = "{oss.seed.run_test_id}"
min-pass-rate = {{ "Tone chek" = 0.5 }}

[[run_test]]
id = "{unknown}"
""",
    )
    done = invoke(oss, "check", "--suite", str(suite))
    assert done.returncode == 2
    assert f"run test {unknown}: the server has no run test with this id" in done.stderr
    assert (
        f"run test {oss.seed.run_test_id}: --min-pass-rate: 'Tone chek' is not an eval config" in done.stderr
    )
    assert oss.request_count("executeRunTest") == 0


def readme_suite() -> str:
    """README's example suite file (its one ```toml block)."""
    (block,) = re.findall(r"```toml\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    return str(block)


def test_the_published_schema_is_the_one_the_parser_gives() -> None:
    """docs/simulate.schema.json is in step with run's options (rewrite it with
    `python -m futureagi_simulate.cli._suite > docs/simulate.schema.json`)."""
    assert json.loads(SCHEMA.read_text()) == suite_schema(run_parser())


def test_the_schema_and_the_command_accept_readmes_example(tmp_path: Path) -> None:
    """README's simulate.toml: valid by the JSON Schema and read by the command without a problem."""
    text = readme_suite()
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(tomllib.loads(text))
    suite, problems = load_suite(write(tmp_path / "simulate.toml", text), run_parser())
    assert problems == []
    assert suite is not None
    assert len(suite.run_tests) == 2


@pytest.mark.parametrize(
    "text",
    [
        '[[run_test]]\nid = "cca72a31-b8b4-5620-8701-533ac54970c8"\ncolour = 1\n',
        '[[run_test]]\nid = "cca72a31-b8b4-5620-8701-533ac54970c8"\nmax-failed-calls = true\n',
        '[[run_test]]\nid = "cca72a31-b8b4-5620-8701-533ac54970c8"\nonly = "a"\n',
        '[[run_test]]\nid = "cca72a31-b8b4-5620-8701-533ac54970c8"\njson = "r.json"\n',
        '[[run_test]]\nid = "not an id"\n',
        "[[run_test]]\ntimeout = 30\n",
        '[defaults]\ntimeout = "30m"\n',
        f'[[run_test]]\nid = "{RUN}"\n[[run_test]]\nid = "{RUN}"\n',
        f'defaults = 1\n[[run_test]]\nid = "{RUN}"\n',
        "run_test = 1\n",
        f'colour = 1\n[[run_test]]\nid = "{RUN}"\n',
        f'[[run_test]]\nid = "{RUN}"\ncancel-on-interrupt = "yes"\n',
        f'[[run_test]]\nid = "{RUN}"\nmin-pass-rate = {{ a = [1] }}\n',
        f'[[run_test]]\nid = "{RUN}"\nmin-pass-rate = 0.9\n',
        f'[[run_test]]\nid = "{RUN}"\nonly = [[1]]\n',
    ],
    ids=[
        "unknown key",
        "wrong type",
        "scalar for array",
        "suite-wide key",
        "bad id",
        "no id",
        "no run test",
        "one id twice",
        "defaults not a table",
        "run_test not tables",
        "unknown top-level key",
        "string for a flag",
        "array in a table",
        "number for a table",
        "array in an array",
    ],
)
def test_the_schema_and_the_command_reject_a_bad_file(text: str, tmp_path: Path) -> None:
    """Each bad file: the JSON Schema refuses it, and so does the command's own check."""
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    assert not validator.is_valid(tomllib.loads(text))
    _suite, problems = load_suite(write(tmp_path / "simulate.toml", text), run_parser())
    assert problems


def test_check_refuses_options_that_run_would_refuse_before_paying(oss: Emulator, tmp_path: Path) -> None:
    """json and junit naming one file, and --only with --all-except: exit 2, each said, nothing executed."""
    scenario = oss.seed.scenario_ids[0]
    suite = write(
        tmp_path / "simulate.toml",
        f"""[defaults]
json = "same.out"
junit = "same.out"

[[run_test]]
id = "{oss.seed.run_test_id}"
only = ["{scenario}"]
all-except = ["{scenario}"]
""",
    )
    done = invoke(oss, "check", "--suite", str(suite))
    assert done.returncode == 2
    assert "--json and --junit name the same file (same.out)" in done.stderr
    assert f"run test {oss.seed.run_test_id}: --only and --all-except cannot be used together" in done.stderr
    assert oss.request_count("executeRunTest") == 0
