"""A request's way through the emulator before any handler: routing (404 page, 405) and the media type."""

from __future__ import annotations

import httpx
import pytest

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import RUN_TESTS, execute_path


@pytest.mark.parametrize("run_test_id", ["not-a-uuid", "CCA72A31-B8B4-5620-8701-533AC54970C8"])
def test_path_id_that_is_not_a_lowercase_uuid_is_html_404(http: httpx.Client, run_test_id: str) -> None:
    """A path id Django's uuid converter does not match is its HTML 404 page."""
    response = http.post(f"{RUN_TESTS}{run_test_id}/execute/", json={})
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")


def test_unknown_method_is_405_with_allow(http: httpx.Client) -> None:
    """A method the route does not serve is 405 naming the allowed ones."""
    response = http.request("TRACE", RUN_TESTS)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET"


def test_non_json_body_is_415(oss: Emulator, oss_http: httpx.Client) -> None:
    """A body in another content type is 415 and starts nothing."""
    response = oss_http.post(
        execute_path(oss.seed.run_test_id), content=b"select_all=1", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415
    assert oss.execution_count(oss.seed.run_test_id) == 0
