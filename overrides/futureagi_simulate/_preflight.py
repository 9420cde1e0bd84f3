"""The check before paying: would an execute of this selection, judged by these thresholds, make sense?

``run_tests.check`` reads the run test (``GET /simulate/run-tests/{id}/``) and its scenario list, and lists
every problem it finds with the selection and the thresholds, with no execute. The command's ``run`` and
``--dry-run`` both run it before anything is paid for, so a typo in an eval config's name or a scenario id
costs nothing. Pure: ``run_tests.check`` reads the run test and its scenarios, and this judges them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import attrs

from ._errors import InvalidArgumentError
from ._exports import publish
from ._models import RunTest, RunTestScenario, Unset
from ._selection import Selection
from ._thresholds import Thresholds, live_eval_configs
from ._value_methods import value_eq, value_hash, value_repr

__all__ = ["CheckProblem", "RunTestCheck", "check_arguments", "check_run_test"]


@attrs.frozen(kw_only=True)
class CheckProblem:
    """One problem ``run_tests.check`` found.

    ``argument`` names what is wrong in the terms of ``check``'s arguments: ``"selection"`` (the selection as
    a whole), ``"selection.scenario_ids[i]"`` (one id of it), or ``"thresholds.min_pass_rate['name']"``
    or ``"thresholds.min_score['name']"`` (one eval config name). ``rule`` says what it must be, and
    what the run test has instead.
    """

    argument: str
    rule: str

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    def __str__(self) -> str:
        return f"{self.argument}: {self.rule}"


@attrs.frozen(kw_only=True)
class RunTestCheck:
    """What ``run_tests.check`` found: the run test as an execute would meet it, and every problem.

    - ``run_test_id``, ``run_test_name``: the run test (its ``name``; None when the answer has none).
    - ``scenarios``: every scenario of the run test as ``(id, name)`` pairs, in the server's order (its
      scenario list, ``GET /simulate/run-tests/{id}/scenarios/``).
    - ``selected_scenario_ids``: the scenarios the selection would run, in that order; ids that are not
      the run test's are left out (and are problems).
    - ``eval_config_names``: the names of the run test's eval configs (``evals_detail``, else ``evals``,
      else ``simulate_eval_configs_detail`` of the run test's answer), the names ``Thresholds`` may use.
    - ``problems``: every problem, selection first (an id that is not the run test's, a selection that
      leaves nothing, a selected scenario whose status is not ``Completed``), then thresholds; empty
      when an execute may go ahead.

    ``ok`` is True when there are no problems; ``raise_for_problems()`` raises ``InvalidArgumentError``
    naming the first problem's argument, with every problem in its rule.
    """

    run_test_id: uuid.UUID
    run_test_name: str | None
    scenarios: tuple[tuple[uuid.UUID, str | None], ...] = attrs.field(repr=False)
    selected_scenario_ids: tuple[uuid.UUID, ...] = attrs.field(repr=False)
    eval_config_names: tuple[str, ...]
    problems: tuple[CheckProblem, ...]

    # attrs' own methods, without compiling them for each class (_value_methods).
    __repr__ = value_repr
    __eq__ = value_eq
    __hash__ = value_hash

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_for_problems(self) -> None:
        """Raises ``InvalidArgumentError`` when there is any problem: ``argument`` is the first problem's,
        ``rule`` that problem's rule followed by the others (``"; also "`` between them)."""
        if not self.problems:
            return
        first, *others = self.problems
        rule = "; also ".join([first.rule, *(str(problem) for problem in others)])
        raise InvalidArgumentError(first.argument, rule)


def check_arguments(selection: object, thresholds: object) -> None:
    """The arguments' types, checked before any request."""
    if not isinstance(selection, Selection):
        raise InvalidArgumentError(
            "selection",
            "must be a Selection (Selection.all(), .only(ids), .all_except(ids)), "
            f"got {type(selection).__name__}",
        )
    if thresholds is not None and not isinstance(thresholds, Thresholds):
        raise InvalidArgumentError(
            "thresholds", f"must be a Thresholds or None, got {type(thresholds).__name__}"
        )


def check_run_test(
    run_test_id: uuid.UUID,
    run_test: RunTest,
    rows: Sequence[RunTestScenario],
    *,
    selection: Selection,
    thresholds: Thresholds | None,
) -> RunTestCheck:
    """What an execute of ``selection`` would meet, from the run test and every row of its scenario list
    (read by ``run_tests.check``)."""
    scenarios = tuple((row.id, row.name if isinstance(row.name, str) else None) for row in rows)
    names = _eval_config_names(run_test)
    selected, problems = _selection_problems(run_test_id, selection, [s for s, _ in scenarios])
    problems += _incomplete_problems(run_test, selected, dict(scenarios))
    problems += _threshold_problems(run_test_id, thresholds, names)
    return RunTestCheck(
        run_test_id=run_test_id,
        run_test_name=run_test.name if isinstance(run_test.name, str) else None,
        scenarios=scenarios,
        selected_scenario_ids=tuple(selected),
        eval_config_names=tuple(names) if names is not None else (),
        problems=tuple(problems),
    )


