"""The options of each command as typed frozen values, built once from argparse's namespace.

A field's name is the option's argparse ``dest`` (``--json PATH`` is ``json_path``, ``--json`` the flag
is ``as_json``); ``from_args`` fills each field from the attribute of that name, so a field without an
option is an error at once, not a ``KeyError`` in the middle of a run.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from futureagi_simulate._exports import lazy_attribute

if TYPE_CHECKING:
    from ._executions_options import RunTestExecutionsOptions
    from ._item_options import (
        CancelOptions,
        DeleteRunTestOptions,
        ExecuteOptions,
        ExecutionOptions,
        GetRunTestOptions,
        McpOptions,
        WaitOptions,
    )
    from ._query_options import ListRunTestsOptions
    from ._report_options import CheckOptions, ReportOptions
    from ._run_options import (
        GateOptions,
        ManyOptions,
        RunOptions,
        SpendOptions,
        VerdictOptions,
        VersionOptions,
    )

__all__ = [
    "CancelOptions",
    "CheckOptions",
    "ClientOptions",
    "DeleteRunTestOptions",
    "ExecuteOptions",
    "ExecutionOptions",
    "GateOptions",
    "GetRunTestOptions",
    "ListRunTestsOptions",
    "ManyOptions",
    "McpOptions",
    "ReportOptions",
    "RunOptions",
    "RunTestExecutionsOptions",
    "SpendOptions",
    "VerdictOptions",
    "VersionOptions",
    "WaitOptions",
    "from_args",
    "options_class",
]

T = TypeVar("T")


def _flatten(groups: Iterable[Iterable[uuid.UUID]] | None) -> tuple[uuid.UUID, ...]:
    """``--only a,b --only c``: argparse keeps one list per use; the command wants the ids."""
    return tuple(item for group in groups or () for item in group)


def _ids(values: Iterable[uuid.UUID]) -> tuple[uuid.UUID, ...]:
    return tuple(values)


def _rates(pairs: Iterable[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    return tuple((name, rate) for name, rate in pairs)


@attrs.frozen(kw_only=True)
class ClientOptions:
    """The client's settings, on every command that sends requests; None: not given as an option."""

    api_key: str | None
    secret_key: str | None
    base_url: str | None
    workspace_id: str | None
    body_casing: str | None


# Every other options class is loaded with its group on first use (PEP 562), so a start creates its
# command's classes only (a query its own and at most one other; run, report and check their groups):
# each attrs class costs its methods' compilation (BENCHMARKS.md, "The command's cold start"); the
# parser names them (``Command.options``) without loading them.
_LAZY = {
    "ListRunTestsOptions": "_query_options",
    "GetRunTestOptions": "_item_options",
    "DeleteRunTestOptions": "_item_options",
    "ExecuteOptions": "_item_options",
    "RunTestExecutionsOptions": "_executions_options",
    "ExecutionOptions": "_item_options",
    "CancelOptions": "_item_options",
    "WaitOptions": "_item_options",
    "McpOptions": "_item_options",
    "VerdictOptions": "_run_options",
    "GateOptions": "_run_options",
    "VersionOptions": "_run_options",
    "RunOptions": "_run_options",
    "SpendOptions": "_run_options",
    "ManyOptions": "_run_options",
    "CheckOptions": "_report_options",
    "ReportOptions": "_report_options",
}


def __getattr__(name: str) -> Any:
    return lazy_attribute(globals(), _LAZY, name, prefix=f"{__package__}.")


# Fields that hold a group of options, each built from the same namespace: the group's class by name.
_GROUPS = {
    "client": "ClientOptions",
    "gate": "GateOptions",
    "verdict": "VerdictOptions",
    "many": "ManyOptions",
    "spend": "SpendOptions",
    "version": "VersionOptions",
}


def options_class(name: str) -> type[Any]:
    """The options class of this name (``Command.options``), loaded with its group if it is not yet."""
    found: type[Any] = globals().get(name) or __getattr__(name)
    return found


def from_args(cls: type[T], args: argparse.Namespace) -> T:
    """``cls`` with each field read from the namespace attribute of its name (``client``, ``gate`` and
    ``version`` built the same way from the same namespace)."""
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):  # type: ignore[arg-type]
        group = _GROUPS.get(field.name)
        values[field.name] = (
            from_args(options_class(group), args) if group is not None else getattr(args, field.name)
        )
    return cls(**values)
