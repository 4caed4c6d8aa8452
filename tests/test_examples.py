"""The examples run against the fake, as a new user would run them."""

from __future__ import annotations

import importlib.util
import io
import pathlib
import sys
from types import ModuleType

import orjson
import pytest

from hms_async.testing import FakeHMS

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"example_{name}", EXAMPLES / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HMS_ACCESS_KEY", raising=False)
    monkeypatch.delenv("HMS_SECRET", raising=False)


async def test_quickstart_runs_on_the_fake(capsys: pytest.CaptureFixture[str]) -> None:
    """The quick start creates a room and prints a code per role, never the token."""
    await _load("quickstart").main()

    out = capsys.readouterr().out
    assert "room quickstart-standup" in out
    assert out.count("room code for ") >= 2
    assert "eyJ" not in out


async def test_export_streams_every_room_with_sessions() -> None:
    """The export writes one JSON line per room, sessions included."""
    export = _load("export_jsonl")
    fake = FakeHMS(seed="test-export")
    async with fake.client() as hms:
        for index in range(130):
            room = await hms.rooms.create(name=f"room-{index}")
        peer = fake.join(room.id, role="host", user_id="alice")
        fake.leave(room.id, peer.id)
        out, progress = io.BytesIO(), io.StringIO()

        count = await export.export(hms, out, progress)

    lines = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(lines) == 130
    assert len({line["room"]["id"] for line in lines}) == 130
    by_name = {line["room"]["name"]: line for line in lines}
    users = [
        p["user_id"]
        for s in by_name["room-129"]["sessions"]
        for p in s["peers"].values()
    ]
    assert users == ["alice"]
    assert "exported 130 rooms" in progress.getvalue()
