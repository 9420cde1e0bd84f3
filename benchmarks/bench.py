"""What the client costs on top of raw httpx, each figure measured beside its baseline in one run.

    python benchmarks/bench.py            # the full run (make bench), about a minute
    python benchmarks/bench.py --quick    # tiny counts: proves the harness works, figures mean nothing

Every comparison alternates baseline and client in rounds (which goes first swaps each round) against
the same server, and reports medians. The server is ``benchmarks/server.py`` in its own process; its
docstring says why it is not the emulator.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import httpx

# The client's default timeout, given to the baselines too: under load, 500 requests queued on httpx's
# default 5 s pool timeout can fail where the client, with 60 s, waits.
from futureagi_simulate import DEFAULT_TIMEOUT, AsyncSimulateClient, Selection, SimulateClient

HERE = Path(__file__).resolve().parent
API_KEY, SECRET_KEY = "bench-key", "bench-secret"
RUN_TEST_ID = "0a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
EXECUTE_PATH = f"/simulate/run-tests/{RUN_TEST_ID}/execute/"
LIST_PATH = "/simulate/run-tests/"
EXECUTE_BODY = {"select_all": True, "scenario_ids": []}


@attrs.frozen
class Sizes:
    rounds: int
    calls_per_round: int
    imports: int
    iter_small: int
    iter_large: int
    iter_repeats: int
    concurrent: int
    concurrent_rounds: int
    counted_calls: int
    load_async: int
    load_threads: int
    load_per_thread: int
    # Calls of the execution each read is timed at (issue 27: 100 and 10,000).
    read_counts: tuple[int, ...]


FULL = Sizes(
    rounds=15,
    calls_per_round=200,
    imports=25,
    iter_small=10_000,
    iter_large=100_000,
    iter_repeats=3,
    concurrent=500,
    concurrent_rounds=9,
    counted_calls=1000,
    load_async=1000,
    load_threads=32,
    load_per_thread=40,
    read_counts=(100, 10_000),
)
QUICK = Sizes(
    rounds=2,
    calls_per_round=3,
    imports=2,
    iter_small=200,
    iter_large=1_000,
    iter_repeats=1,
    concurrent=20,
    concurrent_rounds=2,
    counted_calls=5,
    load_async=40,
    load_threads=4,
    load_per_thread=4,
    read_counts=(3, 250),
)


@attrs.frozen
class Row:
    name: str
    unit: str
    baseline: float
    client: float
    target: float
    # Printed under the table: where the time went, for the rows that say.
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.client / self.baseline

    def line(self) -> str:
        verdict = "ok" if self.ratio <= self.target else "MISSED"
        return (
            f"| {self.name} | {self.baseline:,.3f} {self.unit} | {self.client:,.3f} {self.unit} "
            f"| {self.ratio:.2f}x | <= {self.target:.2f}x {verdict} |"
        )


# The server builds its answers with this checkout's package, whatever version PYTHONPATH gives the
# client under test: an older package seeds smaller run tests, and its answers would not be the same page.
SERVER_PATH = os.pathsep.join(str(HERE.parent / folder) for folder in ("overrides", "generated"))


@contextmanager
def light_server() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, str(HERE / "server.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": SERVER_PATH},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("listening on "):
            raise RuntimeError(f"benchmark server did not start: {line!r}")
        yield line.removeprefix("listening on ").strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def headers() -> dict[str, str]:
    return {"X-Api-Key": API_KEY, "X-Secret-Key": SECRET_KEY, "Accept": "application/json"}


class CollectorClock:
    """Seconds Python's cyclic garbage collector has run, summed through ``gc.callbacks``."""

    def __init__(self) -> None:
        self.total = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._started

    def __enter__(self) -> CollectorClock:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


@attrs.frozen
class Timing:
    """Median seconds per call of each side, and of that the median spent in the cyclic collector."""

    baseline: float
    client: float
    baseline_collector: float
    client_collector: float

    def collector_note(self, name: str) -> str:
        return (
            f"{name}: the cyclic collector ran {self.client_collector * 1e3:.3f} ms of each client call "
            f"and {self.baseline_collector * 1e3:.3f} ms of each baseline call"
        )


