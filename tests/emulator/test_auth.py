"""Who may call the emulator: API key pairs, session tokens and read-only keys, as the server's
``accounts/authentication.py`` decides (docs/dialects.md, "Authentication")."""

from __future__ import annotations

import httpx

from futureagi_simulate.testing import Emulator
from tests.emulator.helpers import RUN_TESTS, execute_path


def test_no_credentials_is_401_with_api_key_challenge(emulator: Emulator) -> None:
    """A request without credentials gets 401 not_authenticated and WWW-Authenticate: ApiKey."""
    response = httpx.get(emulator.url + RUN_TESTS)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "ApiKey"
    assert response.json()["code"] == "not_authenticated"


def test_api_key_without_secret_counts_as_no_credentials(emulator: Emulator) -> None:
    """X-Api-Key alone is treated as no credentials."""
    response = httpx.get(emulator.url + RUN_TESTS, headers={"X-Api-Key": emulator.api_key})
    assert response.json()["code"] == "not_authenticated"


def test_any_authorization_header_overrides_valid_keys(http: httpx.Client) -> None:
    """An Authorization header is read first: a bad one fails even with valid keys, quoting the token."""
    response = http.get(RUN_TESTS, headers={"Authorization": "Bearer not-a-session"})
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert "not-a-session" in response.json()["message"]


def test_empty_bearer_is_ignored(http: httpx.Client) -> None:
    """An empty Bearer header is ignored and the keys are used."""
    assert http.get(RUN_TESTS, headers={"Authorization": "Bearer"}).status_code == 200


def test_read_only_keys_may_read_but_not_write(emulator: Emulator) -> None:
    """Keys without write access get 200 on GET and 403 on POST."""
    emulator.add_keys("reader", "reader-secret", can_write=False)
    headers = {"X-Api-Key": "reader", "X-Secret-Key": "reader-secret"}
    assert httpx.get(emulator.url + RUN_TESTS, headers=headers).status_code == 200
    response = httpx.post(emulator.url + execute_path(emulator.seed.run_test_id), headers=headers, json={})
    assert response.status_code == 403
    assert emulator.execution_count(emulator.seed.run_test_id) == 0


def test_credentials_with_non_ascii_characters_are_refused_not_dropped(emulator: Emulator) -> None:
    """A token or secret key with non-ASCII bytes is a 401, not a connection closed without an answer."""
    token = {"Authorization": "Bearer t\u00f6ken".encode().decode("latin-1")}
    keys = {"X-Api-Key": emulator.api_key, "X-Secret-Key": "s\u00e9cret".encode().decode("latin-1")}
    for headers in (token, keys):
        encoded = {name.encode(): value.encode("latin-1") for name, value in headers.items()}
        assert httpx.get(emulator.url + RUN_TESTS, headers=encoded).status_code == 401
