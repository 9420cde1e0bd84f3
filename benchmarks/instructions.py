"""The client's CPU work counted in machine instructions, which do not move with a shared machine's speed.

    python benchmarks/instructions.py                    # this checkout
    python benchmarks/instructions.py --against DIR      # ... beside another version, in the same run
    python benchmarks/instructions.py --reads            # executions.get, .results, report beside raw httpx
    python benchmarks/instructions.py --starts           # the command's cold starts beside raw httpx scripts

On a shared 2-CPU machine a ``make bench`` row moves by a fifth between runs, more than two versions of
the client differ by. Valgrind's cachegrind counts the instructions a process executes instead, and the
count repeats to within about 1% (see below). Each figure is the difference between a process that
does the work ``N`` times and one that does everything else (imports, warm-up, the server's start) but
not the work, divided by ``N``: start-up cancels out.

- **decode and read one page**: ``json.loads`` of a page of 100 run tests and the client's reading of it
  (the generated ``from_dict``; before 0.4.0, the parser 0.3.x compiled at run time).
- **one list call**, **one execute call**: ``run_tests.list(limit=100)`` and ``run_tests.execute`` against
  ``benchmarks/server.py``, the client's process only (cachegrind does not follow the server, which runs
  in a child process).

- **the command's cold starts** (``--starts``): the whole process of one ``--help``, ``run-tests list
  --json`` and ``run ID --dry-run`` against the benchmark server, beside ``bench.py``'s raw httpx script
  for that start, which makes the same requests; nothing is subtracted, since the start is the work.
  The server is plain http://, for which the command's pool loads no CA certificates (a raw script's
  does); each start that makes requests is counted again with certifi's bundle loaded first, as an
  https:// base URL's pool would.

``--against DIR`` names a folder holding another version's ``overrides`` and ``generated`` folders, for
example ``mkdir -p /tmp/old && git archive 127e99b overrides generated | tar -x -C /tmp/old``; each
counted process checks that it imported the package from the folder it was given. The last column is
this checkout's count over DIR's: below 1.00, this checkout does less work. Needs ``valgrind`` on PATH;
the three rows of two versions take about three minutes. The page's figure repeats to a few tenths of
a percent; the calls' figures, which include the collector and reading the socket, move by about 1%.
Counts are not times: a cache miss costs more than an instruction. They say where two versions
differ, and ``make bench`` says what that is worth.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Reads one page N times; the page's bytes come from the benchmark server, fetched once by the parent.
PARSE = """
import json, os, sys
try:
    from futureagi_simulate._resources import run_tests as _wire
except ImportError:  # a version before the resources were one module each
    from futureagi_simulate import _wire
assert _wire.__file__.startswith(os.environ["FROM"]), _wire.__file__
raw = open(sys.argv[1], "rb").read()
n = int(os.environ["COUNT"])
# With the speed extra (a version that has it, msgspec installed), the page is read from its bytes as the
# client reads it, falling back to json.loads + the parse as the client does; else decoded, then parsed.
fast = getattr(_wire.parse_run_test_page, "fast", None)
def read():
    made = fast(raw) if fast is not None else None
    if made is None or type(made).__name__ == "Refused":
        made = _wire.parse_run_test_page(json.loads(raw))
    return made
for _ in range(3):
    read()
for _ in range(n):
    read()
"""

# N calls on one client, after a warm-up that loads everything the first call loads.
CALLS = """
import os, sys
sys.path.insert(0, sys.argv[1])
from benchmarks.bench import API_KEY, RUN_TEST_ID, SECRET_KEY, light_server
from futureagi_simulate import Selection, SimulateClient
assert SimulateClient.__init__.__code__.co_filename.startswith(os.environ["FROM"])
n = int(os.environ["COUNT"])
with light_server() as url:
    with SimulateClient(api_key=API_KEY, secret_key=SECRET_KEY, base_url=url, body_casing="snake") as client:
        if os.environ["CALL"] == "list":
            call = lambda: client.run_tests.list(limit=100)
        else:
            call = lambda: client.run_tests.execute(RUN_TEST_ID, selection=Selection.all())
        for _ in range(3):
            call()
        for _ in range(n):
            call()