def interleaved(
    baseline: Callable[[], None], client: Callable[[], None], *, rounds: int, per_round: int
) -> Timing:
    """Per-call medians of each, from rounds that alternate which goes first."""
    times: dict[str, list[float]] = {"baseline": [], "client": []}
    collected: dict[str, list[float]] = {"baseline": [], "client": []}
    with CollectorClock() as clock:
        for r in range(rounds):
            pair = [("baseline", baseline), ("client", client)]
            for name, fn in pair if r % 2 == 0 else reversed(pair):
                before = clock.total
                start = time.perf_counter()
                for _ in range(per_round):
                    fn()
                times[name].append((time.perf_counter() - start) / per_round)
                collected[name].append((clock.total - before) / per_round)
    return Timing(
        statistics.median(times["baseline"]),
        statistics.median(times["client"]),
        statistics.median(collected["baseline"]),
        statistics.median(collected["client"]),
    )


def bench_execute(url: str, sizes: Sizes) -> Row:
    with (
        httpx.Client(headers=headers(), timeout=DEFAULT_TIMEOUT) as raw,
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=url, body_casing="snake") as client,
    ):
        selection = Selection.all()

        def baseline() -> None:
            raw.post(url + EXECUTE_PATH, json=EXECUTE_BODY).json()

        def ours() -> None:
            client.run_tests.execute(RUN_TEST_ID, selection=selection)

        for _ in range(sizes.calls_per_round):  # warm both pools and code paths
            baseline()
            ours()
        timing = interleaved(baseline, ours, rounds=sizes.rounds, per_round=sizes.calls_per_round)
    return Row(
        "run_tests.execute, per call",
        "ms",
        timing.baseline * 1e3,
        timing.client * 1e3,
        1.10,
        note=timing.collector_note("execute"),
    )


def bench_execute_in_memory(url: str, sizes: Sizes) -> str:
    """The client's own CPU per execute, with no sockets: both sides on one httpx.MockTransport that
    answers the server's bytes. The loopback row's baseline is a socket round trip whose scheduling on
    a shared machine moves by more than the client's overhead; this leaves only CPU, so it is the
    figure to compare between changes run back to back."""
    answer = httpx.post(url + EXECUTE_PATH, json=EXECUTE_BODY, headers=headers()).content
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=answer, headers={"Content-Type": "application/json"})
    )
    base_url = "http://bench.localhost"
    with (
        httpx.Client(headers=headers(), transport=transport) as raw,
        SimulateClient(
            api_key=API_KEY, secret_key=SECRET_KEY, base_url=base_url, body_casing="snake"
        ) as client,
    ):
        # The client's own pool settings (headers, timeout) on the in-memory transport: the code path of
        # a client that made its pool, which is what users run.
        client._http.close()
        client._http = httpx.Client(
            transport=transport, headers=client._config.headers, timeout=client._config.timeout
        )
        selection = Selection.all()

        def baseline() -> None:
            raw.post(base_url + EXECUTE_PATH, json=EXECUTE_BODY).json()

        def ours() -> None:
            client.run_tests.execute(RUN_TEST_ID, selection=selection)

        for _ in range(sizes.calls_per_round):  # warm both, and load what the client loads on first use
            baseline()
            ours()
        timing = interleaved(baseline, ours, rounds=sizes.rounds, per_round=sizes.calls_per_round * 5)
    extra = (timing.client - timing.baseline) * 1e6
    return (
        f"execute on an in-memory transport (no sockets): {timing.client * 1e6:.1f} us per call, "
        f"{extra:.1f} us more than raw httpx ({timing.baseline * 1e6:.1f} us)"
    )


def page_parser() -> Callable[[Any], object]:
    """How the version of the client under test reads a page of run tests: the generated ``from_dict``,
    or, in versions from before the parse was generated, the parser they compiled at run time."""
    from futureagi_simulate._api.models import RunTestPage

    try:
        compiled = importlib.import_module("futureagi_simulate._parse")
    except ImportError:
        # consume=True, as the client reads its own answers (older generated parses have no such argument).
        return lambda body: RunTestPage.from_dict(body, None, True)
    return lambda body: compiled.parse_model(RunTestPage, body)


def page_reader() -> Callable[[bytes], object]:
    """A page of run tests' bytes read as the client reads them: through the speed extra's mirrors where
    this version has them (msgspec installed), falling back as the client does; else decoded and parsed."""
    parse = page_parser()
    try:
        from futureagi_simulate._resources.run_tests import parse_run_test_page
    except ImportError:  # a version before the resources were one module each
        fast = None
    else:
        fast = getattr(parse_run_test_page, "fast", None)

    def read(content: bytes) -> object:
        if fast is not None:
            made = fast(content)
            if type(made).__name__ != "Refused":
                return made
        return parse(json.loads(content))

    return read


