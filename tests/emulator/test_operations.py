"""The emulator serves every operation of the document, and its seed names the agent versions."""

from __future__ import annotations

import importlib.resources

import yaml

from futureagi_simulate.testing import Emulator


def _document_operations() -> set[str]:
    text = (importlib.resources.files("futureagi_simulate._api") / "openapi.yaml").read_text("utf-8")
    document = yaml.safe_load(text)
    return {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if "operationId" in op
    }


def test_every_documented_operation_is_served(emulator: Emulator) -> None:
    """Each operationId of openapi.yaml is a route of the emulator, and no route is undocumented."""
    assert set(emulator.operations) == _document_operations()


def test_seed_environment_names_the_agent_versions(emulator: Emulator) -> None:
    """The seed's environment gives the first agent's two versions, oldest first."""
    seed = emulator.seed
    assert seed.as_environment()["FI_DEMO_AGENT_VERSION_IDS"] == ",".join(
        str(v) for v in seed.agent_version_ids
    )
    assert len(seed.agent_version_ids) == 2
