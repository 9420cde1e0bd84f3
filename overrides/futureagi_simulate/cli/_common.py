"""What every command shares: its lines on stderr and stdout, the usage error, the client from the
options, and the advice lines that name other commands."""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
import traceback
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import _reports

if TYPE_CHECKING:
    # The client loads when a command makes one (``_made``), not for --help, which needs neither httpx
    # nor the client. rich loads when a command runs: the help needs no extra.
    from futureagi_simulate import AsyncSimulateClient, BodyCasing, InvalidArgumentError, SimulateClient

    from ._options import ClientOptions
    from ._progress import Progress

__all__ = [
    "UsageError",
    "check_hint",
    "check_report_path",
    "goes_on",
    "in_option_terms",
    "internal_error",
    "make_async_client",
    "make_client",
    "make_inline_client",
    "new_progress",
    "out",
    "parse_only",
    "print_json",
    "say",
    "since_now",
    "use_secrets",
]


class UsageError(Exception):
    """A bad argument found after parsing; exit 2, nothing sent."""


def say(text: str) -> None:
    """A line on stderr, ``futureagi-simulate: `` first: redacted, control characters escaped."""
    print(f"futureagi-simulate: {_reports.terminal_text(text)}", file=sys.stderr)


def out(text: str) -> None:
    """A line of a query command's answer on stdout: redacted, control characters escaped."""
    print(_reports.terminal_text(text))


def print_json(document: Any) -> None:
    """A query command's answer as JSON on stdout (``_reports.json_text``: redacted, no NaN)."""
    print(_reports.json_text(document))


def internal_error(error: BaseException) -> str:
    """The one line for an exception the command did not expect; the traceback too when FI_DEBUG is set."""
    if os.environ.get("FI_DEBUG", "").strip():
        print(_reports.terminal_lines(traceback.format_exc()), file=sys.stderr)
    return f"internal error: {type(error).__name__}: {error}"


def _given_secrets(options: ClientOptions | None) -> list[str | None]:
    return [
        options.api_key if options else None,
        options.secret_key if options else None,
        os.environ.get("FI_API_KEY"),
        os.environ.get("FI_SECRET_KEY"),
    ]


def use_secrets(options: ClientOptions | None) -> None:
    """Everything the command prints or writes is redacted of the credentials it was given."""
    _reports.set_secrets(_given_secrets(options))


def check_report_path(path: Path | None, option: str) -> None:
    """A report path that cannot be written is a usage error, found before any request."""
    if path is None:
        return
    if path.is_dir():
        raise UsageError(f"{option} {path}: is a directory")
    parent = path.parent
    if not parent.is_dir():
        raise UsageError(f"{option} {path}: the folder {parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise UsageError(f"{option} {path}: the file cannot be written")
    if not path.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"{option} {path}: the folder {parent} cannot be written")


_CASINGS: dict[str, BodyCasing] = {"auto": "auto", "camel": "camel", "snake": "snake"}


AnyClient = TypeVar("AnyClient", "SimulateClient", "AsyncSimulateClient")


def make_client(options: ClientOptions) -> SimulateClient:
    """The client from the options and the FI_* environment; bad settings exit 2 before any request."""
    from futureagi_simulate import SimulateClient

    return _made(options, SimulateClient)


def make_async_client(options: ClientOptions) -> AsyncSimulateClient:
    """``make_client``'s settings and rules, for the commands that work with asyncio (``run``)."""
    from futureagi_simulate import AsyncSimulateClient

    return _made(options, AsyncSimulateClient)


def make_inline_client(options: ClientOptions) -> AsyncSimulateClient:
    """``make_client``'s client as an ``AsyncSimulateClient`` whose requests it makes inside the await, for
    steps that run without an event loop (``run --dry-run``; ``_inline``)."""
    from ._inline import InlineClient

    return InlineClient(make_client(options))


