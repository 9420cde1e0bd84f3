"""An emulator of the Simulate API, for demos, tests, and clients in other languages.

>>> from futureagi_simulate.testing import Emulator, Fault
>>> with Emulator(dialect="oss") as emu:
...     emu.inject("executeRunTest", Fault.drop())
...     ...

Also runnable: ``python -m futureagi_simulate.testing --dialect oss`` (or ``futureagi-simulate-emulator``).
Checking exchanges against ``openapi.yaml`` needs the ``testing`` extra (openapi-core).
"""

from ._app import EmulatorApp
from ._dialects import Dialect
from ._emulator import Emulator, EmulatorConformanceError
from ._exchange import Answer, Exchange
from ._faults import Fault, FaultKind
from ._records import AdvanceMode, EvalTemplate, Executor, Seed
from ._scripts import ScriptedEval
from ._server import AsyncEmulatorTransport, EmulatorTransport

__all__ = [
    "AdvanceMode",
    "Answer",
    "AsyncEmulatorTransport",
    "Dialect",
    "Emulator",
    "EmulatorApp",
    "EmulatorConformanceError",
    "EmulatorTransport",
    "EvalTemplate",
    "Exchange",
    "Executor",
    "Fault",
    "FaultKind",
    "ScriptedEval",
    "Seed",
]
