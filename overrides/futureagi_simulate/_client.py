"""SimulateClient and AsyncSimulateClient: configuration, the connection pool, and the flow drivers."""

from __future__ import annotations

import types
from typing import Any, TypeVar

import httpx

from ._config import ClientConfig, TimeoutArg, resolve_config
from ._errors import APIConnectionError, APITimeoutError, InvalidArgumentError
from ._resources import AsyncPromptSimulations, AsyncRunTests, PromptSimulations, RunTests
from ._types import NOT_GIVEN, BodyCasing, NotGiven
from ._validate import IdLike
from ._wire import Call, CasingState, Context, Flow

__all__ = ["AsyncSimulateClient", "SimulateClient"]

T = TypeVar("T")


class _BaseClient:
    """What both clients share: resolved configuration, casing state, request building, repr."""

    _config: ClientConfig
    _ctx: Context

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
        http_client: object,
        http_class: type[httpx.Client] | type[httpx.AsyncClient],
    ) -> None:
        if http_client is not None and not isinstance(http_client, http_class):
            raise InvalidArgumentError(
                "http_client", f"must be an httpx.{http_class.__name__}, got {type(http_client).__name__}"
            )
        self._owns_http = http_client is None
        self._config = resolve_config(
            api_key=api_key,
            secret_key=secret_key,
            bearer_token=bearer_token,
            base_url=base_url,
            workspace_id=workspace_id,
            timeout=timeout,
            user_http_client=http_client is not None,
        )
        self._ctx = Context(secrets=self._config.secrets, casing=CasingState.for_mode(body_casing))

    @property
    def base_url(self) -> str:
        return self._config.base_url

    @property
    def body_casing(self) -> BodyCasing:
        """The casing chosen at construction (``auto``, ``camel`` or ``snake``)."""
        return self._ctx.casing.mode

    def _build_request(self, http: httpx.Client | httpx.AsyncClient, call: Call[Any]) -> httpx.Request:
        extra: dict[str, Any] = {}
        if not self._config.use_client_timeout:
            extra["timeout"] = self._config.timeout
        return http.build_request(
            call.method,
            self._config.base_url + call.path,
            params=call.params or None,
            json=call.json,
            headers={**call.headers, **self._config.headers},
            **extra,
        )

    def __repr__(self) -> str:
        config = self._config
        return (
            f"{type(self).__name__}(base_url={config.base_url!r}, auth={config.auth!r}, "
            f"workspace_id={str(config.workspace_id) if config.workspace_id else None!r}, "
            f"body_casing={self._ctx.casing.mode!r})"
        )


def _connection_error(
    exc: httpx.TransportError, request: httpx.Request, call: Call[Any]
) -> APIConnectionError:
    # A connect failure means the request never left; anything later may have reached the server.
    never_sent = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
    may_have_started = call.starts_work and not never_sent
    what = f"{call.operation}: {type(exc).__name__} talking to {request.url.scheme}://{request.url.netloc.decode()}"
    if may_have_started:
        what += (
            ". The request may have reached the server, so the execution may have started: check the run "
            "test's executions (its last_run_at, or the Future AGI dashboard) before executing again"
        )
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    return cls(what, request=request, may_have_started=may_have_started)


class SimulateClient(_BaseClient):
    """A client for the Future AGI Simulate API.

    Credentials come from the arguments, else from ``FI_API_KEY`` and ``FI_SECRET_KEY``; the base URL from
    ``base_url``, else ``FI_BASE_URL``, else ``https://api.futureagi.com``. Use it as a context manager, or
    call :meth:`close`, to release its connection pool. An ``http_client`` you pass is used as is and
    left open.
    """

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
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            secret_key=secret_key,
            bearer_token=bearer_token,
            base_url=base_url,
            workspace_id=workspace_id,
            timeout=timeout,
            body_casing=body_casing,
            http_client=http_client,
            http_class=httpx.Client,
        )
        self._http = http_client or httpx.Client(timeout=self._config.timeout)
        self.run_tests = RunTests(self)
        self.prompt_simulations = PromptSimulations(self)

    def _run(self, flow: Flow[T]) -> T:
        call = next(flow)
        while True:
            response = self._send(call)
            try:
                call = flow.send(response)
            except StopIteration as done:
                result: T = done.value
                return result

    def _send(self, call: Call[Any]) -> httpx.Response:
        request = self._build_request(self._http, call)
        try:
            return self._http.send(request, follow_redirects=False)
        except httpx.TransportError as exc:
            raise _connection_error(exc, request, call) from exc

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


class AsyncSimulateClient(_BaseClient):
    """The asyncio flavour of :class:`SimulateClient`: the same arguments, methods to ``await``."""

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
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            secret_key=secret_key,
            bearer_token=bearer_token,
            base_url=base_url,
            workspace_id=workspace_id,
            timeout=timeout,
            body_casing=body_casing,
            http_client=http_client,
            http_class=httpx.AsyncClient,
        )
        self._http = http_client or httpx.AsyncClient(timeout=self._config.timeout)
        self.run_tests = AsyncRunTests(self)
        self.prompt_simulations = AsyncPromptSimulations(self)

    async def _run(self, flow: Flow[T]) -> T:
        call = next(flow)
        while True:
            response = await self._send(call)
            try:
                call = flow.send(response)
            except StopIteration as done:
                result: T = done.value
                return result

    async def _send(self, call: Call[Any]) -> httpx.Response:
        request = self._build_request(self._http, call)
        try:
            return await self._http.send(request, follow_redirects=False)
        except httpx.TransportError as exc:
            raise _connection_error(exc, request, call) from exc

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
