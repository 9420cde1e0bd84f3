"""The GitHub Action (action.yml): GitHub's schema, actionlint, and its step run as GitHub's runner runs it.

The step runs as a real process: its `run:` text in a file, `bash --noprofile --norc -eo pipefail FILE` (what
GitHub runs for `shell: bash`), its `env:` filled as GitHub fills it (each `${{ inputs.X }}` the input's value
or default), and GitHub's variables (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_ACTIONS) set,
against the emulator. Signals are sent as the runner's cancellation sends them, each once the command has
said it reached the phase the signal is meant for.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from futureagi_simulate.cli import _action
from futureagi_simulate.testing import Emulator
from tests.cli.harness import environment
from tests.cli.test_signals import ENDS_WITHIN, Running, holding

ROOT = Path(__file__).resolve().parents[2]
ACTION = ROOT / "action.yml"
EXAMPLE = ROOT / "examples" / "github-action.yml"
BIN = Path(sys.executable).parent
EXPRESSION = re.compile(r"^\$\{\{\s*(.+?)\s*\}\}$")


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ACTION.read_text())
    return loaded


def step(step_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in action()["runs"]["steps"] if s.get("id") == step_id]
    (one,) = found
    return one


# What the action declares -------------------------------------------------------------------------------


def test_no_step_pastes_an_expression_into_its_script() -> None:
    """No `run:` of the action holds `${{`: inputs and paths reach the scripts through `env:` alone."""
    runs = [s["run"] for s in action()["runs"]["steps"] if "run" in s]
    assert len(runs) == 2
    for script in runs:
        assert "${{" not in script


def test_every_input_reaches_the_command_step_through_env() -> None:
    """Each input but python-version is one FUTUREAGI_INPUT_ variable of the step, holding just that input."""
    inputs = set(action()["inputs"]) - {"python-version"}
    env = step("simulate")["env"]
    passed = {
        match.group(1).removeprefix("inputs."): name
        for name, value in env.items()
        if (match := EXPRESSION.match(str(value))) and match.group(1).startswith("inputs.")
    }
    assert set(passed) == inputs
    for name, variable in passed.items():
        assert variable == _action.PREFIX + name.upper().replace("-", "_")


def test_the_command_step_execs_the_command() -> None:
    """The step's script is one `exec` of the command's Python, so the runner's signals reach it."""
    assert (
        step("simulate")["run"].strip()
        == 'exec "$FUTUREAGI_SIMULATE_PYTHON" -m futureagi_simulate.cli._action'
    )


def test_the_outputs_are_the_command_steps() -> None:
    """passed, exit-code, execution-ids and json-report, each the simulate step's output of that name."""
    outputs = action()["outputs"]
    assert set(outputs) == {"passed", "exit-code", "execution-ids", "json-report"}
    for name, output in outputs.items():
        assert output["value"] == f"${{{{ steps.simulate.outputs.{name} }}}}"


# The inputs as arguments (in this process) -----------------------------------------------------------------

ID_A, ID_B = "3fa85f64-5717-4562-b3fc-2c963f66afa6", "9c5b94b1-35ad-49bb-b118-8e8fc24abf80"
REPORT = Path("/t/report.json")


def inputs(**values: str) -> dict[str, str]:
    return {_action.PREFIX + name.upper(): value for name, value in values.items()} | {"RUNNER_TEMP": "/t"}


def test_ids_are_split_at_spaces_commas_and_new_lines_and_follow_a_double_dash() -> None:
    """run-test-ids "A, B\\n" is `-- A B` at the end: no id is read as an option."""
    argv = _action.arguments(json_report=REPORT, env=inputs(run_test_ids=f" {ID_A},\n{ID_B} "))
    assert argv[-3:] == ["--", ID_A, ID_B]


def test_no_ids_leave_the_suite_to_the_command() -> None:
    """suite given, no ids: `run --suite=PATH` and no `--`."""
    argv = _action.arguments(json_report=REPORT, env=inputs(suite="ci/simulate.toml"))
    assert argv[:2] == ["run", "--suite=ci/simulate.toml"]
    assert "--" not in argv


def test_each_line_of_min_pass_rate_is_one_option() -> None:
    """Two lines, names with spaces: two --min-pass-rate options, each line whole."""
    argv = _action.arguments(
        json_report=REPORT, env=inputs(min_pass_rate="Tone check=0.9\n\n  Task done=1\n")
    )
    assert [a for a in argv if a.startswith("--min-pass-rate")] == [
        "--min-pass-rate=Tone check=0.9",
        "--min-pass-rate=Task done=1",
    ]


