"""Builders of the answers of the operations after execute, shared by the run test and execution tests."""

from __future__ import annotations


def scenario_page(ids: list[str], *, number: int = 1, pages: int = 1) -> dict[str, object]:
    return {
        "count": len(ids) if pages == 1 else 1000,
        "next": None if number >= pages else "http://testserver/next",
        "previous": None,
        "total_pages": pages,
        "current_page": number,
        "results": [{"id": i, "name": f"Scenario {i[:4]}", "row_count": 1} for i in ids],
    }
