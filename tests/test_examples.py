"""The examples run against the fake, as a new user would run them."""

from __future__ import annotations

import concurrent.futures
import importlib.util
import io
import multiprocessing
import pathlib
import sys
import warnings
from types import ModuleType

import httpx
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


async def test_asgi_app_shares_one_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ASGI app serves rooms page by page and verified webhooks with one client."""
    monkeypatch.setenv("HMS_WEBHOOK_HEADERS", '{"x-webhook-secret": "s3cret-value"}')
    module = _load("asgi_app")
    app = module.app
    transport = httpx.ASGITransport(app=app)

    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://app") as http,
    ):
        for index in range(25):
            created = await http.post("/rooms", json={"name": f"class-{index}"})
            assert created.status_code == 201
        first = (await http.get("/rooms", params={"limit": 20})).json()
        second = (
            await http.get("/rooms", params={"limit": 20, "start": first["next"]})
        ).json()
        too_big = await http.get("/rooms", params={"limit": 500})
        hook = b'{"version":"2.0","id":"e1","type":"session.open.success","data":{}}'
        accepted = await http.post(
            "/webhooks/100ms",
            content=hook,
            headers={"x-webhook-secret": "s3cret-value"},
        )
        refused = await http.post(
            "/webhooks/100ms", content=hook, headers={"x-webhook-secret": "wrong"}
        )
        hms = app.state.hms

    assert len(first["rooms"]) == 20
    assert len(second["rooms"]) == 5
    assert second["next"] is None
    assert {r["name"] for r in first["rooms"] + second["rooms"]} == {
        f"class-{i}" for i in range(25)
    }
    assert set(created.json()["codes"]) >= {"host", "guest"}
    assert too_big.status_code == 400
    assert "limit must be between 10 and 100" in too_big.json()["error"]
    assert (accepted.status_code, refused.status_code) == (200, 401)
    assert app.state.events == ["session.open.success"]
    assert hms._http.is_closed


@pytest.mark.parametrize("name", ["asgi_app", "webhook_receiver"])
def test_web_examples_name_their_extra_when_starlette_is_missing(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Starlette the example says which extra to install, not just the module."""
    for module in [m for m in sys.modules if m.split(".")[0] == "starlette"]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "starlette", None)  # import starlette now fails

    with pytest.raises(ImportError, match=r"pip install 'hms-async\[examples\]'"):
        _load(name)


def test_readme_lists_every_example_with_what_it_needs() -> None:
    """Each example file is in the README's table, with its extra where it has one."""
    readme = (EXAMPLES.parent / "README.md").read_text()
    rows = {
        line.split("`")[1]: line
        for line in readme.splitlines()
        if "| [`examples/" in line
    }

    assert sorted(rows) == sorted(f"examples/{p.name}" for p in EXAMPLES.glob("*.py"))
    for web in ("examples/asgi_app.py", "examples/webhook_receiver.py"):
        assert "hms-async[examples]" in rows[web]


def test_sync_wsgi_app_shares_one_client_across_threads() -> None:
    """The WSGI example: requests from eight threads on one SyncHMSClient."""
    module = _load("sync_wsgi_app")
    transport = httpx.WSGITransport(app=module.app)

    with (
        httpx.Client(transport=transport, base_url="http://app") as http,
        concurrent.futures.ThreadPoolExecutor(8) as pool,
    ):
        created = list(
            pool.map(
                lambda n: http.post("/rooms", json={"name": f"class-{n}"}),
                range(25),
            )
        )
        first = http.get("/rooms", params={"limit": 20}).json()
        second = http.get("/rooms", params={"limit": 20, "start": first["next"]})
        too_big = http.get("/rooms", params={"limit": 500})
        missing = http.get("/nowhere")

    assert {answer.status_code for answer in created} == {201}
    assert set(created[0].json()["codes"]) >= {"host", "guest"}
    names = [r["name"] for r in first["rooms"] + second.json()["rooms"]]
    assert sorted(names) == sorted(f"class-{n}" for n in range(25))
    assert second.json()["next"] is None
    assert too_big.status_code == 400
    assert "limit must be between 10 and 100" in too_big.json()["error"]
    assert missing.status_code == 404
    module.hms.close()


def test_sync_task_closes_a_class(monkeypatch: pytest.MonkeyPatch) -> None:
    """The task example ends the live session, disables the room, sums it up."""
    module = _load("sync_task")
    fake = FakeHMS()
    monkeypatch.setattr(module, "hms", fake.sync_client())
    room = module.hms.rooms.create(name="physics-7b")
    fake.join(room.id, role="host", user_id="teacher")
    fake.join(room.id, role="guest", user_id="pupil")

    summary = module.close_class(room.id)
    again = module.close_class(room.id)

    assert summary == {
        "room": "physics-7b",
        "ended_live_session": True,
        "sessions": 1,
        "users": 2,
    }
    assert again["ended_live_session"] is False
    assert fake.state.rooms[room.id]["enabled"] is False
    module.hms.close()


def test_sync_task_runs_in_forked_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """As under Celery's prefork pool: the client made at import, before the
    workers fork, serves each worker over its own connections."""
    fake = FakeHMS()
    with fake.server() as server:
        for name, value in server.environment().items():
            monkeypatch.setenv(name, value)
        module = _load("sync_task")
        rooms = [module.hms.rooms.create(name=f"class-{n}").id for n in range(4)]
        with warnings.catch_warnings():  # 3.12+: forking a process with threads
            warnings.simplefilter("ignore", DeprecationWarning)
            workers = multiprocessing.get_context("fork").Pool(2)
        with workers:
            summaries = workers.map(module.close_class, rooms)
        after = module.hms.rooms.retrieve(rooms[0])  # the parent's pool still works
        module.hms.close()

    assert [s["room"] for s in summaries] == [f"class-{n}" for n in range(4)]
    assert all(not fake.state.rooms[room]["enabled"] for room in rooms)
    assert after.enabled is False
