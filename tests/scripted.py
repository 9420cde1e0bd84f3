"""Scripted outcomes for driving the flows without a socket: the context, answers and clocks they need."""

from __future__ import annotations

from futureagi_simulate._flows import CasingState, Context

CTX = Context(secrets=(), casing=CasingState.for_mode("auto"))
