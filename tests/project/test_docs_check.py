"""The rendered API reference works offline, and `docs-check` fails on a page that needs the network."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.project.docs_check import DOCUMENT, main, missing_from, network_references

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "index.html"


@pytest.mark.parametrize(
    "fetch",
    [
        '<script src="https://cdn.example.com/redoc.standalone.js"></script>',
        '<script src="//cdn.example.com/redoc.js"></script>',
        '<link rel="modulepreload" href="https://cdn.example.com/redoc.js">',
        '<link rel="stylesheet" href="http://fonts.example.com/css?family=Roboto">',
        '<script type="module">import { hydrate } from "https://cdn.example.com/redoc.js";</script>',
        '<script type="module">const m = await import("https://cdn.example.com/x.js");</script>',
        "<style>@font-face { src: url(https://fonts.example.com/r.woff2) }</style>",
        '<style>@import "https://fonts.example.com/css";</style>',
        "<div style=\"background: url('https://img.example.com/a.png')\"></div>",
    ],
)
def test_each_kind_of_network_fetch_is_reported(fetch: str) -> None:
    """Scripts, module imports, stylesheets, fonts and images from a URL are each found."""
    assert len(network_references(f"<html><head></head><body>{fetch}</body></html>")) == 1


def test_inline_and_local_resources_are_not_reported() -> None:
    """Inline scripts, data: URLs, fragments, relative paths and plain links need no network."""
    page = (
        '<script>const a = "https://example.com/only/a/string";</script>'
        '<style>.x { background: url("data:image/svg+xml,%3Csvg/%3E") } .y { fill: url(#grad) }</style>'
        '<link rel="stylesheet" href="style.css"><img src="logo.png">'
        '<a href="https://www.apache.org/licenses/LICENSE-2.0">license</a>'
    )
    assert network_references(page) == []


def test_the_committed_reference_is_complete_and_offline() -> None:
    """docs/index.html names every operation and tag and loads nothing from the network."""
    page = PAGE.read_text(encoding="utf-8")
    assert missing_from(page, yaml.safe_load(DOCUMENT.read_text())) == []
    assert network_references(page) == []
    assert "RedocStandalone" in page  # the renderer itself is in the page


@pytest.mark.slow  # reads the megabytes of the rendered page three times
def test_docs_check_fails_on_a_page_loading_its_renderer_from_a_cdn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command exits 1 and names the URL when the page's renderer comes from a CDN."""
    page = PAGE.read_text(encoding="utf-8")
    cdn = tmp_path / "cdn.html"
    cdn.write_text(
        page.replace("<head>", '<head><script src="https://cdn.example.com/redoc.js"></script>', 1),
        encoding="utf-8",
    )
    assert main(["docs_check", str(PAGE)]) == 0
    assert main(["docs_check", str(PAGE), str(cdn)]) == 1
    assert "needs the network: <script src='https://cdn.example.com/redoc.js'>" in capsys.readouterr().err
