"""SimulateClient and AsyncSimulateClient: configuration, the connection pool, and the flow drivers."""

from __future__ import annotations

import copy
import os
import time
import types
import weakref
from typing import Any, Self, TypeVar

import httpx

from . import _resources
from ._config import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DIRECT,
    ClientConfig,
    TimeoutArg,
    attempt_deadline,
    check_max_response_size,
    environment_proxy,
    plain_http_pool_options,
    proxy_pool_options,
    resolve_config,
    resolve_timeout,
)
from ._errors import APIConnectionError, InvalidArgumentError
from ._exports import publish
from ._flows import CasingState, Context, Exchange, Flow
from ._logging import register as register_secrets
from ._redaction import excerpt
from ._retry import DEFAULT_MAX_RETRIES, Outcome, Step, check_max_retries, drive
from ._transport import ATTEMPT_DEADLINE, EXCHANGE_DEADLINE, BodyReader
from ._types import NOT_GIVEN, BodyCasing, NotGiven
from ._validate import IdLike

__all__ = ["AsyncSimulateClient", "SimulateClient"]

T = TypeVar("T")
HTTP = TypeVar("HTTP", httpx.Client, httpx.AsyncClient)


class _BaseClient:
    """What both clients share: resolved configuration, casing state, request building, repr."""

    _config: ClientConfig
    _ctx: Context
    _http: httpx.Client | httpx.AsyncClient
    # True while the pool was made by this client with its configured timeout.
    _timeout_in_pool: bool
    # True when the pool is ours to make again: after a fork, or (async) on another event loop.
    _replaceable: bool

    def __init__(
        self,
        *,
        api_key: str | NotGiven | None,
        secret_key: str | NotGiven | None,
        bearer_token: str | NotGiven | None,
        base_url: str | NotGiven | None,
        workspace_id: object,
        timeout: TimeoutArg,
        body_casing: BodyCasing,
        max_retries: int,
        http_client: object,
        http_class: type[httpx.Client] | type[httpx.AsyncClient],
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        if http_client is not None and not isinstance(http_client, http_class):
            raise InvalidArgumentError(
                "http_client", f"must be an httpx.{http_class.__name__}, got {type(http_client).__name__}"
            )
        self._owns_http = http_client is None
        self._timeout_in_pool = http_client is None
        self._config = resolve_config(
            api_key=api_key,
            secret_key=secret_key,
            bearer_token=bearer_token,
            base_url=base_url,
            workspace_id=workspace_id,
            timeout=timeout,
            user_http_client=http_client is not None,
        )
        # Kept out of every log line, httpx's and httpcore's too, whatever the server echoes (_logging).
        register_secrets(self, self._config.secrets)
        self._ctx = Context(
            secrets=self._config.secrets,
            casing=CasingState.for_mode(body_casing),
            base_url=self._config.base_url,
        )
        # A pool we create carries our headers itself; merging them into every request costs more than
        # the rest of our per-call work. A user's client gets them per request and stays untouched.
        self._request_headers = self._config.headers if http_client is not None else None
        self._max_retries = check_max_retries(max_retries)
        self._max_response_size = check_max_response_size(max_response_size)
        self._replaceable = http_client is None
        # Our pool reads the environment's proxy settings (httpx's trust_env): a proxy httpx cannot use
        # is refused now, and one that fails later is named in the error.
        self._proxy = environment_proxy(self._config.base_url) if http_client is None else None
        # The pool belongs to the process that made it: a forked child makes its own (_check_pool).
        self._pid = os.getpid()

    def _pool_options(self) -> dict[str, Any]:
        # A proxy variable httpx cannot use for a host this client never asks for does not stop the pool;
        # a plain-HTTP base URL does not load the CA certificates it never uses.
        return {
            "timeout": self._config.timeout,
            "headers": self._config.headers,
            **proxy_pool_options(self._config.base_url),
            **plain_http_pool_options(self._config.base_url),
        }

    @staticmethod
    def _make_pool(http_class: type[HTTP], options: dict[str, Any]) -> HTTP:
        """A new httpx pool. httpx reads the environment's TLS settings (for an https:// base URL: see
        plain_http_pool_options) and proxy settings as it makes one, and a stale one (a missing
        SSL_CERT_FILE, a proxy URL of an unknown scheme or no URL at all, a SOCKS proxy without socksio)
        fails here, before any request: an InvalidArgumentError naming where to look, not an OSError
        from deep in ssl or an ImportError."""
        options = dict(options)
        if options.pop(DIRECT, False):
            # A transport of our own reads no proxy variable (TLS ones still, for an https:// base URL).
            sync = issubclass(http_class, httpx.Client)
            tls = {"verify": options["verify"]} if "verify" in options else {}
            options["transport"] = httpx.HTTPTransport(**tls) if sync else httpx.AsyncHTTPTransport(**tls)
        try:
            return http_class(**options)
        except (OSError, ValueError, ImportError, httpx.InvalidURL) as exc:  # ssl.SSLError is an OSError
            raise InvalidArgumentError(
                "environment",
                "httpx could not make its connection pool from this environment's settings "
                "(SSL_CERT_FILE, SSL_CERT_DIR, SSLKEYLOGFILE, HTTP_PROXY, HTTPS_PROXY, ALL_PROXY): "
                f"{type(exc).__name__}: {excerpt(str(exc), 200)}",
            ) from None

    def _set_deadline(self) -> None:
        """The whole-attempt deadline, from the timeout in force (see attempt_deadline)."""
        timeout = self._http.timeout if self._config.use_client_timeout else self._config.timeout
        self._deadline = attempt_deadline(timeout)

    def _program(self, flow: Flow[T]) -> Any:
        return drive(
            flow, self._build_request, self._max_retries, secrets=self._config.secrets, proxy=self._proxy
        )

    def _closed_error(self, request: httpx.Request) -> APIConnectionError:
        return APIConnectionError(
            "the client is closed (close() was called, or its with-block ended): the request was not "
            "sent. Make a new client",
            request=request,
            may_have_started=False,
        )

    def _forked(self) -> bool:
        """True in a child process that inherited this client's pool (whose connections the parent
        shares). A pool of our own is replaced; a user's http_client cannot be, so that is an error."""
        if os.getpid() == self._pid:
            return False
        if not self._replaceable:
            raise APIConnectionError(
                "this client was made in another process (before os.fork()) with your http_client, "
                "whose connections the parent still uses: make a new client in this process. "
                "The request was not sent",
                request=None,
                may_have_started=False,
            )
        self._pid = os.getpid()
        return True

    def _bind_resources(self) -> None:
        raise NotImplementedError

    def with_options(
        self, *, timeout: TimeoutArg = NOT_GIVEN, max_retries: int | NotGiven = NOT_GIVEN
    ) -> Self:
        """A copy of this client with another timeout or retry count, sharing its connection pool.

        >>> client.with_options(max_retries=0).run_tests.execute(run_id, selection=Selection.all())

        Closing the copy leaves the pool open: it stays the original client's to close.
        """
        clone = copy.copy(self)
        clone._owns_http = False
        register_secrets(clone, clone._config.secrets)
        if not isinstance(timeout, NotGiven):
            clone._config = self._config.with_timeout(resolve_timeout(timeout))
            clone._timeout_in_pool = False
        if not isinstance(max_retries, NotGiven):
            clone._max_retries = check_max_retries(max_retries)
        clone._set_deadline()
        clone._bind_resources()
        return clone

    @property
    def max_retries(self) -> int:
        """How many times a failed request that is safe to repeat is sent again."""
        return self._max_retries

    @property
    def timeout(self) -> httpx.Timeout | None:
        """The timeout of each request (``None``: none at all)."""
        return self._http.timeout if self._config.use_client_timeout else self._config.timeout

    @property
    def base_url(self) -> str:
        return self._config.base_url

    @property
    def body_casing(self) -> BodyCasing:
        """The casing chosen at construction (``auto``, ``camel`` or ``snake``)."""
        return self._ctx.casing.mode

    def _build_request(self, exchange: Exchange[Any]) -> httpx.Request:
        extra: dict[str, Any] = {}
        # A pool this client made already carries the timeout; httpx would only copy it again.
        if not self._config.use_client_timeout and not self._timeout_in_pool:
            extra["timeout"] = self._config.timeout
        try:
            request = self._http.build_request(
                exchange.method,
                self._config.base_url + exchange.path,
                params=exchange.params or None,
                json=exchange.json,
                headers={**exchange.headers, **self._request_headers}
                if self._request_headers
                else exchange.headers,
                **extra,
            )
        except (ValueError, TypeError, UnicodeError, OverflowError, RecursionError, httpx.InvalidURL) as exc:
            # The arguments were checked one by one; this is what is left (a URL too long, text that is
            # not UTF-8). Nothing was sent.
            raise InvalidArgumentError(
                exchange.operation,
                f"the request cannot be built from these arguments ({type(exc).__name__}: "
                f"{excerpt(str(exc), 200)}); nothing was sent",
            ) from None
        if exchange.deadline is not None:
            request.extensions[EXCHANGE_DEADLINE] = exchange.deadline
        return request

    def _attempt_limit(self, request: httpx.Request) -> float | None:
        """The seconds one attempt may take: the client's own bound (``_deadline``), cut to what is left
        of the exchange's deadline (a poll of ``executions.wait``: the wait's timeout), read on the flows'
        clock. 0 when that deadline has passed."""
        limit = self._deadline
        cap = request.extensions.get(EXCHANGE_DEADLINE)
        if cap is None:
            return limit
        left = max(0.0, float(cap) - self._ctx.clock())
        return left if limit is None else min(limit, left)

    def __repr__(self) -> str:
        config = self._config
        return (
            f"{type(self).__name__}(base_url={config.base_url!r}, auth={config.auth!r}, "
            f"workspace_id={str(config.workspace_id) if config.workspace_id else None!r}, "
            f"body_casing={self._ctx.casing.mode!r}, max_retries={self._max_retries})"
        )


def _past_deadline(request: httpx.Request) -> httpx.TimeoutException:
    """The outcome of an attempt whose exchange's deadline had passed before it began: nothing was sent."""
    return httpx.PoolTimeout("the call's deadline had passed; the request was not sent", request=request)


class SimulateClient(_BaseClient):
    """A client for the Future AGI Simulate API.

    Credentials come from the arguments, else from ``FI_API_KEY`` and ``FI_SECRET_KEY``; the base URL from
    ``base_url``, else ``FI_BASE_URL``, else ``https://api.futureagi.com``. Use it as a context manager, or
    call :meth:`close`, to release its connection pool. An ``http_client`` you pass is used as is and
    left open.

    Attributes:
        run_tests: :class:`futureagi_simulate.resources.RunTests`, the run tests: ``create``, ``list``,
            ``iter`` (every page), ``execute`` (one execution over a :class:`Selection` of scenarios),
            ``get``, ``scenarios``, ``executions`` and ``eval_summary``.
        executions: :class:`futureagi_simulate.resources.Executions`, an execution after it started:
            ``get``, ``calls``, ``results``, ``cancel``, ``wait`` and ``report`` (a :class:`Verdict`).
        prompt_simulations: :class:`futureagi_simulate.resources.PromptSimulations`, the prompt
            simulations: ``get`` (the run test behind one) and ``execute``.
        agent_versions: :class:`futureagi_simulate.resources.AgentVersions`, an agent definition's versions:
            ``list``, ``iter``, ``get``, ``create`` and ``eval_summary``.
        agent_definitions: :class:`futureagi_simulate.resources.AgentDefinitions`, the agents under test:
            ``list``, ``iter``, ``get`` and ``create``.
        call_executions: :class:`futureagi_simulate.resources.CallExecutions`, one call of an
            execution: ``get`` and ``session_comparison``.
        scenarios: :class:`futureagi_simulate.resources.Scenarios`, the workspace's scenarios: ``list``,
            ``iter`` and ``get``.
    """

    # Properties, not attributes, so that help() and the API reference show their docstrings (a variable's
    # docstring is found only by reading the source of the module a class names, futureagi_simulate).
    def _bind_resources(self) -> None:
        self._run_tests: _resources.RunTests | None = None
        self._executions: _resources.Executions | None = None
        self._prompt_simulations: _resources.PromptSimulations | None = None
        self._scenarios: _resources.Scenarios | None = None
        self._agent_definitions: _resources.AgentDefinitions | None = None
        self._agent_versions: _resources.AgentVersions | None = None
        self._call_executions: _resources.CallExecutions | None = None

    # Each resource is made on its first use: its module imports the generated package. Annotated through
    # the package (_resources.X), so that typing.get_type_hints loads the class only when asked.
    @property
    def run_tests(self) -> _resources.RunTests:
        """Run tests: ``create``, ``list``, ``iter``, ``execute``, ``get``, ``scenarios``, ``executions``,
        ``eval_summary``."""
        resource = self._run_tests
        if resource is None:
            resource = _resources.RunTests(self._run, self._ctx)
            self._run_tests = resource
        return resource

    @property
    def executions(self) -> _resources.Executions:
        """Executions: ``get``, ``calls``, ``results``, ``cancel``, ``wait``, ``report``."""
        resource = self._executions
        if resource is None:
            resource = _resources.Executions(self._run, self._ctx)
            self._executions = resource
        return resource

    @property
    def call_executions(self) -> _resources.CallExecutions:
        """Call executions: ``get`` (one call, its ``cost_cents`` and ``rerun_snapshots``),
        ``session_comparison``."""
        resource = self._call_executions
        if resource is None:
            resource = _resources.CallExecutions(self._run, self._ctx)
            self._call_executions = resource
        return resource

    @property
    def prompt_simulations(self) -> _resources.PromptSimulations:
        """Prompt simulations: ``get``, ``execute``."""
        resource = self._prompt_simulations
        if resource is None:
            resource = _resources.PromptSimulations(self._run, self._ctx)
            self._prompt_simulations = resource
        return resource

    @property
    def agent_versions(self) -> _resources.AgentVersions:
        """An agent definition's versions: ``list``, ``iter``, ``get``, ``create``, ``eval_summary``, each
        taking the agent definition's id first."""
        resource = self._agent_versions
        if resource is None:
            resource = _resources.AgentVersions(self._run, self._ctx)
            self._agent_versions = resource
        return resource

    @property
    def agent_definitions(self) -> _resources.AgentDefinitions:
        """Agent definitions: ``list``, ``iter``, ``get``, ``create`` (secrets redacted)."""
        resource = self._agent_definitions
        if resource is None:
            resource = _resources.AgentDefinitions(self._run, self._ctx)
            self._agent_definitions = resource
        return resource

    @property
    def scenarios(self) -> _resources.Scenarios:
        """Scenarios: ``list``, ``iter``, ``get``."""
        resource = self._scenarios
        if resource is None:
            resource = _resources.Scenarios(self._run, self._ctx)
            self._scenarios = resource
        return resource

    def __init__(
        self,
        *,
        api_key: str | NotGiven | None = NOT_GIVEN,
        secret_key: str | NotGiven | None = NOT_GIVEN,
        bearer_token: str | NotGiven | None = NOT_GIVEN,
        base_url: str | NotGiven | None = NOT_GIVEN,
        workspace_id: IdLike | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        body_casing: BodyCasing = "auto",
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self._http: httpx.Client
        super().__init__(
            api_key=api_key,
            secret_key=secret_key,
            bearer_token=bearer_token,
            base_url=base_url,
            workspace_id=workspace_id,
            timeout=timeout,
            body_casing=body_casing,
            max_retries=max_retries,
            http_client=http_client,
            http_class=httpx.Client,
            max_response_size=max_response_size,
        )
        self._http = http_client or self._new_pool()
        self._set_deadline()
        self._bind_resources()

    def _new_pool(self) -> httpx.Client:
        # Here, not at the top: it imports httpcore, which httpx itself imports only for a first pool.
        from ._backend import bound_every_wait

        http = self._make_pool(httpx.Client, self._pool_options())
        # The status line and headers are read inside httpx: only its network backend can bound them.
        bound_every_wait(http)
        return http

    def _run(self, flow: Flow[T]) -> T:
        # The program's own send, not _retry.resume: one call and no Finished object per step. The
        # StopIteration caught is the program's alone: _perform runs outside the try.
        send = self._program(flow).send
        try:
            step: Step = send(None)
        except StopIteration as done:
            first: T = done.value
            return first
        while True:
            outcome = self._perform(step)
            try:
                step = send(outcome)
            except StopIteration as done:
                result: T = done.value
                return result

    def _perform(self, step: Step) -> Outcome:
        if isinstance(step, float):
            time.sleep(step)
            return None
        if os.getpid() != self._pid and self._forked():
            # Not closed: the parent's sockets are shared, and closing a TLS one would end its session.
            self._http = self._new_pool()
            self._owns_http = True
        if self._http.is_closed:
            raise self._closed_error(step)
        # Most requests carry no deadline of their own: the client's bound is the limit.
        limit = self._attempt_limit(step) if EXCHANGE_DEADLINE in step.extensions else self._deadline
        if limit is not None and limit <= 0:
            return _past_deadline(step)
        deadline = None if limit is None else time.monotonic() + limit
        # Every connect, read and write of this attempt, in httpx too, ends by the deadline (_transport).
        token = ATTEMPT_DEADLINE.set(deadline)
        try:
            return self._attempt(step, deadline)
        finally:
            ATTEMPT_DEADLINE.reset(token)

    def _attempt(self, step: httpx.Request, deadline: float | None) -> Outcome:
        try:
            response = self._http.send(step, follow_redirects=False, stream=True)
        except httpx.RequestError as exc:
            return exc
        except RuntimeError as exc:
            if self._http.is_closed:  # closed by another thread meanwhile
                raise self._closed_error(step) from None
            return httpx.TransportError(f"RuntimeError: {excerpt(str(exc), 200)}", request=step)
        # The body is read here, within the deadline and the size limit (_transport), not by httpx.
        try:
            reader = BodyReader(response, self._max_response_size, deadline)
            failure = reader.check()
            if failure is not None:
                return failure
            if response.is_stream_consumed:
                return reader.read_already()
            for chunk in response.iter_raw():
                failure = reader.feed(chunk)
                if failure is not None:
                    return failure
            return reader.finish()
        except httpx.RequestError as exc:
            return exc
        finally:
            response.close()

    def close(self) -> None:
        """Closes the connection pool, unless it belongs to an ``http_client`` you passed in."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> SimulateClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        self.close()


# Requests admitted into httpx at once per async client, the rest waiting on a semaphore: httpcore
# matches every queued request against every connection each time one frees, so its queue costs CPU in
# proportion to its length times the pool's size (BENCHMARKS.md, load); our FIFO gate costs nothing per
# waiter. The same as httpx's default pool size, so no connection is left idle.
GATE_SIZE = 100


class _Progress:
    """httpcore's trace hook for one attempt: how far it got, so that a deadline that fires can say
    whether any of the request had been written (then it may have started) or not."""

    __slots__ = ("connecting", "request", "sent")

    def __init__(self, request: httpx.Request) -> None:
        self.connecting = False
        self.sent = False
        # The hook goes into the request's extensions, which httpx hands to httpcore as they are:
        # httpcore looks it up there at each step of the exchange.
        self.request = request
        request.extensions["trace"] = self.trace

    async def trace(self, event: str, info: object) -> None:
        if "send_request_headers" in event:
            self.sent = True
            # Nothing later changes what a deadline that fires means, so the hook goes: httpcore would
            # otherwise call it twice at each of the exchange's four later steps.
            self.request.extensions.pop("trace", None)
        elif "connect_tcp" in event or "start_tls" in event:
            self.connecting = True

    def timed_out(self, request: httpx.Request) -> httpx.TimeoutException:
        if self.sent:
            return httpx.ReadTimeout(
                "the attempt's deadline passed before the whole answer had arrived", request=request
            )
        if self.connecting:
            return httpx.ConnectTimeout("the attempt's deadline passed while connecting", request=request)
        return httpx.PoolTimeout(
            "the attempt's deadline passed while waiting for a free connection", request=request
        )


class AsyncSimulateClient(_BaseClient):
    """The asyncio flavour of :class:`SimulateClient`: the same arguments, methods to ``await``.

    Attributes:
        run_tests: :class:`futureagi_simulate.resources.AsyncRunTests`, the run tests: ``create``,
            ``list``, ``iter`` (an async iterator over every page), ``execute``, ``get``, ``scenarios``,
            ``executions`` and ``eval_summary``.
        executions: :class:`futureagi_simulate.resources.AsyncExecutions`, an execution after it
            started: ``get``, ``calls``, ``results``, ``cancel``, ``wait`` and ``report``.
        prompt_simulations: :class:`futureagi_simulate.resources.AsyncPromptSimulations`, the prompt
            simulations: ``get`` and ``execute``.
        agent_versions: :class:`futureagi_simulate.resources.AsyncAgentVersions`, an agent definition's
            versions: ``list``, ``iter``, ``get``, ``create`` and ``eval_summary``.
        agent_definitions: :class:`futureagi_simulate.resources.AsyncAgentDefinitions`, the agents under test:
            ``list``, ``iter``, ``get`` and ``create``.
        call_executions: :class:`futureagi_simulate.resources.AsyncCallExecutions`, one call of an
            execution: ``get`` and ``session_comparison``.
        scenarios: :class:`futureagi_simulate.resources.AsyncScenarios`, the workspace's scenarios: ``list``,
            ``iter`` and ``get``.
    """

    # Properties, not attributes, so that help() and the API reference show their docstrings (a variable's
    # docstring is found only by reading the source of the module a class names, futureagi_simulate).
    def _bind_resources(self) -> None:
        self._run_tests: _resources.AsyncRunTests | None = None
        self._executions: _resources.AsyncExecutions | None = None
        self._prompt_simulations: _resources.AsyncPromptSimulations | None = None
        self._scenarios: _resources.AsyncScenarios | None = None
        self._agent_definitions: _resources.AsyncAgentDefinitions | None = None
        self._agent_versions: _resources.AsyncAgentVersions | None = None
        self._call_executions: _resources.AsyncCallExecutions | None = None

    # Each resource is made on its first use: its module imports the generated package. Annotated through
    # the package (_resources.X), so that typing.get_type_hints loads the class only when asked.
    @property
    def run_tests(self) -> _resources.AsyncRunTests:
        """Run tests: ``create``, ``list``, ``iter``, ``execute``, ``get``, ``scenarios``, ``executions``,
        ``eval_summary``, to ``await``."""
        resource = self._run_tests
        if resource is None:
            resource = _resources.AsyncRunTests(self._run, self._ctx)
            self._run_tests = resource
        return resource

    @property
    def executions(self) -> _resources.AsyncExecutions:
        """Executions: ``get``, ``calls``, ``results``, ``cancel``, ``wait``, ``report``, to ``await``."""
        resource = self._executions
        if resource is None:
            resource = _resources.AsyncExecutions(self._run, self._ctx)
            self._executions = resource
        return resource

    @property
    def call_executions(self) -> _resources.AsyncCallExecutions:
        """Call executions: ``get``, ``session_comparison``, to ``await``."""
        resource = self._call_executions
        if resource is None:
            resource = _resources.AsyncCallExecutions(self._run, self._ctx)
            self._call_executions = resource
        return resource

    @property
    def prompt_simulations(self) -> _resources.AsyncPromptSimulations:
        """Prompt simulations: ``get``, ``execute``, to ``await``."""
        resource = self._prompt_simulations
        if resource is None:
            resource = _resources.AsyncPromptSimulations(self._run, self._ctx)
            self._prompt_simulations = resource
        return resource

    @property
    def agent_versions(self) -> _resources.AsyncAgentVersions:
        """An agent definition's versions: ``list``, ``iter``, ``get``, ``create``, ``eval_summary``, to
        ``await``."""
        resource = self._agent_versions
        if resource is None:
            resource = _resources.AsyncAgentVersions(self._run, self._ctx)
            self._agent_versions = resource
        return resource

    @property
    def agent_definitions(self) -> _resources.AsyncAgentDefinitions:
        """Agent definitions: ``list``, ``iter``, ``get``, ``create``, to ``await``."""
        resource = self._agent_definitions
        if resource is None:
            resource = _resources.AsyncAgentDefinitions(self._run, self._ctx)
            self._agent_definitions = resource
        return resource

    @property
    def scenarios(self) -> _resources.AsyncScenarios:
        """Scenarios: ``list``, ``iter``, ``get``, to ``await``."""
        resource = self._scenarios
        if resource is None:
            resource = _resources.AsyncScenarios(self._run, self._ctx)
            self._scenarios = resource
        return resource

    def __init__(
        self,
        *,
        api_key: str | NotGiven | None = NOT_GIVEN,
        secret_key: str | NotGiven | None = NOT_GIVEN,
        bearer_token: str | NotGiven | None = NOT_GIVEN,
        base_url: str | NotGiven | None = NOT_GIVEN,
        workspace_id: IdLike | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        body_casing: BodyCasing = "auto",
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        self._http: httpx.AsyncClient
        super().__init__(
            api_key=api_key,
            secret_key=secret_key,
            bearer_token=bearer_token,
            base_url=base_url,
            workspace_id=workspace_id,
            timeout=timeout,
            body_casing=body_casing,
            max_retries=max_retries,
            http_client=http_client,
            http_class=httpx.AsyncClient,
            max_response_size=max_response_size,
        )
        self._http = http_client or self._make_pool(httpx.AsyncClient, self._pool_options())
        # The event loop the pool's connections belong to: set on first use (_pool_for_loop).
        self._loop: weakref.ref[Any] | None = None
        # Admits at most GATE_SIZE requests into httpx at once (made per loop, in _pool_for_loop).
        self._gate: Any = None
        self._set_deadline()
        self._bind_resources()

    async def _run(self, flow: Flow[T]) -> T:
        # As SimulateClient._run: the program's own send, each await outside the try.
        send = self._program(flow).send
        try:
            step: Step = send(None)
        except StopIteration as done:
            first: T = done.value
            return first
        while True:
            outcome = await self._perform(step)
            try:
                step = send(outcome)
            except StopIteration as done:
                result: T = done.value
                return result

    def _pool_for_loop(self, loop: object) -> httpx.AsyncClient:
        """The pool for the running loop. Connections belong to the loop that opened them: on another
        loop (a second asyncio.run, a loop per thread) they fail, maybe after the request went out,
        so a pool of our own is replaced; a user's http_client cannot be, and nothing is sent."""
        owner = self._loop() if self._loop is not None else None
        if self._forked() or (owner is not None and owner is not loop):
            if not self._replaceable:
                raise APIConnectionError(
                    "your http_client was first used on another event loop, and its connections "
                    "belong to that loop: make one client per event loop. The request was not sent",
                    request=None,
                    may_have_started=False,
                )
            # The old pool is left to its loop (which may be closed): closing it here would touch it.
            self._http = self._make_pool(httpx.AsyncClient, self._pool_options())
            self._owns_http = True
            self._gate = None
        if owner is not loop or self._gate is None:
            import asyncio

            self._loop = weakref.ref(loop)
            self._gate = asyncio.Semaphore(GATE_SIZE)
        return self._http

    async def _perform(self, step: Step) -> Outcome:
        import asyncio  # here, not at the top: only async users should pay for importing it

        if isinstance(step, float):
            await asyncio.sleep(step)
            return None
        http = self._pool_for_loop(asyncio.get_running_loop())
        if http.is_closed:
            raise self._closed_error(step)
        limit = self._attempt_limit(step) if EXCHANGE_DEADLINE in step.extensions else self._deadline
        if limit is not None and limit <= 0:
            return _past_deadline(step)
        progress = _Progress(step)
        try:
            # One deadline over the whole attempt: waiting for a connection, sending, and every read.
            async with asyncio.timeout(limit), self._gate:
                response = await http.send(step, follow_redirects=False, stream=True)
                try:
                    reader = BodyReader(response, self._max_response_size, None)
                    failure = reader.check()
                    if failure is not None:
                        return failure
                    if response.is_stream_consumed:
                        return reader.read_already()
                    async for chunk in response.aiter_raw():
                        failure = reader.feed(chunk)
                        if failure is not None:
                            return failure
                    return reader.finish()
                finally:
                    await response.aclose()
        except httpx.RequestError as exc:
            return exc
        except TimeoutError:
            return progress.timed_out(step)
        except RuntimeError as exc:
            if http.is_closed:
                raise self._closed_error(step) from None
            return httpx.TransportError(f"RuntimeError: {excerpt(str(exc), 200)}", request=step)

    async def close(self) -> None:
        """Closes the connection pool, unless it belongs to an ``http_client`` you passed in."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncSimulateClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        await self.close()


# Shown as futureagi_simulate.<Name>, where users import them from.
publish(AsyncSimulateClient, SimulateClient)