"""


# One read of an execution of CALLS calls (issue 27), on an in-memory transport answering the benchmark
# server's bytes, which the parent fetched into the file argv[1] (URL -> body): the counted process
# neither starts the server nor builds its answers. The client reads, or raw httpx + json.loads asks for
# the same pages. CALL: get, results or report, with "raw-" in front for the baseline.
READS = """
import json, os, sys
import httpx
from futureagi_simulate import SimulateClient
assert SimulateClient.__init__.__code__.co_filename.startswith(os.environ["FROM"])
n, call = int(os.environ["COUNT"]), os.environ["CALL"]
read = call.removeprefix("raw-")
saved = json.load(open(sys.argv[1]))
answers = {url: body.encode("latin-1") for url, body in saved["answers"].items()}
typed = {"Content-Type": "application/json"}
transport = httpx.MockTransport(lambda r: httpx.Response(200, content=answers[str(r.url)], headers=typed))
raw = httpx.Client(transport=transport)
client = SimulateClient(api_key="bench-key", secret_key="bench-secret", base_url=saved["base"])
config = client._config
client._http = httpx.Client(transport=transport, headers=config.headers, timeout=config.timeout)
execution, run_test = saved["execution_id"], saved["run_test_id"]
def work():
    if call.startswith("raw-"):
        for url in answers:
            json.loads(raw.get(url).content)
    elif read == "get":
        client.executions.get(execution)
    elif read == "results":
        client.executions.results(execution)
    else:
        client.executions.report(execution, run_test_id=run_test)
for _ in range(2):
    work()
for _ in range(n):
    work()
"""


def fetch_reads(into: Path, read: str, calls: int) -> None:
    """The pages one read of ``calls`` calls asks for, saved as READS reads them."""
    sys.path.insert(0, str(ROOT))
    import httpx

    from benchmarks.bench import _read_pages, headers, light_server
    from benchmarks.server import EXECUTION_ID, SEEDED_RUN_TEST_ID

    base = f"http://bench.localhost/n{calls}"
    answers = {}
    with light_server() as url:
        for path, params in _read_pages(read, calls):
            request = httpx.Request("GET", base + path, params=params)
            where = str(request.url).removeprefix("http://bench.localhost")
            answers[str(request.url)] = httpx.get(url + where, headers=headers()).content.decode("latin-1")
    saved = {
        "base": base,
        "execution_id": EXECUTION_ID,
        "run_test_id": SEEDED_RUN_TEST_ID,
        "answers": answers,
    }
    into.write_text(json.dumps(saved))


def instructions(code: str, arg: str | list[str], path: str, count: int, call: str = "") -> int:
    """Instructions cachegrind counted in a process running ``code`` (its arguments ``arg``) with
    ``COUNT=count``."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "cachegrind.out"
        done = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                f"--cachegrind-out-file={out}",
                sys.executable,
                "-c",
                code,
                *([arg] if isinstance(arg, str) else arg),
            ],
            # FROM: the folder the package must come from (the first on the path).
            env={
                **os.environ,
                "PYTHONPATH": path,
                "FROM": path.split(os.pathsep)[0],
                "COUNT": str(count),
                "CALL": call,
            },
            capture_output=True,
            text=True,
            check=True,
        )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"cachegrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_unit(code: str, arg: str, path: str, count: int, call: str = "") -> float:
    """Millions of instructions per repetition of the work, start-up subtracted."""
    work = instructions(code, arg, path, count, call)
    return (work - instructions(code, arg, path, 0, call)) / count / 1e6


# The command as bench.py starts it, after checking that the package comes from the folder it was given.
START = "import futureagi_simulate, os\nassert futureagi_simulate.__file__.startswith(os.environ['FROM'])\n"


def start_instructions(
    paths: dict[str, str], start: object, url: str, raw: bool, over_https: bool = False
) -> list[float]:
    """Millions of instructions of one whole start per version (or of its raw script, once); with
    ``over_https``, the command's side first loads the CA bundle an https:// pool loads (bench.py)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench import AS_OVER_HTTPS, COMMAND, Start, start_environment

    assert isinstance(start, Start)
    saved = dict(os.environ)
    os.environ.update(start_environment(url, start))
    try:
        if raw:
            return [instructions(start.raw, start.raw_args, next(iter(paths.values())), 0) / 1e6]
        return [
            instructions(
                START + (AS_OVER_HTTPS if skips_tls(path, over_https) else "") + COMMAND, start.args, path, 0
            )
            / 1e6
            for path in paths.values()
        ]
    finally:
        os.environ.clear()
        os.environ.update(saved)


def skips_tls(path: str, over_https: bool) -> bool:
    """Whether the bundle must be loaded before the command to count an https:// start: only for a version
    whose pool skips it for http:// (an older version's pool, as a raw script's, loads it itself)."""
    config = Path(path.split(os.pathsep)[0]) / "futureagi_simulate" / "_config.py"
    return over_https and "def plain_http_pool_options" in config.read_text()


