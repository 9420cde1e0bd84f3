"""``Thresholds``, what passing means, and ``live_eval_configs``, the eval configs a verdict judges.

Apart from the verdict (``_verdict``, which re-exports both) so that what checks a run before it starts
(``_preflight``, the command's ``--dry-run``) loads neither the verdict nor the results' models.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from ._errors import InvalidArgumentError
from ._exports import publish
from ._validate import is_finite_number

if TYPE_CHECKING:
    from ._models import EvalConfig, RunTest

__all__ = ["Thresholds", "live_eval_configs"]

_T = TypeVar("_T")


def _rate(argument: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not is_finite_number(value):
        raise InvalidArgumentError(argument, f"must be a number from 0 to 1, got {_shown(value)}")
    if not 0 <= value <= 1:
        raise InvalidArgumentError(argument, f"must be a fraction from 0 to 1 (0.9 for 90%), got {value!r}")
    return float(value)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:40]}… ({len(text)} characters)"


class FrozenRates(Mapping[str, float]):
    """A read-only, hashable mapping of eval config names to minimum pass rates."""

    __slots__ = ("_rates",)

    def __init__(self, rates: Mapping[str, float]) -> None:
        self._rates = dict(rates)

    def __getitem__(self, name: str) -> float:
        return self._rates[name]

    # The dict's own lookups: Mapping's get and `in` call __getitem__ and catch its KeyError, an exception
    # for each eval config a verdict asks about that the mapping does not name.
    @overload
    def get(self, name: str, /) -> float | None: ...

    @overload
    def get(self, name: str, /, default: float | _T) -> float | _T: ...

    def get(self, name: str, /, default: object = None) -> object:
        return self._rates.get(name, default)

    def __contains__(self, name: object) -> bool:
        return name in self._rates

    def __iter__(self) -> Iterator[str]:
        return iter(self._rates)

    def __len__(self) -> int:
        return len(self._rates)

    def __hash__(self) -> int:
        return hash(frozenset(self._rates.items()))

    def __eq__(self, other: object) -> bool:
        return dict(self._rates) == dict(other) if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._rates)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenRates, (self._rates,))


def _rates(value: object) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(
            "min_pass_rate", f"must map eval config names to fractions, got {type(value).__name__}"
        )
    checked: dict[str, float] = {}
    for name, rate in value.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidArgumentError("min_pass_rate", f"keys must be eval config names, got {_shown(name)}")
        checked[name] = _rate(f"min_pass_rate[{name!r}]", rate)
    return FrozenRates(checked)


def _scores(value: object) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(
            "min_score", f"must map eval config names to minimum average scores, got {type(value).__name__}"
        )
    checked: dict[str, float] = {}
    for name, minimum in value.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidArgumentError("min_score", f"keys must be eval config names, got {_shown(name)}")
        if (
            isinstance(minimum, bool)
            or not isinstance(minimum, (int, float))
            or not is_finite_number(minimum)
        ):
            raise InvalidArgumentError(
                f"min_score[{name!r}]",
                f"must be a finite number, in the score's own units, got {_shown(minimum)}",
            )
        checked[name] = float(minimum)
    return FrozenRates(checked)


def _max_regression(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not is_finite_number(value):
        raise InvalidArgumentError("max_regression", f"must be a finite number >= 0, got {_shown(value)}")
    if value < 0:
        raise InvalidArgumentError("max_regression", f"must be >= 0 (a drop allowed), got {value!r}")
    return float(value)


def _default_rate(value: object) -> float:
    return _rate("default_min_pass_rate", value)


def _count(argument: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError(argument, f"must be an int >= 0, got {_shown(value)}")
    return value


def _failed_calls(value: object) -> int:
    return _count("max_failed_calls", value)


def _unjudged_calls(value: object) -> int:
    return _count("max_unjudged_calls", value)


@attrs.frozen(kw_only=True)
class Thresholds:
    """What passing means for ``executions.report``.

    >>> Thresholds(min_pass_rate={"Tone check": 0.9}, max_failed_calls=0)

    ``min_pass_rate`` maps an eval config's name (as the run test's eval configs name it now) to the
    lowest share of calls, a fraction from 0 to 1, that must pass it; each name must be a pass/fail eval
    config of the run test, or the verdict fails. Evals not named there must reach
    ``default_min_pass_rate``: 1.0 by default, every call; 0 to ignore their pass rates.
    ``max_failed_calls`` is how many calls may end ``failed`` or ``cancelled``. ``max_unjudged_calls``
    is how many completed calls each eval config may leave unjudged (its output ``null`` because it
    errored or was skipped, or no output at all): 0 by default, so an eval that errored fails the
    verdict. An eval config that judged no call at all fails it whatever the thresholds.

    ``min_score`` maps the name of an eval config whose outputs are scores (numbers) to the lowest
    average score, in the score's own units, over the completed calls it judged:
    ``Thresholds(min_score={"Issue resolved": 0.7})``. A scenario with a call that scored below the
    minimum fails, its score in the reason, when the average misses it.

    ``max_regression`` applies with a baseline (``executions.report(..., baseline=...)``): how far an
    eval's pass rate (a fraction) or average score (its units) may drop below the baseline's, 0 by
    default. Bad values raise ``InvalidArgumentError``.
    """

    min_pass_rate: Mapping[str, float] = attrs.field(factory=dict, converter=_rates)
    max_failed_calls: int = attrs.field(default=0, converter=_failed_calls)
    default_min_pass_rate: float = attrs.field(default=1.0, converter=_default_rate)
    max_unjudged_calls: int = attrs.field(default=0, converter=_unjudged_calls)
    min_score: Mapping[str, float] = attrs.field(factory=dict, converter=_scores)
    max_regression: float = attrs.field(default=0.0, converter=_max_regression)

    def minimum(self, eval_name: str) -> float:
        return self.min_pass_rate.get(eval_name, self.default_min_pass_rate)


def live_eval_configs(run_test: RunTest) -> tuple[EvalConfig, ...] | None:
    """The run test's eval configs as the server holds them now: those of ``evals_detail``, then those
    of ``evals`` and ``simulate_eval_configs_detail`` that it lacks (by id); None when its answer has none
    of these fields. The fields list the same configs on the server; where an answer's fields disagree,
    every config any of them lists is judged, so an empty field never hides the others' evals."""
    fields = [
        field
        for field in (run_test.evals_detail, run_test.evals, run_test.simulate_eval_configs_detail)
        if isinstance(field, list)
    ]
    if not fields:
        return None
    configs = list(fields[0])
    seen = {config.id for config in configs}
    for field in fields[1:]:
        for config in field:
            if config.id not in seen:
                seen.add(config.id)
                configs.append(config)
    return tuple(configs)


publish(Thresholds)