def _eval_config_names(run_test: RunTest) -> list[str] | None:
    """The run test's eval config names, read as the verdict reads its live configs
    (``live_eval_configs``), so the check and the verdict never disagree on what exists; None when its
    answer lists no eval configs at all (then no name can be checked, and a threshold naming one is a
    problem: the check fails closed)."""
    configs = live_eval_configs(run_test)
    if configs is None:
        return None
    return [config.name for config in configs if isinstance(config.name, str)]


def _selection_problems(
    run_test_id: uuid.UUID, selection: Selection, everything: Sequence[uuid.UUID]
) -> tuple[list[uuid.UUID], list[CheckProblem]]:
    known = set(everything)
    problems = [
        CheckProblem(
            argument=f"selection.scenario_ids[{index}]",
            rule=f"{scenario} is not a scenario of run test {run_test_id} (it has {_count(everything)})",
        )
        for index, scenario in enumerate(selection.scenario_ids)
        if scenario not in known
    ]
    if not selection.select_all:
        chosen = set(selection.scenario_ids)
        return [s for s in everything if s in chosen], problems
    left_out = set(selection.scenario_ids)
    selected = [s for s in everything if s not in left_out]
    if not selected:
        rule = (
            "the run test has no scenarios: an execute would run nothing"
            if not everything
            else f"all but these leaves none of the run test's {_count(everything)} to run"
        )
        problems.append(CheckProblem(argument="selection", rule=rule))
    return selected, problems


def _incomplete_problems(
    run_test: RunTest, selected: Sequence[uuid.UUID], names: dict[uuid.UUID, str | None]
) -> list[CheckProblem]:
    """A selected scenario whose status (``scenarios_detail[].status`` of the run test) is not
    ``Completed``: the server refuses the whole execute with a 400 "Scenarios incomplete"
    (``docs/dialects.md``, "Choosing scenarios"). A scenario whose status the answer does not give is
    left to the server."""
    details = run_test.scenarios_detail
    if isinstance(details, Unset):
        return []
    statuses = {d.id: d.status for d in details if isinstance(d.status, str)}
    problems = []
    for scenario in selected:
        status = statuses.get(scenario)
        if status is not None and status.strip().lower() != "completed":
            name = f" ({names[scenario]!r})" if names.get(scenario) else ""
            problems.append(
                CheckProblem(
                    argument="selection",
                    rule=f"scenario {scenario}{name} is not completed (its status: {status!r}), and the "
                    "server refuses to execute it; wait for it to finish or leave it out",
                )
            )
    return problems


def _threshold_problems(
    run_test_id: uuid.UUID, thresholds: Thresholds | None, names: list[str] | None
) -> list[CheckProblem]:
    if thresholds is None:
        return []
    problems: list[CheckProblem] = []
    for field, named in (("min_pass_rate", thresholds.min_pass_rate), ("min_score", thresholds.min_score)):
        for name in named:
            if names is not None and name in names:
                continue
            problems.append(
                CheckProblem(
                    argument=f"thresholds.{field}[{name!r}]", rule=_unknown_eval(run_test_id, name, names)
                )
            )
    return problems


def _unknown_eval(run_test_id: uuid.UUID, name: str, names: list[str] | None) -> str:
    if names is None:
        return (
            f"{name!r} cannot be checked: run test {run_test_id}'s answer lists no eval configs "
            "(evals_detail, evals)"
        )
    if not names:
        return f"{name!r} is not an eval config: run test {run_test_id} has none"
    # Here, not at the top: only a wrong name needs the "did you mean" (difflib, with heapq, is about 4 M
    # instructions of every dry run's start; BENCHMARKS.md, "Issue 27, fourth session: dryrun32").
    import difflib

    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    shown = ", ".join(repr(n) for n in names[:20]) + (
        f" and {len(names) - 20} more" if len(names) > 20 else ""
    )
    return f"{name!r} is not an eval config of run test {run_test_id} (its eval configs: {shown}){hint}"


def _count(everything: Sequence[Any]) -> str:
    return f"{len(everything)} scenario" + ("" if len(everything) == 1 else "s")


publish(CheckProblem, RunTestCheck)
