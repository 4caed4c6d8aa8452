"""The control plane under /_fake/: every call, in process and over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest

from hms_async.testing import FakeHMS

from ._helpers import ACCESS_KEY, BASE, SECRET, token
from ._receiver import receiver

pytestmark = pytest.mark.anyio

IN_PROCESS_CONTROL = "http://any.host.test/_fake/"
POLL: dict[str, Any] = {
    "title": "q",
    "questions": [
        {"text": "pick", "type": "single-choice", "options": [{"text": "a"}]}
    ],
}


class Env:
    """A fake, an API client and a control-plane client on it."""

    def __init__(
        self, fake: FakeHMS, api: httpx.AsyncClient, control: httpx.AsyncClient
    ) -> None:
        self.fake = fake
        self.api = api
        self.control = control

    async def room(self, name: str = "r") -> str:
        response = await self.api.post("rooms", json={"name": name})
        assert response.status_code == 200, response.text
        room_id: str = response.json()["id"]
        return room_id

    async def join(self, room_id: str, **body: Any) -> dict[str, Any]:
        response = await self.control.post(
            f"rooms/{room_id}/peers", json={"role": "host", **body}
        )
        assert response.status_code == 200, response.text
        peer: dict[str, Any] = response.json()
        return peer


def _clients(fake: FakeHMS, base_url: str | None) -> tuple[Any, Any]:
    auth = {"Authorization": f"Bearer {token()}"}
    if base_url is None:
        api = httpx.AsyncClient(transport=fake.transport(), base_url=BASE, headers=auth)
        control = httpx.AsyncClient(
            transport=fake.transport(), base_url=IN_PROCESS_CONTROL
        )
        return api, control
    root = base_url.removesuffix("/v2/")
    return (
        httpx.AsyncClient(base_url=base_url, headers=auth),
        httpx.AsyncClient(base_url=root + "/_fake/"),
    )


@pytest.fixture(params=["in-process", "loopback"])
async def env(request: pytest.FixtureRequest) -> AsyncIterator[Env]:
    """The same fake driven in process, or through a loopback server."""
    fake = FakeHMS(access_key=ACCESS_KEY, app_secret=SECRET, seed="control")
    with anyio.fail_after(20):
        if request.param == "in-process":
            api, control = _clients(fake, None)
            async with api, control:
                yield Env(fake, api, control)
            return
        async with fake.serve() as base_url:
            api, control = _clients(fake, base_url)
            async with api, control:
                yield Env(fake, api, control)


def _error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["code"] == status
    assert isinstance(body["message"], str)
    assert isinstance(body["details"], list)
    return body


async def test_health_counts_rooms_sessions_and_peers(env: Env) -> None:
    """GET health answers ok with the version and live counts."""
    room_id = await env.room()
    await env.join(room_id)
    health = (await env.control.get("health")).json()

    assert health["status"] == "ok"
    assert (health["rooms"], health["active_rooms"], health["peers"]) == (1, 1, 1)
    assert health["webhooks_pending"] == 0
    assert health["version"]


async def test_reset_forgets_everything_and_repeats_seeded_ids(env: Env) -> None:
    """POST reset drops rooms, faults and requests; a seeded fake repeats its ids."""
    first = await env.room("one")
    await env.control.post("faults", json={"path": "/templates", "status": 503})
    reset = await env.control.post("reset")
    rooms = (await env.api.get("rooms")).json()["data"]
    faults = (await env.control.get("faults")).json()["faults"]
    again = await env.room("two")

    assert reset.json() == {"status": "reset"}
    assert rooms == []
    assert faults == []
    assert [r.path for r in env.fake.requests] == ["/rooms", "/rooms"]
    assert again[8:] == first[8:]  # the first 8 hex digits are the creation second


async def test_clock_reads_and_advances(env: Env) -> None:
    """POST clock/advance moves the fake's clock; bad seconds are a 400."""
    before = (await env.control.get("clock")).json()
    moved = (await env.control.post("clock/advance", json={"seconds": 7200})).json()
    backwards = await env.control.post("clock/advance", json={"seconds": -1})
    text = await env.control.post("clock/advance", json={"seconds": "1"})
    expired = await env.api.get("rooms")

    assert moved["offset_seconds"] - before["offset_seconds"] == 7200
    assert moved["now"] > before["now"]
    assert "seconds" in _error(backwards, 400)["details"][0]
    assert "must be a number" in _error(text, 400)["details"][0]
    assert _error(expired, 401)["details"] == ["token is expired"]