def _made(options: ClientOptions, build: Callable[..., AnyClient]) -> AnyClient:
    from futureagi_simulate import NOT_GIVEN, FutureAGIError, InvalidArgumentError

    def given(value: str | None) -> Any:
        return NOT_GIVEN if value is None else value

    workspace = options.workspace_id or os.environ.get("FI_WORKSPACE_ID", "").strip() or None
    chosen = str(options.body_casing or os.environ.get("FI_BODY_CASING", "").strip() or "auto")
    if chosen not in _CASINGS:
        raise UsageError(f"FI_BODY_CASING: must be auto, camel or snake, got {chosen!r}")
    try:
        client: AnyClient = build(
            api_key=given(options.api_key),
            secret_key=given(options.secret_key),
            base_url=given(options.base_url),
            workspace_id=workspace,
            body_casing=_CASINGS[chosen],
        )
        # Redacted from here on: the values the client sends, by the library's own rule, and any other
        # credential the command was given (an FI_API_KEY that --api-key overrode).
        _reports.set_secrets([*client._config.secrets, *_given_secrets(options)])
        return client
    except InvalidArgumentError as error:
        raise UsageError(in_option_terms(error)) from None
    except FutureAGIError as error:
        raise UsageError(str(error)) from None


# The client's errors name its Python arguments (``api_key``, ``api_key=``); the command's user sets
# options and variables instead. The command passes the workspace itself, read from either.
_OPTION_OF = {
    "api_key": "--api-key",
    "secret_key": "--secret-key",
    "base_url": "--base-url",
    "workspace_id": "--workspace-id / FI_WORKSPACE_ID",
    "FI_WORKSPACE_ID": "--workspace-id / FI_WORKSPACE_ID",
}
_SET_CREDENTIALS = "set FI_API_KEY and FI_SECRET_KEY (or --api-key and --secret-key)"


def in_option_terms(error: InvalidArgumentError) -> str:
    """A client settings error (``InvalidArgumentError``) in the command's terms: the option or variable
    it names, and what to set, never the Python argument the library's words name."""
    if "no credentials" in error.rule:
        return "no credentials. Set FI_API_KEY and FI_SECRET_KEY (or --api-key and --secret-key)"
    rule = error.rule.replace("pass api_key= and secret_key= (or bearer_token=)", _SET_CREDENTIALS)
    for argument in ("api_key", "secret_key"):
        rule = rule.replace(f"{argument} (or ", f"{_OPTION_OF[argument]} (or ")
    return f"{_OPTION_OF.get(error.argument, error.argument)}: {rule}"


def goes_on(message: str, execution_id: object) -> str:
    """A wait's timeout message (``WaitTimeoutError``) with its advice in the command's terms: the
    library's names its Python method (``executions.cancel()``), the command's the command that cancels."""
    from futureagi_simulate._resources.executions import GOES_ON

    cancel = f"futureagi-simulate executions cancel {execution_id}"
    return message.replace(GOES_ON, f"It goes on; cancel it with: {cancel}")


@contextlib.contextmanager
def parse_only() -> Iterator[None]:
    """Inside, the client reads answers by today's parse (``json.loads`` and the generated ``from_dict``),
    not through the ``speed`` extra's msgspec mirrors: the same models and the same errors either way
    (``_mirrors``). For a start that reads one bounded answer or a few (``run-tests list``, ``get``, ``run
    --dry-run``), loading msgspec and building the mirrors costs more than the road saves: ``run-tests
    list --json`` of 20 run tests took 41 M instructions more with the road, of 100 still 14 M more
    (BENCHMARKS.md, "Issue 27, third session: start28"). The switch is put back as it was afterwards."""
    from futureagi_simulate import _mirrors

    was = _mirrors._on
    _mirrors.use(False)
    try:
        yield
    finally:
        _mirrors.use(was)


def new_progress(*, prefix: str = "", live: bool | None = None) -> Progress:
    """The progress line on stderr (rich, loaded here: only a command that waits needs it); ``prefix``
    before each line, ``live`` as ``Progress`` takes it."""
    from ._progress import Progress

    return Progress(prefix=prefix, live=live)


def since_now() -> datetime.datetime:
    """Taken before an execute, a minute early for clock skew: where to look if its outcome is unknown."""
    return datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)


def check_hint(run_test_id: uuid.UUID, since: datetime.datetime) -> str:
    """How to find out whether an execute of unknown outcome started, and how to gate on what it started."""
    return (
        f"The execution of run test {run_test_id} may have started. Do not run it again blindly; check "
        f"with: futureagi-simulate run-tests executions {run_test_id} --started-after {since.isoformat()}"
        f"; gate on the one found with: futureagi-simulate report EXECUTION_ID --run-test-id {run_test_id}"
    )
