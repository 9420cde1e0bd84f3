"""The eval summary, counted as the server counts it (``simulate/utils/eval_summary.py``;
``docs/dialects.md``, "Eval outputs and the eval summary").

The run tests' eval summary and the results' ``eval_results`` both read it: one item per eval template
with one entry per eval config (``server_summary``), or the documented shape, one item per eval config
(``docs_summary_item``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._records import ExecutionRecord, RunTestRecord

if TYPE_CHECKING:
    from ._store import Store

__all__ = ["docs_summary_item", "server_summary"]


def _is_pass(output: object) -> bool | None:
    # The server's summary (``simulate/utils/eval_summary.py``): "passed"/"failed" in any case, and
    # booleans; any other non-null output counts in total_cells only.
    if isinstance(output, bool):
        return output
    if isinstance(output, str):
        word = output.lower()
        return True if word == "passed" else (False if word == "failed" else None)
    return None


def _config_stats(config: Mapping[str, Any], outputs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    name, config_id = str(config.get("name") or ""), str(config["id"])
    counted = [o for o in outputs if o.get("output") is not None and o.get("output_type") is not None]
    if not counted:
        return {"name": name, "id": config_id, "total_cells": 0, "output": {}}
    total = len(counted)
    # The first output's type decides, as on the server.
    if counted[0].get("output_type") == "score":
        scores = [
            100 * float(o["output"])
            for o in counted
            if isinstance(o["output"], int | float) and not isinstance(o["output"], bool)
        ]
        if not scores:
            return {"name": name, "id": config_id, "total_cells": total, "output": {}}
        ordered = sorted(scores)
        percentiles = {
            f"p{p}": round(_percentile(ordered, p), 2)
            for p in (5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100)
        }
        return {
            "name": name,
            "id": config_id,
            "total_cells": total,
            "output": percentiles,
            "avg_score": round(sum(scores) / len(scores), 2),
        }
    verdicts = [_is_pass(o["output"]) for o in counted]
    passed, failed = verdicts.count(True), verdicts.count(False)
    return {
        "name": name,
        "id": config_id,
        "total_cells": total,
        "output": {
            "pass": round(100 * passed / total, 2),
            "fail": round(100 * failed / total, 2),
            "pass_count": passed,
            "fail_count": failed,
        },
    }


def _percentile(ordered: Sequence[float], p: int) -> float:
    # numpy's default (linear) percentile, which the server uses.
    position = (len(ordered) - 1) * p / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def server_summary(
    store: Store, run_test: RunTestRecord, executions: Sequence[ExecutionRecord]
) -> list[dict[str, Any]]:
    """The eval summary as the server builds it: one item per eval template, one entry per eval config.

    Only completed calls count; an output counts when it is not null. ``total_pass_rate`` is the
    template's passed outputs over its counted ones, the integer 0 when none counted.
    """
    calls = [c for e in executions for c in e.calls if c.status == "completed" and c.eval_outputs]
    grouped: dict[str, tuple[Any, list[dict[str, Any]]]] = {}
    for config in store.evals_newest_first(run_test):
        template = store.template_of(config)
        outputs = [c.eval_outputs[str(config["id"])] for c in calls if str(config["id"]) in c.eval_outputs]
        grouped.setdefault(str(template.id), (template, []))[1].append(_config_stats(config, outputs))
    items = []
    for template, stats in grouped.values():
        item: dict[str, Any] = {
            "name": template.name,
            "id": str(template.id),
            "output_type": template.output_type,
            "result": stats,
        }
        total = sum(s["total_cells"] for s in stats)
        if template.output_type == "Pass/Fail":
            passed = sum(s["output"].get("pass_count", 0) for s in stats)
            item["total_pass_rate"] = round(100 * passed / total, 2) if total else 0
        elif template.output_type == "score":
            weighted = sum(s.get("avg_score", 0) * s["total_cells"] for s in stats)
            item["total_avg"] = round(weighted / total, 2) if total else 0
        items.append(item)
    return items


def docs_summary_item(config: Mapping[str, Any], outputs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    # The documented dialect keeps its own shape: per eval config, counted as the server counts.
    counted = [o for o in outputs if o.get("output") is not None]
    verdicts = [_is_pass(o["output"]) for o in counted if o.get("output_type") != "score"]
    scores = [
        float(o["output"])
        for o in counted
        if o.get("output_type") == "score"
        and isinstance(o["output"], int | float)
        and not isinstance(o["output"], bool)
    ]
    passed, failed = verdicts.count(True), verdicts.count(False)
    # A Pass/Fail eval's average is its pass rate as a fraction of its counted outputs; a score eval's,
    # its mean score.
    if verdicts:
        average: float | None = round(passed / len(verdicts), 4)
    elif scores:
        average = round(sum(scores) / len(scores), 4)
    else:
        average = None
    return {
        "name": str(config.get("name") or ""),
        "average_score": average,
        "total_runs": len(outputs),
        "passed": passed,
        "failed": failed,
    }