async def test_join_shows_an_active_room_and_peer_in_the_api(env: Env) -> None:
    """A peer joined through the control plane is visible through the REST API."""
    room_id = await env.room()
    peer = await env.join(room_id, user_id="u1", name="Ann", metadata="{}")
    active = await env.api.get(f"active-rooms/{room_id}")
    peers = (await env.api.get(f"active-rooms/{room_id}/peers")).json()["peers"]

    assert peer["room_id"] == room_id
    assert (peer["user_id"], peer["name"], peer["role"]) == ("u1", "Ann", "host")
    assert len(peer["track_ids"]) == 2
    assert active.json()["session"]["id"] == peer["session_id"]
    assert list(peers) == [peer["id"]]


async def test_join_refuses_bad_input(env: Env) -> None:
    """Unknown room 404; unknown role, missing role, non-object body 400."""
    room_id = await env.room()
    unknown_room = await env.control.post(
        "rooms/" + "0" * 24 + "/peers", json={"role": "host"}
    )
    bad_role = await env.control.post(f"rooms/{room_id}/peers", json={"role": "x"})
    no_role = await env.control.post(f"rooms/{room_id}/peers", json={})
    not_object = await env.control.post(f"rooms/{room_id}/peers", json=[1])
    not_json = await env.control.post(
        f"rooms/{room_id}/peers",
        content=b"{nope",
        headers={"content-type": "application/json"},
    )

    assert _error(unknown_room, 404)["message"] == "room not found"
    assert "role x" in _error(bad_role, 400)["details"][0]
    assert _error(no_role, 400)["details"] == ["role is mandatory"]
    assert _error(not_object, 400)["details"] == ["body must be a JSON object"]
    assert _error(not_json, 400)["details"] == ["body is not valid JSON"]


async def test_leave_closes_the_session_with_the_last_peer(env: Env) -> None:
    """DELETE a peer: 204; the room is inactive after the last one; unknown 404."""
    room_id = await env.room()
    peer = await env.join(room_id)
    left = await env.control.delete(f"rooms/{room_id}/peers/{peer['id']}")
    again = await env.control.delete(f"rooms/{room_id}/peers/{peer['id']}")
    active = await env.api.get(f"active-rooms/{room_id}")
    kinds = [e["type"] for e in env.fake.webhook_events]

    assert left.status_code == 204
    assert _error(again, 404)["message"] == "peer not found"
    assert active.status_code == 404
    assert kinds[-2:] == ["peer.leave.success", "session.close.success"]


async def test_end_removes_every_peer_and_can_lock(env: Env) -> None:
    """POST end closes the session (optionally disabling the room); none active 404."""
    room_id = await env.room()
    peer = await env.join(room_id)
    await env.join(room_id, role="guest")
    ended = await env.control.post(
        f"rooms/{room_id}/end", json={"reason": "done", "lock": True}
    )
    twice = await env.control.post(f"rooms/{room_id}/end")
    room = (await env.api.get(f"rooms/{room_id}")).json()
    bad_lock = await env.control.post(f"rooms/{room_id}/end", json={"lock": "yes"})

    assert ended.json() == {"room_id": room_id, "session_id": peer["session_id"]}
    assert _error(twice, 404)["message"] == "room is not active"
    assert room["enabled"] is False
    assert env.fake.state.peers == {}
    assert _error(bad_lock, 400)["details"][0].endswith("lock must be a boolean")


async def test_jobs_advance_one_step_or_to_a_status(env: Env) -> None:
    """POST jobs/{id}/advance walks a recording; a bad target 400, unknown 404."""
    room_id = await env.room()
    await env.join(room_id)
    started = await env.api.post(f"recordings/room/{room_id}/start", json={})
    job_id = started.json()["id"]
    running = await env.control.post(f"jobs/{job_id}/advance")
    done = await env.control.post(f"jobs/{job_id}/advance", json={"to": "completed"})
    past = await env.control.post(f"jobs/{job_id}/advance")
    bad = await env.control.post(f"jobs/{job_id}/advance", json={"to": "flying"})
    unknown = await env.control.post("jobs/" + "0" * 24 + "/advance")
    read = (await env.api.get(f"recordings/{job_id}")).json()

    assert running.json()["status"] == "running"
    assert done.json()["status"] == "completed"
    assert read["status"] == "completed"
    assert read["recording_assets"]
    assert "cannot advance" in _error(past, 400)["details"][0]
    assert "flying" in _error(bad, 400)["details"][0]
    assert _error(unknown, 404)["message"] == "job not found"