def test_args_are_split_as_words_and_never_evaluated() -> None:
    """args `--junit "$(id).xml" ; x` stays those three words, `$(id)` unexpanded."""
    argv = _action.arguments(
        json_report=REPORT, env=inputs(args='--junit "$(id).xml" ; x', run_test_ids=ID_A)
    )
    assert argv[argv.index("--junit") + 1 : argv.index("--")] == ["$(id).xml", ";", "x"]


def test_an_unclosed_quote_in_args_names_the_input() -> None:
    """args with an open quote: InputError naming `args`."""
    with pytest.raises(_action.InputError, match="input args: No closing quotation"):
        _action.arguments(json_report=REPORT, env=inputs(args='--junit "x.xml'))


def test_cancel_on_interrupt_is_true_or_false() -> None:
    """cancel-on-interrupt `yes`: InputError naming it; `true` adds the option, `false` does not."""
    with pytest.raises(_action.InputError, match="input cancel-on-interrupt: 'yes' is not true or false"):
        _action.arguments(json_report=REPORT, env=inputs(cancel_on_interrupt="yes"))
    assert "--cancel-on-interrupt" in _action.arguments(
        json_report=REPORT, env=inputs(cancel_on_interrupt="true")
    )
    assert "--cancel-on-interrupt" not in _action.arguments(
        json_report=REPORT, env=inputs(cancel_on_interrupt="false")
    )


def test_the_json_report_is_a_new_file_in_runner_temp_each_run() -> None:
    """No json-report input: a file in RUNNER_TEMP, another one each run (two uses in a job share none)."""
    first, second = _action.report_path(inputs()), _action.report_path(inputs())
    assert first.parent == second.parent == Path("/t")
    assert first != second
    assert first.name.startswith("futureagi-simulate-")


def test_the_json_report_input_is_the_json_option() -> None:
    """json-report given: that path, and it is what --json gets."""
    path = _action.report_path(inputs(json_report="out/simulate.json"))
    assert path == Path("out/simulate.json")
    assert "--json=out/simulate.json" in _action.arguments(inputs(), json_report=path)


def test_an_output_with_a_new_line_stays_one_output(tmp_path: Path) -> None:
    """A value holding a new line is written between delimiters that no value holds."""
    output = tmp_path / "output"
    _action.write_outputs(str(output), [("json-report", "a\nb"), ("passed", "true")])
    lines = output.read_text().splitlines()
    assert lines[0].startswith("json-report<<ghadelimiter_")
    assert lines[1:4] == ["a", "b", lines[0].split("<<")[1]]
    assert lines[4].startswith("passed<<")
    assert lines[5] == "true"


# GitHub's checks (the installed tools) ----------------------------------------------------------------------


@pytest.mark.slow
def test_the_action_file_matches_githubs_schema() -> None:
    """check-jsonschema's vendored schema of action metadata accepts action.yml."""
    checked = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-actions", ACTION],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.slow
def test_githubs_schema_refuses_an_action_without_runs(tmp_path: Path) -> None:
    """The same check fails on action.yml without its `runs:`: the schema check can fail."""
    broken = action()
    del broken["runs"]
    (tmp_path / "action.yml").write_text(yaml.safe_dump(broken))
    checked = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-actions", tmp_path / "action.yml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 1
    assert "'runs' is a required property" in checked.stdout


def lint(tmp_path: Path, workflow: str) -> subprocess.CompletedProcess[str]:
    """actionlint, with shellcheck, on ``workflow`` in a repository holding this action at its root, the
    workflow using it as `./` (actionlint checks a local action's inputs and outputs from its action.yml)."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(ACTION, tmp_path / "action.yml")
    (tmp_path / ".github" / "workflows" / "simulate.yml").write_text(workflow)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    return subprocess.run(
        [BIN / "actionlint", "-oneline", "-shellcheck", BIN / "shellcheck", "-pyflakes", ""],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def local(workflow: str) -> str:
    """The example workflow with the action as the repository's own (`./`)."""
    uses = "YOUR-OWNER/futureagi-simulate@v1"
    assert uses in workflow
    return workflow.replace(uses, "./")


@pytest.mark.slow
def test_actionlint_passes_the_example_workflow_using_the_action(tmp_path: Path) -> None:
    """examples/github-action.yml, the action as `./`: actionlint (and shellcheck) find nothing."""
    linted = lint(tmp_path, local(EXAMPLE.read_text()))
    assert linted.returncode == 0, linted.stdout + linted.stderr


