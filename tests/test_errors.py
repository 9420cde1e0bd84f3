"""Error answers and broken connections become the documented exception classes with their fields."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest

from futureagi_simulate import (
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    FutureAGIError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    Selection,
    SimulateClient,
)
from tests.clients import KEY, SECRET, _failures
from tests.data import error, page, run_test
from tests.server import RecordingServer, Reply


@pytest.mark.parametrize(
    ("status", "cls", "error_type", "code"),
    [
        (400, BadRequestError, "validation_error", "invalid"),
        (401, AuthenticationError, "authentication_error", "authentication_failed"),
        (402, PaymentRequiredError, "payment_required", "payment_required"),
        (403, PermissionDeniedError, "permission_error", "permission_denied"),
        (404, NotFoundError, "not_found", "not_found"),
        (500, InternalServerError, "server_error", "server_error"),
        (503, InternalServerError, "service_unavailable", "service_unavailable"),
        (409, APIStatusError, "conflict", "conflict"),
    ],
)
def test_status_maps_to_its_class_with_envelope_fields(
    client: SimulateClient,
    server: RecordingServer,
    status: int,
    cls: type[APIStatusError],
    error_type: str,
    code: str,
) -> None:
    """Each status raises its class, carrying status_code, message, code, error_type and body."""
    body = error(error_type, code, f"the server says {status}")
    server.reply(Reply(status, body))
    with pytest.raises(cls) as caught:
        client.run_tests.list()
    raised = caught.value
    assert type(raised) is cls
    assert (raised.status_code, raised.message, raised.code, raised.error_type) == (
        status,
        f"the server says {status}",
        code,
        error_type,
    )
    assert raised.body == body
    # A code equal to the type is said once: "(payment_required)", not "(payment_required, payment_required)".
    labels = error_type if code == error_type else f"{error_type}, {code}"
    assert str(raised) == (
        f"list run tests (GET /simulate/run-tests/): HTTP {status} ({labels}): the server says {status}"
    )


def test_every_error_an_execute_raises_has_may_have_started(client: SimulateClient) -> None:
    """Even a refused argument carries may_have_started (False), so the README rule always applies."""
    with pytest.raises(FutureAGIError) as caught:
        client.run_tests.execute("not-a-uuid", selection=Selection.all())
    assert caught.value.may_have_started is False


def _nested(levels: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(levels):
        value = {"inner": value}
    return value


def test_an_error_over_a_deeply_nested_answer_pickles(
    client: SimulateClient, server: RecordingServer
) -> None:
    """An unreadable answer nested 900 deep still gives an error that pickles; its body is dropped."""
    runs = [run_test(run_id=str(uuid.uuid4())), run_test(run_id=str(uuid.uuid4()))]
    runs[0]["agent_definition_detail"] = _nested(900)
    runs[1]["created_at"] = 12
    server.reply(Reply(200, page(runs, number=1, limit=10, count=2, base=server.url)))
    with pytest.raises(APIResponseValidationError, match=r"results\[1\]\.created_at") as caught:
        client.run_tests.list()
    assert caught.value.body is None
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)


def test_a_status_error_with_a_deeply_nested_body_pickles(
    client: SimulateClient, server: RecordingServer
) -> None:
    """A 400 whose body nests 900 deep pickles with its status; the body is kept as text, not walked."""
    server.reply(Reply(400, {"detail": "refused", "details": _nested(900)}))
    with pytest.raises(APIStatusError) as caught:
        client.run_tests.list()
    restored = pickle.loads(pickle.dumps(caught.value))
    assert (restored.status_code, restored.details) == (400, None)
    assert isinstance(restored.body, str)


def test_exceptions_survive_pickle_without_secrets(server: RecordingServer) -> None:
    """Each error pickles and unpickles with status, message, code and may_have_started, and no secret."""
    for failure in _failures(server):
        data = pickle.dumps(failure)
        assert KEY.encode() not in data
        assert SECRET.encode() not in data
        back = pickle.loads(data)
        assert type(back) is type(failure)
        assert str(back) == str(failure)
        for name in ("status_code", "message", "code", "may_have_started", "retry_after", "body"):
            assert getattr(back, name, None) == getattr(failure, name, None)


def test_kinds_the_tree_promises_are_importable() -> None:
    """The errors used above are the public ones (nothing here reaches into private modules)."""
    assert issubclass(RateLimitError, FutureAGIError)
    assert issubclass(APIResponseValidationError, FutureAGIError)