async def test_poll_answers_are_recorded(env: Env) -> None:
    """POST polls/{id}/answers records a peer's answer; bad input 400/404."""
    poll_id = (await env.api.post("polls", json=POLL)).json()["id"]
    room_id = (
        await env.api.post("rooms", json={"name": "p", "polls": [poll_id]})
    ).json()["id"]
    peer = await env.join(room_id)
    answered = await env.control.post(
        f"polls/{poll_id}/answers",
        json={"peer_id": peer["id"], "question": 1, "options": [1]},
    )
    responses = (await env.api.get(f"polls/{poll_id}/responses")).json()
    no_question = await env.control.post(
        f"polls/{poll_id}/answers", json={"peer_id": peer["id"]}
    )
    bad_options = await env.control.post(
        f"polls/{poll_id}/answers",
        json={"peer_id": peer["id"], "question": 1, "options": ["a"]},
    )
    unknown_peer = await env.control.post(
        f"polls/{poll_id}/answers", json={"peer_id": "nobody", "question": 1}
    )

    assert answered.status_code == 200, answered.text
    assert [r["id"] for r in responses["responses"]] == [answered.json()["id"]]
    assert "question is mandatory" in _error(no_question, 400)["details"][0]
    assert "list of integers" in _error(bad_options, 400)["details"][0]
    assert _error(unknown_peer, 404)["message"] == "peer not found"


async def test_faults_add_list_and_clear(env: Env) -> None:
    """POST faults (201) fires on the API; GET lists hits; DELETE clears (204)."""
    added = await env.control.post(
        "faults",
        json={"method": "GET", "path": "/rooms", "status": 503, "times": 1},
    )
    hit = await env.api.get("rooms")
    listed = (await env.control.get("faults")).json()["faults"]
    cleared = await env.control.delete("faults")
    after = (await env.control.get("faults")).json()["faults"]

    assert added.status_code == 201
    assert added.json()["status"] == 503
    assert hit.status_code == 503
    assert [(f["path"], f["hits"], f["remaining"]) for f in listed] == [
        ("/rooms", 1, 0)
    ]
    assert cleared.status_code == 204
    assert after == []


async def test_faults_refuse_bad_rules(env: Env) -> None:
    """An unknown field, a non-error status or no effect is a 400; nothing is added."""
    unknown = await env.control.post("faults", json={"path": "*", "colour": "red"})
    ok_status = await env.control.post("faults", json={"path": "*", "status": 200})
    no_effect = await env.control.post("faults", json={"path": "*"})
    no_path = await env.control.post("faults", json={"status": 500})
    rate = await env.control.post("faults", json={"path": "*", "drop": True, "rate": 2})

    assert "colour" in _error(unknown, 400)["details"][0]
    assert "4xx or 5xx" in _error(ok_status, 400)["details"][0]
    assert "needs a status" in _error(no_effect, 400)["details"][0]
    assert _error(no_path, 400)["details"] == ["path is mandatory"]
    assert "rate" in _error(rate, 400)["details"][0]
    assert env.fake.faults.rules == []


async def test_faults_never_touch_the_control_plane(env: Env) -> None:
    """A fault on every path leaves /_fake/ answering (and unrecorded)."""
    await env.control.post("faults", json={"path": "*", "status": 500})
    health = await env.control.get("health")
    api = await env.api.get("rooms")

    assert health.status_code == 200
    assert api.status_code == 500
    assert [r.path for r in env.fake.requests] == ["/rooms"]


