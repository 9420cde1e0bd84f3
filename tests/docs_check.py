"""`python -m tests.docs_check page.html`: the rendered API reference names every operation of openapi.yaml.

Redocly's page prerenders the overview and the tag sections, and carries the document it renders as
JSON inside the page; each operation must appear there with its operationId and summary, and each tag
must have its section.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

DOCUMENT = Path(__file__).resolve().parent.parent / "openapi.yaml"
METHODS = ("get", "post", "put", "patch", "delete")


def missing_from(page: str, document: dict[str, Any]) -> list[str]:
    missing: list[str] = []
    for item in document["paths"].values():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            for key in ("operationId", "summary"):
                needle = f"{json.dumps(key)}:{json.dumps(operation[key])}"
                if needle not in page:
                    missing.append(f"{operation['operationId']}: {key}")
    for tag in document["tags"]:
        if f'id="/{tag["name"]}"' not in page:
            missing.append(f"tag section {tag['name']}")
    return missing


def main(argv: list[str]) -> int:
    page = Path(argv[1]).read_text(encoding="utf-8")
    document = yaml.safe_load(DOCUMENT.read_text())
    missing = missing_from(page, document)
    for item in missing:
        print(f"docs-check: {argv[1]} lacks {item}", file=sys.stderr)
    if not missing:
        print(f"docs-check: every operation and tag of openapi.yaml is in {argv[1]}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
