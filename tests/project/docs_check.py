"""`python -m tests.project.docs_check page.html ...`: each rendered API reference names every operation of
openapi.yaml and works offline.

Redocly's page prerenders the overview and the tag sections, and carries the document it renders as
JSON inside the page; each operation must appear there with its operationId and summary, and each tag
must have its section. The page must also need no network: a renderer, stylesheet or font loaded from
a URL leaves a reader without one looking at an empty page (`network_references` lists them).
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

DOCUMENT = Path(__file__).resolve().parents[2] / "openapi.yaml"
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


# A URL the browser would fetch from the network: any scheme but data:/blob:/about:, or protocol-relative.
_NETWORK = re.compile(r"^\s*(?://|(?!data:|blob:|about:|javascript:)[a-z][a-z0-9+.-]*:)", re.IGNORECASE)
# In CSS: url(...) and @import "..."; in module scripts: static and dynamic imports.
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
_JS_IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)['"]((?:[a-z][a-z0-9+.-]*:)?//[^'"]+)['"]""")
# Elements and attributes that make the browser fetch a script, a stylesheet, a font or an image.
_FETCHING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "object": ("data",),
    "embed": ("src",),
}


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _FETCHING.get(tag, ()) and _NETWORK.match(value):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self._css(value, f"<{tag} style>")
        self._inside = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "style":
            self._css(data, "<style>")
        elif self._inside == "script":
            self.found.extend(f"<script> import {url!r}" for url in _JS_IMPORT.findall(data))

    def _css(self, text: str, where: str) -> None:
        for match in _CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if _NETWORK.match(url):
                self.found.append(f"{where} {url!r}")


def network_references(page: str) -> list[str]:
    """Every script, stylesheet, font or image the page would fetch from the network."""
    parser = _Fetches()
    parser.feed(page)
    parser.close()
    return parser.found


def main(argv: list[str]) -> int:
    document = yaml.safe_load(DOCUMENT.read_text())
    failed = False
    for name in argv[1:]:
        page = Path(name).read_text(encoding="utf-8")
        problems = [f"lacks {item}" for item in missing_from(page, document)]
        problems += [f"needs the network: {item}" for item in network_references(page)]
        for problem in problems:
            print(f"docs-check: {name} {problem}", file=sys.stderr)
        if problems:
            failed = True
        else:
            print(f"docs-check: {name} has every operation and tag of openapi.yaml and works offline")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