def print_starts(paths: dict[str, str]) -> None:
    """Each cold start's instructions beside its raw httpx script's (bench.py's, the same requests)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench import light_server, start_commands
    from benchmarks.server import SEEDED_RUN_TEST_ID

    names = list(paths)
    print(f"| start | raw httpx script | {' | '.join(f'{n} | ratio' for n in names)} |")
    print(f"|---|---|{'---|---|' * len(names)}")
    with light_server() as url:
        for name, start in start_commands(SEEDED_RUN_TEST_ID).items():
            (raw,) = start_instructions(paths, start, url, raw=True)
            ours = start_instructions(paths, start, url, raw=False)
            cells = " | ".join(f"{x:,.1f} M | {x / raw:.2f}" for x in ours)
            print(f"| {name} | {raw:,.1f} M | {cells} |")
            if start.args != ["--help"]:  # a start that makes a pool: as an https:// base URL's would
                ours = start_instructions(paths, start, url, raw=False, over_https=True)
                cells = " | ".join(f"{x:,.1f} M | {x / raw:.2f}" for x in ours)
                print(f"| {name}, CA bundle loaded as over https:// | {raw:,.1f} M | {cells} |")


def fetch_page(into: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import httpx

    from benchmarks.bench import LIST_PATH, headers, light_server

    with light_server() as url:
        into.write_bytes(httpx.get(url + LIST_PATH, params={"limit": 100}, headers=headers()).content)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--against", type=Path, help="a folder with another version's overrides/ and generated/"
    )
    parser.add_argument("--count", type=int, default=20, help="repetitions counted (default 20)")
    parser.add_argument(
        "--reads",
        action="store_true",
        help="count the execution reads (get, results, report; 100 and 10,000 calls) beside raw httpx",
    )
    parser.add_argument(
        "--starts",
        action="store_true",
        help="count the command's cold starts (--help, a query, run --dry-run) beside raw httpx scripts",
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("instructions.py needs valgrind on PATH")
    versions = {"this checkout": ROOT}
    if args.against is not None:
        against = args.against.resolve()
        # Without them the import would fall back to the installed checkout and compare it with itself.
        if (
            not (against / "overrides" / "futureagi_simulate").is_dir()
            or not (against / "generated").is_dir()
        ):
            sys.exit(f"--against {args.against}: no overrides/futureagi_simulate and generated/ there")
        versions[str(args.against)] = against
    paths = {
        name: os.pathsep.join(str(top / f) for f in ("overrides", "generated"))
        for name, top in versions.items()
    }
    # Bytecode written first: with PYTHONDONTWRITEBYTECODE set, or a folder exported without it, every
    # counted process would compile each module it imports, and a start would count the compiler.
    for top in versions.values():
        for folder in ("overrides", "generated"):
            compileall.compile_dir(top / folder, quiet=2)
    if args.reads:
        print_reads(paths, args.count)
        return
    if args.starts:
        print_starts(paths)
        return
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.json"
        fetch_page(page)
        rows = {
            "decode and read one page (json.loads included), M instructions": [
                per_unit(PARSE, str(page), path, args.count) for path in paths.values()
            ],
            "one list call, client process, M instructions": [
                per_unit(CALLS, str(ROOT), path, max(1, args.count // 2), "list") for path in paths.values()
            ],
            "one execute call, client process, M instructions": [
                per_unit(CALLS, str(ROOT), path, args.count * 10, "execute") for path in paths.values()
            ],
        }
    ratio = len(versions) == 2
    print(f"| measure | {' | '.join(versions)} |{' ratio |' if ratio else ''}")
    print(f"|---|{'---|' * (len(versions) + ratio)}")
    for name, figures in rows.items():
        cells = [f"{x:.2f}" for x in figures] + ([f"{figures[0] / figures[1]:.3f}"] if ratio else [])
        print(f"| {name} | {' | '.join(cells)} |")


def print_reads(paths: dict[str, str], count: int) -> None:
    """Each read's instructions beside raw httpx + json.loads asking for the same pages (in memory)."""
    print("| read | version | raw httpx + json.loads | futureagi-simulate | ratio |")
    print("|---|---|---|---|---|")
    for calls in (100, 10_000):
        # One read of 10,000 calls is 100 pages: once is enough. Report reads results' pages and the run
        # test, then judges 10,000 calls (issue 27's goal at 10,000 calls too).
        repeat = count if calls <= 100 else 1
        for read in ("get", "results", "report"):
            with tempfile.TemporaryDirectory() as folder:
                saved = Path(folder) / "answers.json"
                fetch_reads(saved, read, calls)
                for name, path in paths.items():
                    raw = per_unit(READS, str(saved), path, repeat, f"raw-{read}")
                    ours = per_unit(READS, str(saved), path, repeat, read)
                    cells = f"{raw:.2f} M | {ours:.2f} M | {ours / raw:.2f}"
                    print(f"| {read}, {calls:,} calls | {name} | {cells} |")


if __name__ == "__main__":
    main()
