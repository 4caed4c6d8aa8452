"""scripts/raw_responses.py: the typed with_raw_response classes are current."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", name="script")
def _script() -> ModuleType:
    """The script, imported as a module."""
    spec = importlib.util.spec_from_file_location(
        "raw_responses", ROOT / "scripts" / "raw_responses.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["raw_responses"] = module
    spec.loader.exec_module(module)
    return module


def test_the_committed_module_is_current(script: ModuleType) -> None:
    """What `--check` runs in `nox -s lint`."""
    assert script.main(["--check"]) == 0


def test_a_new_method_makes_it_stale(
    script: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A method the services gain is wrapped, and the check fails until it is."""
    found = script.methods

    def one_more(module: str, cls: str) -> list[tuple[str, str]]:
        listed: list[tuple[str, str]] = found(module, cls)
        return [*listed, ("archive", "raw_call")] if cls == "RoomsResource" else listed

    monkeypatch.setattr(script, "methods", one_more)
    assert "self.archive = raw_call(service.archive)" in script.render()
    assert script.main(["--check"]) == 1


def test_every_service_and_kind_of_method_is_found(script: ModuleType) -> None:
    """Each service of HMSClient; async methods, and lists as first pages."""
    services = {attribute for attribute, _, _ in script.services()}
    assert len(services) == 14
    rooms = dict(script.methods("resources.rooms", "RoomsResource"))
    assert rooms["retrieve"] == "raw_call"
    assert rooms["list"] == "raw_page"
    tokens = dict(script.methods("resources.tokens", "TokensResource"))
    assert tokens == {"from_room_code": "raw_call"}  # create() sends nothing