@pytest.mark.slow
def test_actionlint_passes_readmes_workflow_using_the_action(tmp_path: Path) -> None:
    """README's workflow with the action, the action as `./`: actionlint finds nothing."""
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    (block,) = [b for b in blocks if "YOUR-OWNER/futureagi-simulate@v1" in b]
    linted = lint(tmp_path, local(block))
    assert linted.returncode == 0, linted.stdout + linted.stderr


@pytest.mark.slow
def test_actionlint_finds_an_input_the_action_does_not_have(tmp_path: Path) -> None:
    """A misspelt input (`timeot`) and output (`pased`): actionlint names both, from action.yml."""
    workflow = local(EXAMPLE.read_text()).replace("timeout: 30m", "timeot: 30m")
    linted = lint(tmp_path, workflow.replace("outputs.passed", "outputs.pased"))
    assert linted.returncode == 1
    assert 'input "timeot" is not defined in action "futureagi-simulate"' in linted.stdout
    assert 'property "pased" is not defined' in linted.stdout


@pytest.mark.slow
def test_the_actions_scripts_pass_shellcheck(tmp_path: Path) -> None:
    """Each `run:` of the action, as bash, passes shellcheck (actionlint checks no action's own steps)."""
    for index, script in enumerate(s["run"] for s in action()["runs"]["steps"] if "run" in s):
        path = tmp_path / f"step{index}.sh"
        path.write_text(script)
        checked = subprocess.run(
            [BIN / "shellcheck", "--shell=bash", path], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout


# The step as a real process, against the emulator ----------------------------------------------------------


class Runner:
    """GitHub's runner for the action's `simulate` step, in ``folder`` (its workspace)."""

    def __init__(self, emu: Emulator, folder: Path, *, base_url: str | None = None) -> None:
        self.folder = folder
        self.python = sys.executable
        self.temp = folder / "runner-temp"
        self.temp.mkdir()
        self.output = folder / "github-output"
        self.summary = folder / "step-summary.md"
        self.base = environment(emu, FI_BASE_URL=base_url or emu.url)
        self.base.update(
            GITHUB_ACTIONS="true",
            GITHUB_ACTION="simulate",
            GITHUB_OUTPUT=str(self.output),
            GITHUB_STEP_SUMMARY=str(self.summary),
            RUNNER_TEMP=str(self.temp),
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        )

    def env(self, given: dict[str, str]) -> dict[str, str]:
        """The step's env: as GitHub fills it, on top of the job's environment."""
        declared = action()["inputs"]
        assert set(given) <= set(declared), set(given) - set(declared)
        context = {
            f"inputs.{name}": given.get(name, str(spec.get("default", ""))) for name, spec in declared.items()
        }
        context["steps.install.outputs.python"] = self.python
        env = dict(self.base)
        for name, value in step("simulate")["env"].items():
            match = EXPRESSION.match(str(value))
            assert match is not None, value
            env[name] = context[match.group(1)]
        return env

    def start(self, **given: str) -> Running:
        script = self.folder / "step.sh"
        script.write_text(step("simulate")["run"])
        return Running(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            env=self.env({name.replace("_", "-"): value for name, value in given.items()}),
            cwd=self.folder,
        )

    def outputs(self) -> dict[str, str]:
        """$GITHUB_OUTPUT read as GitHub reads it (`name<<DELIMITER` blocks)."""
        found: dict[str, str] = {}
        lines = iter(self.output.read_text().splitlines())
        for line in lines:
            name, delimiter = line.split("<<", 1)
            value: list[str] = []
            for inner in lines:
                if inner == delimiter:
                    break
                value.append(inner)
            found[name] = "\n".join(value)
        return found


POLL = "--poll-interval 0.01"


@pytest.mark.slow
def test_the_step_gates_a_run_test_and_writes_its_outputs(oss: Emulator, tmp_path: Path) -> None:
    """The seeded run test passes: exit 0, outputs passed/exit-code/execution-ids/json-report, a summary."""
    runner = Runner(oss, tmp_path)
    code, err = runner.start(run_test_ids=str(oss.seed.run_test_id), args=POLL).finish()
    assert code == 0, err
    (execution,) = oss.execution_ids(oss.seed.run_test_id)
    outputs = runner.outputs()
    report = Path(outputs.pop("json-report"))
    assert outputs == {"passed": "true", "exit-code": "0", "execution-ids": str(execution)}
    assert report.parent == runner.temp
    assert json.loads(report.read_text())["execution_id"] == str(execution)
    assert "## futureagi-simulate: " in runner.summary.read_text()


@pytest.mark.slow
def test_a_failed_verdict_fails_the_step_and_says_so_in_its_outputs(oss: Emulator, tmp_path: Path) -> None:
    """An eval that fails one scenario, min-pass-rate 1: exit 1, passed false, the execution named."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    runner = Runner(oss, tmp_path)
    running = runner.start(run_test_ids=str(oss.seed.run_test_id), min_pass_rate="Tone check=1", args=POLL)
    code, err = running.finish()
    assert code == 1, err
    (execution,) = oss.execution_ids(oss.seed.run_test_id)
    outputs = runner.outputs()
    assert (outputs["passed"], outputs["exit-code"], outputs["execution-ids"]) == (
        "false",
        "1",
        str(execution),
    )


@pytest.mark.slow
def test_inputs_with_shell_syntax_stay_text(oss: Emulator, tmp_path: Path) -> None:
    """`$(touch ...)`, backticks and `;` in inputs run nothing: the command reads them as text and refuses."""
    runner = Runner(oss, tmp_path)
    running = runner.start(
        run_test_ids=str(oss.seed.run_test_id),
        min_pass_rate="$(touch made-by-min-pass-rate); `touch made-by-backticks`=0.5",
        args="--junit '$(touch made-by-args).xml' " + POLL,
        timeout="30m; touch made-by-timeout",
    )
    code, err = running.finish()
    assert code == 2, err
    assert "'30m; touch made-by-timeout' is not a duration" in err
    assert not list(tmp_path.rglob("made-by-*"))
    assert oss.execution_ids(oss.seed.run_test_id) == []
    assert runner.outputs()["exit-code"] == "2"


@pytest.mark.slow
def test_an_eval_name_with_shell_syntax_reaches_the_command_as_text(oss: Emulator, tmp_path: Path) -> None:
    """min-pass-rate `$(touch x); y=0.5`: the command names that eval, `$(...)` and all; exit 2."""
    runner = Runner(oss, tmp_path)
    running = runner.start(run_test_ids=str(oss.seed.run_test_id), min_pass_rate="$(touch made); y=0.5")
    code, err = running.finish()
    assert code == 2, err
    assert "$(touch made); y" in err
    assert not (tmp_path / "made").exists()
    assert oss.execution_ids(oss.seed.run_test_id) == []


@pytest.fixture
def manual() -> Iterator[Emulator]:
    with Emulator(dialect="oss", advance="manual") as emu:
        yield emu


@pytest.mark.slow
def test_githubs_sigint_cancels_the_execution_and_the_outputs_say_so(
    manual: Emulator, tmp_path: Path
) -> None:
    """SIGINT to the step's shell once the execution started: it is cancelled, exit 130, outputs written."""
    runner = Runner(manual, tmp_path)
    running = runner.start(run_test_ids=str(manual.seed.run_test_id), args=POLL)
    running.wait_for("started execution")
    running.signal(signal.SIGINT)
    code, err = running.finish()
    assert code == 130, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) in ("cancelling", "cancelled")
    outputs = runner.outputs()
    assert (outputs["passed"], outputs["exit-code"], outputs["execution-ids"]) == (
        "false",
        "130",
        str(execution),
    )
    assert "FAILED (exit 130)" in runner.summary.read_text()


