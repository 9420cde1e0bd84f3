"""A server that echoes the credentials it is sent, and the check that a text holds none of them."""

from __future__ import annotations

from tests.data import API_KEY, BEARER, SECRET_KEY


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


SECRETS = (API_KEY, SECRET_KEY, BEARER)