def bench_parse(url: str, sizes: Sizes) -> str:
    """Reading one page of 100 run tests with the collector off, as the client reads it (every type
    checked), beside ``json.loads`` alone."""
    read = page_reader()
    page = httpx.get(url + LIST_PATH, params={"limit": 100}, headers=headers()).content

    def client() -> None:
        read(page)

    def decode_only() -> None:
        json.loads(page)

    per_round = max(1, sizes.calls_per_round // 4)
    client()  # anything loaded or compiled on first use
    was_enabled = gc.isenabled()
    gc.disable()  # this process only: what parsing costs apart from the collector it triggers
    try:
        timing = interleaved(decode_only, client, rounds=sizes.rounds, per_round=per_round)
    finally:
        if was_enabled:
            gc.enable()
    return (
        f"list: one page of 100 decoded and read, collector off: {timing.client * 1e3:.3f} ms "
        f"(json.loads alone: {timing.baseline * 1e3:.3f} ms)"
    )


def bench_collector_passes(url: str, sizes: Sizes) -> str:
    """The cyclic collector's passes over ``counted_calls`` list calls, each side alone after a full
    collection. Counts, not times: they follow what each side allocates and keeps alive while it reads,
    not the machine's speed, so they compare between changes where the list row's time barely can."""
    with (
        httpx.Client(headers=headers(), timeout=DEFAULT_TIMEOUT) as raw,
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=url) as client,
    ):
        sides: dict[str, Callable[[], object]] = {
            "baseline": lambda: raw.get(url + LIST_PATH, params={"limit": 100}).json(),
            "client": lambda: client.run_tests.list(limit=100),
        }
        counts: dict[str, list[int]] = {}
        for name, call in sides.items():
            call()  # the client compiles its parser on the first page
            gc.collect()
            before = [generation["collections"] for generation in gc.get_stats()]
            for _ in range(sizes.counted_calls):
                call()
            after = [generation["collections"] for generation in gc.get_stats()]
            counts[name] = [a - b for a, b in zip(after, before, strict=True)]
    return (
        f"list: over {sizes.counted_calls:,} calls the cyclic collector made {counts['client'][2]} full "
        f"passes beside the client and {counts['baseline'][2]} beside the baseline (passes of the "
        f"youngest generation: {counts['client'][0]:,} and {counts['baseline'][0]:,})"
    )