@pytest.mark.slow
def test_githubs_whole_cancellation_sequence_ends_the_step_by_itself(
    manual: Emulator, tmp_path: Path
) -> None:
    """SIGINT, then SIGTERM while the cancel is unanswered: the step ends by itself, 130, outputs whole."""
    with holding(manual, lambda r: r.path.endswith("/cancel/")) as (url, arrived, _release):
        runner = Runner(manual, tmp_path, base_url=url)
        running = runner.start(run_test_ids=str(manual.seed.run_test_id), args=POLL)
        running.wait_for("started execution")
        running.signal(signal.SIGINT)
        assert arrived.wait(ENDS_WITHIN)
        running.signal(signal.SIGTERM)
        # GitHub would SIGKILL 2.5 s later: the step must end by itself, without it.
        code, err = running.finish()
    assert code == 130, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    outputs = runner.outputs()
    assert (outputs["exit-code"], outputs["execution-ids"]) == ("130", str(execution))
    result = json.loads(Path(outputs["json-report"]).read_text())
    assert "its cancel was stopped by SIGTERM" in result["reasons"][0]


@pytest.mark.slow
def test_cancel_on_interrupt_false_leaves_the_execution_running(manual: Emulator, tmp_path: Path) -> None:
    """cancel-on-interrupt false: SIGTERM ends the step (143) and the execution goes on, named in outputs."""
    runner = Runner(manual, tmp_path)
    running = runner.start(run_test_ids=str(manual.seed.run_test_id), cancel_on_interrupt="false", args=POLL)
    running.wait_for("started execution")
    running.signal(signal.SIGTERM)
    code, err = running.finish()
    assert code == 143, err
    (execution,) = manual.execution_ids(manual.seed.run_test_id)
    assert manual.execution_status(execution) == "pending"
    assert runner.outputs()["execution-ids"] == str(execution)