async def test_webhook_events_filter_by_type_and_room(env: Env) -> None:
    """GET webhooks lists envelopes, filtered by repeated type and by room_id."""
    first, second = await env.room("a"), await env.room("b")
    await env.join(first)
    await env.join(second)
    everything = (await env.control.get("webhooks")).json()["events"]
    joins = (
        await env.control.get("webhooks", params={"type": "peer.join.success"})
    ).json()["events"]
    of_b = (await env.control.get("webhooks", params={"room_id": second})).json()[
        "events"
    ]

    assert len(everything) == 4
    assert [e["data"]["room_id"] for e in joins] == [first, second]
    assert [e["type"] for e in of_b] == ["session.open.success", "peer.join.success"]


async def test_requests_are_listed_without_headers(env: Env) -> None:
    """GET requests shows method, path and query of each API call, no tokens."""
    await env.api.get("rooms", params={"enabled": "true"})
    shown = (await env.control.get("requests")).json()["requests"]

    assert shown == [
        {"method": "GET", "path": "/rooms", "query": {"enabled": ["true"]}}
    ]


async def test_unknown_control_paths_and_methods(env: Env) -> None:
    """An unknown control path is a 404, a known one with another method a 405."""
    missing = await env.control.get("nothing")
    wrong = await env.control.put("reset")

    assert _error(missing, 404)["details"] == ["no route for GET /nothing"]
    assert _error(wrong, 405)["message"] == "Method not allowed"


async def test_deliveries_show_attempts_and_failures() -> None:
    """GET webhooks/deliveries lists each attempt and each given-up envelope."""
    with anyio.fail_after(20):
        async with receiver(status=500) as (url, received):
            fake = FakeHMS(
                access_key=ACCESS_KEY,
                app_secret=SECRET,
                webhook_url=url,
                webhook_retry_delays=(0.01,),
            )
            async with fake.serve() as base_url:
                api, control = _clients(fake, base_url)
                async with api, control:
                    room_id = (await api.post("rooms", json={"name": "w"})).json()["id"]
                    await control.post(f"rooms/{room_id}/peers", json={"role": "host"})
                    await fake.deliver_webhooks()
                    shown = (await control.get("webhooks/deliveries")).json()
            fake.close()

    assert shown["url"] == url
    assert shown["pending"] == 0
    assert [(a["type"], a["attempt"], a["status_code"]) for a in shown["attempts"]] == [
        ("session.open.success", 1, 500),
        ("session.open.success", 2, 500),
        ("peer.join.success", 1, 500),
        ("peer.join.success", 2, 500),
    ]
    assert [f["error"] for f in shown["failures"]] == ["endpoint returned 500"] * 2
    assert len(received) == 4


async def test_control_plane_can_be_switched_off() -> None:
    """serve(control=False) answers /_fake/ with a 404 saying it is off."""
    fake = FakeHMS(access_key=ACCESS_KEY, app_secret=SECRET)
    with anyio.fail_after(10):
        async with fake.serve(control=False) as base_url, httpx.AsyncClient() as http:
            off = await http.get(base_url.replace("/v2/", "/_fake/health"))

    assert _error(off, 404)["details"] == ["the control plane is switched off"]


def test_control_plane_is_off_by_default_on_other_addresses() -> None:
    """Only loopback binds get the control plane unless it is asked for."""
    fake = FakeHMS()

    assert fake.server("127.0.0.1").control is True
    assert fake.server("::1").control is True
    assert fake.server("localhost").control is True
    assert fake.server("0.0.0.0").control is False  # noqa: S104
    assert fake.server("0.0.0.0", control=True).control is True  # noqa: S104
    assert fake.server("127.0.0.1", control=False).control is False


async def test_malformed_http_gets_400_and_the_server_keeps_serving() -> None:
    """Garbage on one connection is answered 400; other clients are unaffected."""
    fake = FakeHMS(access_key=ACCESS_KEY, app_secret=SECRET)
    with anyio.fail_after(10):
        async with fake.serve() as base_url:
            port = int(base_url.split(":")[2].split("/")[0])
            async with await anyio.connect_tcp("127.0.0.1", port) as raw:
                await raw.send(b"NOT HTTP AT ALL\r\n\r\n")
                answer = await raw.receive()
            async with httpx.AsyncClient() as http:
                health = await http.get(base_url.replace("/v2/", "/_fake/health"))

    assert answer.startswith(b"HTTP/1.1 400")
    assert health.status_code == 200