def bench_list(url: str, sizes: Sizes) -> Row:
    with (
        httpx.Client(headers=headers(), timeout=DEFAULT_TIMEOUT) as raw,
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=url) as client,
    ):

        def baseline() -> None:
            raw.get(url + LIST_PATH, params={"limit": 100}).json()

        def ours() -> None:
            client.run_tests.list(limit=100)

        # Enough pages per round that each round sees its share of the collector's full passes, which
        # come every few dozen pages: with fewer, a round's median depends on whether one fell in it.
        per_round = max(1, sizes.calls_per_round // 2)
        for _ in range(per_round):
            baseline()
            ours()
        timing = interleaved(baseline, ours, rounds=sizes.rounds, per_round=per_round)
    return Row(
        "run_tests.list(limit=100), per call",
        "ms",
        timing.baseline * 1e3,
        timing.client * 1e3,
        1.5,
        note=timing.collector_note("list"),
    )


# The reads a verdict takes (issue 27): each at 100 and at 10,000 calls, beside raw httpx asking for the
# same pages and decoding them with json.loads, orjson.loads and msgspec.json.decode (untyped) in the same
# rounds. The ratio is the client's time over json.loads'.


def _decoders() -> dict[str, Callable[[bytes], object]]:
    import msgspec
    import orjson

    return {"json": json.loads, "orjson": orjson.loads, "msgspec": msgspec.json.Decoder().decode}


def _read_pages(read: str, calls: int) -> list[tuple[str, dict[str, Any]]]:
    """The requests the client makes for one read of an execution of ``calls`` calls (pages of 100)."""
    from benchmarks.server import EXECUTION_ID, SEEDED_RUN_TEST_ID

    pages = range(1, max(1, -(-calls // 100)) + 1)
    detail = f"/simulate/test-executions/{EXECUTION_ID}/"
    results = "/sdk/api/v1/simulation/runs/"
    if read in ("get", "calls"):
        return [(detail, {"page": n, "limit": 100}) for n in pages]
    answers = [(results, {"execution_id": EXECUTION_ID, "page": n, "limit": 100}) for n in pages]
    if read == "report":
        return [(f"/simulate/run-tests/{SEEDED_RUN_TEST_ID}/", {}), *answers]
    return answers


@attrs.frozen
class ReadRow:
    name: str
    medians: dict[str, float]  # seconds per read: json, orjson, msgspec, client
    target: float = 1.5

    def line(self) -> str:
        ratio = self.medians["client"] / self.medians["json"]
        verdict = "ok" if ratio <= self.target else "MISSED"
        cells = " | ".join(
            f"{self.medians[k] * 1e3:,.2f} ms" for k in ("json", "orjson", "msgspec", "client")
        )
        return f"| {self.name} | {cells} | {ratio:.2f}x | <= {self.target:.2f}x {verdict} |"


def _road(speed: bool, read: Callable[[], object]) -> Callable[[], object]:
    """``read`` with the speed extra's msgspec road on (as installed here) or off: off, each answer is read
    as in an environment without msgspec (json.loads and the generated from_dict)."""
    from futureagi_simulate import _mirrors

    def switched() -> object:
        _mirrors.use(speed)
        try:
            return read()
        finally:
            _mirrors.use(True)

    return switched


def bench_reads(
    url: str, sizes: Sizes, *, in_memory: bool, speed: bool = True, counts: tuple[int, ...] | None = None
) -> list[ReadRow]:
    """executions.get, .calls, .results and report, each beside raw httpx with three decoders; with the
    speed extra's road, or (``speed=False``) without it, at ``counts`` calls (default: every size)."""
    from benchmarks.server import EXECUTION_ID, SEEDED_RUN_TEST_ID

    answers: dict[str, bytes] = {}

    def answer(request: httpx.Request) -> httpx.Response:
        # The server's bytes, fetched once per URL: after the warm-up, no socket at all.
        key = str(request.url).removeprefix("http://bench.localhost")
        if key not in answers:
            answers[key] = httpx.get(url + key, headers=headers()).content
        return httpx.Response(200, content=answers[key], headers={"Content-Type": "application/json"})

    rows = []
    for calls in sizes.read_counts if counts is None else counts:
        base = ("http://bench.localhost" if in_memory else url) + f"/n{calls}"
        transport = httpx.MockTransport(answer) if in_memory else None
        with (
            httpx.Client(headers=headers(), timeout=DEFAULT_TIMEOUT, transport=transport) as raw,
            SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=base) as client,
        ):
            if in_memory:
                client._http.close()
                client._http = httpx.Client(
                    transport=transport, headers=client._config.headers, timeout=client._config.timeout
                )
            reads: dict[str, Callable[[], object]] = {
                "get": lambda: client.executions.get(EXECUTION_ID),
                "calls": lambda: sum(1 for _ in client.executions.calls(EXECUTION_ID)),
                "results": lambda: client.executions.results(EXECUTION_ID),
                "report": lambda: client.executions.report(EXECUTION_ID, run_test_id=SEEDED_RUN_TEST_ID),
            }
            for read, ours in reads.items():
                pages = _read_pages(read, calls)

                def raw_read(
                    decode: Callable[[bytes], object],
                    pages: list[Any] = pages,
                    base: str = base,
                    keep: bool = read != "calls",
                ) -> list[object]:
                    # The raw side holds what the client's read holds until it returns: get, results and
                    # report answer every call (all the pages' rows kept to the end), calls yields its rows
                    # one by one (the benchmark counts and drops them, so raw drops each page).
                    kept: list[object] = []
                    for path, params in pages:
                        page = decode(raw.get(base + path, params=params).content)
                        if keep:
                            kept.append(page)
                    return kept

                sides: dict[str, Callable[[], object]] = {
                    name: functools.partial(raw_read, decode) for name, decode in _decoders().items()
                }
                sides["client"] = ours if speed else _road(False, ours)
                for side in sides.values():  # warm pools, caches and whatever loads on first use
                    side()
                times: dict[str, list[float]] = {name: [] for name in sides}
                per_round = max(1, sizes.calls_per_round // (10 if calls <= 100 else 1000))
                rounds = sizes.rounds if calls <= 100 else max(2, sizes.rounds // 3)
                for r in range(rounds):
                    order = list(sides.items())
                    for name, side in order if r % 2 == 0 else reversed(order):
                        start = time.perf_counter()
                        for _ in range(per_round):
                            side()
                        times[name].append((time.perf_counter() - start) / per_round)
                where = ("in memory" if in_memory else "loopback") + ("" if speed else ", no speed extra")
                rows.append(
                    ReadRow(
                        f"`executions.{read}`, {calls:,} calls, {where}",
                        {name: statistics.median(t) for name, t in times.items()},
                    )
                )
    return rows


def bench_list_in_memory(url: str, sizes: Sizes, *, speed: bool = True) -> ReadRow:
    """run_tests.list(limit=100) with no sockets, beside raw httpx with three decoders; with the speed
    extra's road, or (``speed=False``) without it."""
    page = httpx.get(url + LIST_PATH, params={"limit": 100}, headers=headers()).content
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=page, headers={"Content-Type": "application/json"})
    )
    base = "http://bench.localhost"
    with (
        httpx.Client(headers=headers(), transport=transport) as raw,
        SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=base) as client,
    ):
        client._http.close()
        client._http = httpx.Client(
            transport=transport, headers=client._config.headers, timeout=client._config.timeout
        )

        def raw_list(decode: Callable[[bytes], object]) -> object:
            return decode(raw.get(base + LIST_PATH, params={"limit": 100}).content)

        sides: dict[str, Callable[[], object]] = {
            name: functools.partial(raw_list, decode) for name, decode in _decoders().items()
        }
        sides["client"] = _road(speed, lambda: client.run_tests.list(limit=100))
        per_round = max(1, sizes.calls_per_round // 2)
        for side in sides.values():
            side()
        times: dict[str, list[float]] = {name: [] for name in sides}
        for r in range(sizes.rounds):
            order = list(sides.items())
            for name, side in order if r % 2 == 0 else reversed(order):
                start = time.perf_counter()
                for _ in range(per_round):
                    side()
                times[name].append((time.perf_counter() - start) / per_round)
    return ReadRow(
        "`run_tests.list(limit=100)`, in memory" + ("" if speed else ", no speed extra"),
        {name: statistics.median(t) for name, t in times.items()},
        target=1.2,
    )


# httpx imports its command line (click, rich) whenever they are installed, as they are here through the
# development tools; a user's environment usually has neither. Both sides are run without them.
WITHOUT_CLI = "import sys; sys.modules.update(click=None, rich=None)\n"
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child forked from this large process
# would report this process's size.
PEAK_RSS = "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"


def fresh_process(code: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a new interpreter running ``code``."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", WITHOUT_CLI + code + "\n" + PEAK_RSS],
        check=True,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    return elapsed, int(out.stdout.split()[-1]) / 1024


def bench_import(sizes: Sizes) -> list[Row]:
    programs = {
        "httpx": "import httpx",
        "package": "import futureagi_simulate",
        "script": "from futureagi_simulate import SimulateClient, Selection",
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
    for r in range(sizes.imports + 1):
        names = list(programs) if r % 2 == 0 else list(reversed(programs))
        for name in names:
            sample = fresh_process(programs[name])
            if r:  # the first round warms the file cache
                samples[name].append(sample)

    def median(name: str, index: int, scale: float = 1.0) -> float:
        return statistics.median(s[index] for s in samples[name]) * scale

    return [
        Row(
            "`import futureagi_simulate` vs `import httpx`, wall",
            "ms",
            median("httpx", 0, 1e3),
            median("package", 0, 1e3),
            1.3,
        ),
        Row(
            "`import futureagi_simulate` vs `import httpx`, peak RSS",
            "MiB",
            median("httpx", 1),
            median("package", 1),
            1.3,
        ),
        Row(
            "`from futureagi_simulate import SimulateClient, Selection`, wall",
            "ms",
            median("httpx", 0, 1e3),
            median("script", 0, 1e3),
            1.3,
        ),
    ]


# The command, cold: a new process per start, as CI runs it, beside a raw httpx script that makes exactly
# the requests the command makes on that path, in the same order, and prints what it read as the command
# does (tests/project/test_benchmarks.py compares the two sides' requests, as the benchmark server saw
# them). click is blocked on both sides (httpx would import its own command line); rich is not, since the
# command's cli extra brings it.
WITHOUT_CLICK = "import sys; sys.modules.update(click=None)\n"
COMMAND = WITHOUT_CLICK + (
    "sys.argv = ['futureagi-simulate', *sys.argv[1:]]\n"
    "from futureagi_simulate.cli import main_exit\n"
    "main_exit()\n"
)
# The command's pool for a plain http:// base URL (the benchmark server's) loads no CA certificates,
# which a raw httpx script's pool loads whatever the URL (_config.plain_http_pool_options); against the
# real API, https://, both sides load certifi's bundle. The starts that make requests are also measured
# with this before the command, so the figure an https:// base URL would give stands beside the other.
AS_OVER_HTTPS = "import certifi, ssl\nssl.create_default_context(cafile=certifi.where())\n"
# --help: no request; a raw script imports httpx and prints argparse's help.
RAW_HELP = (
    WITHOUT_CLICK + "import argparse, httpx\nargparse.ArgumentParser(prog='raw').parse_args(['--help'])\n"
)
# run-tests list --json: one GET of the first 20 run tests, printed as indented JSON.
RAW_LIST = WITHOUT_CLICK + (
    "import json, os, httpx\n"
    "h = {'X-Api-Key': 'bench-key', 'X-Secret-Key': 'bench-secret'}\n"
    "r = httpx.get(os.environ['FI_BASE_URL'] + '/simulate/run-tests/', params={'limit': 20}, headers=h)\n"
    "print(json.dumps(r.json()['results'], indent=2))\n"
)
# run ID --dry-run: the run test, its scenarios, and the cost history of the estimate: the run test's
# executions, then the call rows of each finished one (up to five) until one reports a cost.
RAW_RUN_TEST = WITHOUT_CLICK + (
    "import os, sys, httpx\n"
    "h = {'X-Api-Key': 'bench-key', 'X-Secret-Key': 'bench-secret'}\n"
    "api = os.environ['FI_BASE_URL']\n"
    "base = api + f'/simulate/run-tests/{sys.argv[1]}/'\n"
    "first = {'page': 1, 'limit': 100}\n"
    "with httpx.Client(headers=h) as http:\n"
    "    run = http.get(base).json()\n"
    "    scenarios = http.get(base + 'scenarios/', params=first).json()['results']\n"
    "    executions = http.get(base + 'executions/', params=first).json()['results']\n"
    "    done = ('completed', 'failed', 'cancelled')\n"
    "    finished = [e for e in executions if str(e['status']).strip().lower() in done][:5]\n"
    "    per_call = None\n"
    "    for execution in finished:\n"
    "        page, costs = 1, []\n"
    "        while True:\n"
    "            params = {'page': page, 'limit': 100}\n"
    "            calls = api + f\"/simulate/test-executions/{execution['id']}/\"\n"
    "            answer = http.get(calls, params=params).json()\n"
    "            costs += [c['cost_cents'] for c in answer['results'] if c.get('cost_cents') is not None]\n"
    "            if not answer['next']:\n"
    "                break\n"
    "            page += 1\n"
    "        if costs:\n"
    "            per_call = sum(costs) / len(costs)\n"
    "            break\n"
    "print(f'dry run: {len(scenarios)} scenarios would run; nothing was sent')\n"
    "print(f\"run test {run['name']!r} ({run['id']})\")\n"
    "for scenario in scenarios:\n"
    "    print(' ', scenario['id'], scenario['name'])\n"
    "for config in run['evals_detail']:\n"
    "    print(' ', config['name'])\n"
    "print('cost estimate:', per_call, 'cents per call')\n"
)


@attrs.frozen
class Start:
    """One cold start measured: the command's arguments, the raw script and its arguments, and the path
    both sides' base URL ends with (the dry run's ``/n3``: the seeded run test's execution of 3 calls, as
    a small run test has, rather than the server's default 1,000)."""

    args: list[str]
    raw: str
    raw_args: list[str]
    prefix: str = ""


def start_commands(run_test_id: str) -> dict[str, Start]:
    """Each start measured, by the name its row shows."""
    return {
        "`--help`": Start(["--help"], RAW_HELP, []),
        "`run-tests list --json`": Start(["run-tests", "list", "--json"], RAW_LIST, []),
        "`run ID --dry-run`": Start(["run", run_test_id, "--dry-run"], RAW_RUN_TEST, [run_test_id], "/n3"),
    }


def start_environment(url: str, start: Start) -> dict[str, str]:
    """The environment of both sides of a start: the credentials and the benchmark server's URL."""
    base = url + start.prefix
    return {**os.environ, "FI_API_KEY": API_KEY, "FI_SECRET_KEY": SECRET_KEY, "FI_BASE_URL": base}


def bench_command_start(url: str, sizes: Sizes) -> list[Row]:
    from benchmarks.server import SEEDED_RUN_TEST_ID

    rows = []
    starts = [(name, start, COMMAND) for name, start in start_commands(SEEDED_RUN_TEST_ID).items()]
    starts += [
        (f"{name}, CA bundle loaded as over https://", start, AS_OVER_HTTPS + COMMAND)
        for name, start, _ in starts
        if start.args != ["--help"]
    ]
    for name, start, command in starts:
        env = start_environment(url, start)
        times: dict[str, list[float]] = {"raw": [], "ours": []}
        for r in range(sizes.imports + 1):
            pair = [("raw", start.raw, start.raw_args), ("ours", command, start.args)]
            for side, code, args in pair if r % 2 == 0 else reversed(pair):
                began = time.perf_counter()
                subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True)
                if r:  # the first round warms the file cache
                    times[side].append(time.perf_counter() - began)
        rows.append(
            Row(
                f"the command, cold: {name} vs a raw httpx script, wall",
                "ms",
                statistics.median(times["raw"]) * 1e3,
                statistics.median(times["ours"]) * 1e3,
                1.2,
            )
        )
    return rows


ITERATE = """
import sys
from futureagi_simulate import SimulateClient
url, expected = sys.argv[1], int(sys.argv[2])
with SimulateClient(api_key="bench-key", secret_key="bench-secret", base_url=url) as client:
    seen = sum(1 for _ in client.run_tests.iter(page_size=100))
assert seen == expected, (seen, expected)
"""


def bench_iter(url: str, sizes: Sizes) -> Row:
    peaks: dict[int, list[float]] = {sizes.iter_small: [], sizes.iter_large: []}
    for r in range(sizes.iter_repeats):
        order = [sizes.iter_small, sizes.iter_large]
        for count in order if r % 2 == 0 else reversed(order):
            out = subprocess.run(
                [sys.executable, "-c", ITERATE + PEAK_RSS, f"{url}/n{count}", str(count)],
                check=True,
                capture_output=True,
                text=True,
            )
            peaks[count].append(int(out.stdout.split()[-1]) / 1024)
    return Row(
        f"iter: peak RSS over {sizes.iter_large:,} runs vs {sizes.iter_small:,}",
        "MiB",
        statistics.median(peaks[sizes.iter_small]),
        statistics.median(peaks[sizes.iter_large]),
        1.2,
    )


def bench_concurrent(url: str, sizes: Sizes) -> Row:
    async def run() -> tuple[float, float]:
        async with (
            httpx.AsyncClient(headers=headers(), timeout=DEFAULT_TIMEOUT) as raw,
            AsyncSimulateClient(
                api_key=API_KEY, secret_key=SECRET_KEY, base_url=url, body_casing="snake"
            ) as client,
        ):
            selection = Selection.all()

            async def baseline() -> Any:
                return (await raw.post(url + EXECUTE_PATH, json=EXECUTE_BODY)).json()

            async def ours() -> Any:
                return await client.run_tests.execute(RUN_TEST_ID, selection=selection)

            async def batch(one: Callable[[], Awaitable[Any]]) -> float:
                start = time.perf_counter()
                await asyncio.gather(*(one() for _ in range(sizes.concurrent)))
                return time.perf_counter() - start

            await batch(baseline)
            await batch(ours)
            times: dict[str, list[float]] = {"baseline": [], "client": []}
            for r in range(sizes.concurrent_rounds):
                pair = [("baseline", baseline), ("client", ours)]
                for name, one in pair if r % 2 == 0 else reversed(pair):
                    times[name].append(await batch(one))
            return statistics.median(times["baseline"]), statistics.median(times["client"])

    base, mine = asyncio.run(run())
    return Row(f"{sizes.concurrent} concurrent async executes, wall", "ms", base * 1e3, mine * 1e3, 1.2)


def executes_served(url: str) -> int:
    return int(httpx.get(f"{url}/stats").json()["executes"])


def bench_load(url: str, sizes: Sizes) -> str:
    """Issue 14's load check, as a figure and a verdict rather than a timed test: ``load_async`` concurrent
    calls (lists and executes alternating) on one AsyncSimulateClient, then ``load_threads`` threads
    sharing one SimulateClient. Every call must succeed, and the server must have run exactly one
    execution per execute call; anything else stops the benchmark."""
    selection = Selection.all()

    async def async_load() -> tuple[float, int, int]:
        async with AsyncSimulateClient(
            api_key=API_KEY, secret_key=SECRET_KEY, base_url=f"{url}/n50", body_casing="snake"
        ) as client:

            async def one(n: int) -> object:
                if n % 2:
                    return await client.run_tests.list(limit=5)
                return await client.run_tests.execute(RUN_TEST_ID, selection=selection)

            start = time.perf_counter()
            results = await asyncio.gather(*(one(n) for n in range(sizes.load_async)), return_exceptions=True)
            wall = time.perf_counter() - start
        failures = sum(isinstance(r, BaseException) for r in results)
        return wall, failures, (sizes.load_async + 1) // 2

    before = executes_served(url)
    async_wall, async_failures, async_executes = asyncio.run(async_load())
    async_ran = executes_served(url) - before

    from concurrent.futures import ThreadPoolExecutor

    before = executes_served(url)
    with SimulateClient(
        api_key=API_KEY, secret_key=SECRET_KEY, base_url=f"{url}/n50", body_casing="snake"
    ) as shared:

        def worker(thread: int) -> int:
            failures = 0
            for n in range(sizes.load_per_thread):
                try:
                    if (thread + n) % 2:
                        shared.run_tests.list(limit=5)
                    else:
                        shared.run_tests.execute(RUN_TEST_ID, selection=selection)
                except Exception:
                    failures += 1
            return failures

        start = time.perf_counter()
        with ThreadPoolExecutor(sizes.load_threads) as pool:
            thread_failures = sum(pool.map(worker, range(sizes.load_threads)))
        thread_wall = time.perf_counter() - start
    thread_ran = executes_served(url) - before
    thread_executes = sum(
        1 for t in range(sizes.load_threads) for n in range(sizes.load_per_thread) if (t + n) % 2 == 0
    )
    if async_failures or thread_failures or async_ran != async_executes or thread_ran != thread_executes:
        raise SystemExit(
            f"load check failed: async {async_failures} failures, {async_ran} executions for "
            f"{async_executes} executes; threads {thread_failures} failures, {thread_ran} executions for "
            f"{thread_executes} executes"
        )
    thread_calls = sizes.load_threads * sizes.load_per_thread
    return (
        f"load: {sizes.load_async:,} concurrent calls (half executes) on one AsyncSimulateClient: "
        "0 failures, "
        f"{async_ran} executions for {async_executes} executes, {async_wall * 1e3:,.0f} ms wall; "
        f"{sizes.load_threads} threads sharing one SimulateClient, {thread_calls:,} calls: 0 failures, "
        f"{thread_ran} executions for {thread_executes} executes, {thread_wall * 1e3:,.0f} ms wall"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="tiny counts, to check the harness runs")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    # benchmarks.server's answers (an execution's ids) name the requests of the reads.
    sys.path.insert(0, str(HERE.parent))
    rows: list[Row] = []
    with light_server() as url:
        in_memory = bench_execute_in_memory(url, sizes)
        parsing = bench_parse(url, sizes)
        passes = bench_collector_passes(url, sizes)
        rows.append(bench_execute(url, sizes))
        rows.append(bench_list(url, sizes))
        rows += bench_import(sizes)
        rows += bench_command_start(url, sizes)
        reads = [bench_list_in_memory(url, sizes)]
        reads += bench_reads(url, sizes, in_memory=True)
        # The same reads without the speed extra (msgspec), as a user without it runs them: list, and the
        # execution reads at the smallest size (BENCHMARKS.md, "The decoding road").
        reads.append(bench_list_in_memory(url, sizes, speed=False))
        reads += bench_reads(url, sizes, in_memory=True, speed=False, counts=sizes.read_counts[:1])
        reads += bench_reads(url, sizes, in_memory=False)
        rows.append(bench_iter(url, sizes))
        rows.append(bench_concurrent(url, sizes))
        load = bench_load(url, sizes)
    print(f"futureagi-simulate benchmarks{' (quick: figures mean nothing)' if args.quick else ''}")
    print(
        f"Python {platform.python_version()}, httpx {httpx.__version__}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs"
    )
    print("| benchmark | baseline | futureagi-simulate | ratio | target |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(row.line())
    print()
    columns = "raw httpx + json.loads | + orjson | + msgspec (untyped) | futureagi-simulate"
    print(f"| read | {columns} | ratio | target |")
    print("|---|---|---|---|---|---|---|")
    for read in reads:
        print(read.line())
    notes = [row.note for row in rows if row.note] + [in_memory, parsing, passes, load]
    if notes:
        print()
    for note in notes:
        print(f"- {note}")


if __name__ == "__main__":
    main()