@pytest.mark.slow
def test_credentials_given_as_inputs_are_used_and_never_in_the_outputs(oss: Emulator, tmp_path: Path) -> None:
    """api-key and secret-key inputs, no FI_ variable in the job: the run passes; no output holds them."""
    runner = Runner(oss, tmp_path)
    for name in ("FI_API_KEY", "FI_SECRET_KEY"):
        del runner.base[name]
    running = runner.start(
        run_test_ids=str(oss.seed.run_test_id), api_key=oss.api_key, secret_key=oss.secret_key, args=POLL
    )
    code, err = running.finish()
    assert code == 0, err
    written = runner.output.read_text() + runner.summary.read_text()
    assert oss.api_key not in written
    assert oss.secret_key not in written


@pytest.mark.slow
def test_the_install_step_installs_a_command_that_gates(oss: Emulator, tmp_path: Path) -> None:
    """The install step (pip, from the package index) makes a venv in RUNNER_TEMP; the step then passes."""
    runner = Runner(oss, tmp_path)
    script = tmp_path / "install.sh"
    script.write_text(step("install")["run"])
    env = runner.base | {"FUTUREAGI_ACTION_PATH": str(ROOT)}
    subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        env=env,
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=600,
    )
    (line,) = runner.output.read_text().splitlines()
    runner.python = line.removeprefix("python=")
    assert Path(runner.python).parent.parent == runner.temp / "futureagi-simulate-venv"
    runner.output.unlink()
    code, err = runner.start(run_test_ids=str(oss.seed.run_test_id), args=POLL).finish()
    assert code == 0, err
    assert runner.outputs()["passed"] == "true"


@pytest.mark.slow
def test_two_run_test_ids_give_both_executions_in_the_outputs(oss: Emulator, tmp_path: Path) -> None:
    """run-test-ids "A, B": both run, the combined report is the json-report, execution-ids names both."""
    from futureagi_simulate import SimulateClient

    with SimulateClient(api_key=oss.api_key, secret_key=oss.secret_key, base_url=oss.url) as client:
        second = client.run_tests.create(
            name="Checkout copy",
            agent_definition_id=oss.seed.agent_definition_ids[0],
            scenario_ids=oss.seed.scenario_ids,
        ).id
    runner = Runner(oss, tmp_path)
    running = runner.start(run_test_ids=f"{oss.seed.run_test_id},\n{second}", args=POLL)
    code, err = running.finish()
    assert code == 0, err
    executions = [*oss.execution_ids(oss.seed.run_test_id), *oss.execution_ids(second)]
    outputs = runner.outputs()
    assert len(executions) == 2
    assert sorted(outputs["execution-ids"].split(" ")) == sorted(str(e) for e in executions)
    report = json.loads(Path(outputs["json-report"]).read_text())
    assert [result["run_test_id"] for result in report["run_tests"]] == [
        str(oss.seed.run_test_id),
        str(second),
    ]


@pytest.mark.slow
def test_the_suite_input_runs_the_suite_file(oss: Emulator, tmp_path: Path) -> None:
    """suite "ci/simulate.toml" (no ids): its run test runs with its thresholds; the outputs name it."""
    oss.script(oss.seed.scenario_ids[0], evals={"Tone check": False})
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "simulate.toml").write_text(
        f'[[run_test]]\nid = "{oss.seed.run_test_id}"\nmin-pass-rate = {{ "Tone check" = 0.6 }}\n'
    )
    runner = Runner(oss, tmp_path)
    code, err = runner.start(suite="ci/simulate.toml", args=POLL).finish()
    assert code == 0, err
    (execution,) = oss.execution_ids(oss.seed.run_test_id)
    outputs = runner.outputs()
    assert (outputs["passed"], outputs["execution-ids"]) == ("true", str(execution))
    (result,) = json.loads(Path(outputs["json-report"]).read_text())["run_tests"]
    assert result["pass_rates"]["Tone check"] == pytest.approx(2 / 3)
