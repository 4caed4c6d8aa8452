"""End to end: every service of HMSClient against the fake, in process and over loopback."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import anyio
import jwt
import pytest

from hms_async import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    HMSClient,
    NotFoundError,
    ResponseDecodeError,
    ServerError,
)
from hms_async.models import JobStatus
from hms_async.testing import FakeHMS

MODES = ["in-process", "loopback"]


class Env:
    """A fake, a client on it, and the sleeps the client's retries asked for."""

    def __init__(
        self, fake: FakeHMS, hms: HMSClient, mode: str, sleeps: list[float]
    ) -> None:
        self.fake = fake
        self.hms = hms
        self.mode = mode
        self.sleeps = sleeps

    def calls(self, method: str, path: str) -> int:
        """How many requests for ``method path`` reached the fake."""
        return sum(
            1 for r in self.fake.requests if (r.method, r.path) == (method, path)
        )


async def _open(
    fake: FakeHMS, mode: str, *, read_timeout: float = 10.0, max_retries: int = 2
) -> AsyncIterator[HMSClient]:
    if mode == "in-process":
        async with fake.client(timeout=read_timeout, max_retries=max_retries) as hms:
            yield hms
        return
    async with (
        fake.serve(host="127.0.0.1", port=0) as base_url,
        HMSClient(
            fake.access_key,
            fake.app_secret,
            base_url=base_url,
            auth_base_url=base_url,
            timeout=read_timeout,
            max_retries=max_retries,
        ) as hms,
    ):
        assert base_url.startswith("http://127.0.0.1:")
        yield hms


@pytest.fixture(name="env", params=MODES)
async def _env(
    request: pytest.FixtureRequest, sleeps: list[float]
) -> AsyncIterator[Env]:
    fake = FakeHMS(seed="e2e")
    with anyio.fail_after(20):
        async for hms in _open(fake, request.param):
            yield Env(fake, hms, request.param, sleeps)


async def _room_with_peers(env: Env, name: str, *users: str) -> tuple[str, list[str]]:
    room = await env.hms.rooms.create(name=name)
    peers = [
        env.fake.join(room.id, role="host", user_id=u, name=u.title()) for u in users
    ]
    return room.id, [p.id for p in peers]


async def test_rooms_lifecycle_and_pages(env: Env) -> None:
    """Rooms are created, listed page by page, updated, disabled and found by name."""
    hms = env.hms
    for index in range(23):
        await hms.rooms.create(name=f"class-{index:02d}")

    room = await hms.rooms.create(name="CLASS-05", description="renamed by create")
    await hms.rooms.disable(room.id)
    disabled = [r.name async for r in hms.rooms.list(enabled=False, limit=10)]
    pages = [len(p.data) async for p in hms.rooms.list(limit=10).pages()]
    updated = await hms.rooms.update(room.id, max_duration_seconds=600)
    enabled = await hms.rooms.enable(room.id)

    assert room.name == "class-05"
    assert room.description == "renamed by create"
    assert disabled == ["class-05"]
    assert pages == [10, 10, 3]
    assert updated.max_duration_seconds == 600
    assert enabled.enabled is True
    assert (await hms.rooms.retrieve_by_name("class-07")).name == "class-07"


async def test_room_codes_and_the_token_exchange(env: Env) -> None:
    """Room codes cover the template's roles and exchange for a peer token."""
    hms = env.hms
    room = await hms.rooms.create(name="codes")

    codes = await hms.room_codes.create(room.id)
    host = next(c for c in codes if c.role == "host")
    token = await hms.tokens.from_room_code(host.code, user_id="alice")
    await hms.room_codes.disable(host.code)
    listed = (await hms.room_codes.list(room.id, enabled=False)).data

    claims = jwt.decode(token, env.fake.app_secret, algorithms=["HS256"])
    assert {c.role for c in codes} >= {"host", "guest"}
    assert (claims["type"], claims["room_id"], claims["role"]) == (
        "app",
        room.id,
        "host",
    )
    assert claims["user_id"] == "alice"
    assert [c.code for c in listed] == [host.code]


async def test_active_room_peers_messages_and_end(env: Env) -> None:
    """Live peers show up, can be changed, messaged, removed; ending closes the session."""
    hms = env.hms
    room_id, (ada, bob) = await _room_with_peers(env, "live", "ada", "bob")

    active = await hms.active_rooms.retrieve(room_id)
    peers = await hms.active_rooms.list_peers(room_id)
    renamed = await hms.active_rooms.update_peer(
        room_id, ada, name="Ada L.", metadata="{}"
    )
    detail = await hms.active_rooms.retrieve_peer(room_id, ada)
    await hms.active_rooms.send_message(room_id, message="hello", peer_id=bob)
    await hms.active_rooms.remove_peers(room_id, peer_id=bob, reason="bye")
    after_removal = await hms.active_rooms.list_peers(room_id)
    await hms.active_rooms.end(room_id, reason="done")
    session = (await hms.sessions.list(room_id=room_id)).data[0]

    assert active.session is not None
    assert sorted(active.session.peers) == sorted([ada, bob])
    assert {p.user_id for p in peers.values()} == {"ada", "bob"}
    assert renamed.name == "Ada L."
    assert {t.type for t in detail.tracks.values()} == {"audio", "video"}
    assert env.fake.messages[-1]["message"] == "hello"
    assert list(after_removal) == [ada]
    assert session.active is False
    assert all(p.left_at is not None for p in session.peers.values())
    with pytest.raises(NotFoundError):
        await hms.active_rooms.retrieve(room_id)
    with pytest.raises(NotFoundError):
        await hms.sessions.retrieve_active(room_id)


async def test_recording_to_assets(env: Env) -> None:
    """A recording runs, stops, completes with assets that can be downloaded."""
    hms = env.hms
    room_id, _ = await _room_with_peers(env, "recorded", "ada")

    started = await hms.recordings.start(room_id)
    env.fake.advance(started.id, to="running")
    stopped = await hms.recordings.stop(started.id)
    env.fake.advance(started.id, to="completed")
    done = await hms.recordings.retrieve(started.id)
    assets = [a async for a in hms.recording_assets.list(room_id=room_id)]
    url = await hms.recording_assets.presigned_url(assets[0].id, presign_duration=600)
    listed = [r.id async for r in hms.recordings.list(room_id=room_id)]

    assert started.status is JobStatus.STARTING
    assert stopped.status is JobStatus.STOPPING
    assert done.status is JobStatus.COMPLETED
    assert {a.id for a in done.recording_assets} == {a.id for a in assets}
    assert (url.url or "").startswith("https://")
    assert listed == [started.id]


async def test_live_and_external_streams_and_keys(env: Env) -> None:
    """Live and external streams start and stop; a stream key is created and disabled."""
    hms = env.hms
    room_id, _ = await _room_with_peers(env, "broadcast", "ada")

    live = await hms.live_streams.start(room_id)
    env.fake.advance(live.id, to="running")
    await hms.live_streams.send_timed_metadata(live.id, payload="goal!", duration=5)
    await hms.live_streams.pause_recording(live.id)
    await hms.live_streams.resume_recording(live.id)
    stopped_live = await hms.live_streams.stop_all(room_id)
    external = await hms.external_streams.start(
        room_id, rtmp_urls=["rtmp://example.com/live/key"]
    )
    stopped_external = await hms.external_streams.stop(external.id)
    key = await hms.stream_keys.create(room_id)
    same_key = await hms.stream_keys.retrieve(room_id)
    await hms.stream_keys.disable(room_id)

    assert [s.id for s in stopped_live] == [live.id]
    assert stopped_external.status is JobStatus.STOPPING
    assert [s.id async for s in hms.external_streams.list(room_id=room_id)] == [
        external.id
    ]
    assert [s.id async for s in hms.live_streams.list(room_id=room_id)] == [live.id]
    assert same_key.id == key.id
    with pytest.raises(NotFoundError):
        await hms.stream_keys.retrieve(room_id)


async def test_templates_roles_settings_destinations(env: Env) -> None:
    """A template is created, its roles, settings, destinations and recordings changed."""
    hms = env.hms
    template = await hms.templates.create(
        name="webinar", roles={"speaker": {}, "listener": {}}
    )

    speaker = await hms.templates.update_role(template.id, "speaker", priority=2)
    await hms.templates.delete_role(template.id, "listener")
    settings = await hms.templates.retrieve_settings(template.id)
    destinations = await hms.templates.retrieve_destinations(template.id)
    configs = await hms.templates.retrieve_recordings(template.id)
    again = await hms.templates.retrieve(template.id)
    names = [t.name async for t in hms.templates.list(limit=10)]

    assert speaker.priority == 2
    assert sorted(again.roles) == ["speaker"]
    assert settings is not None
    assert destinations is not None
    assert isinstance(configs, list)
    assert "webinar" in names
    with pytest.raises(NotFoundError):
        await hms.templates.retrieve_role(template.id, "listener")


async def test_polls_answers_and_results(env: Env) -> None:
    """A quiz linked to a room collects answers, listed as responses and results."""
    hms = env.hms
    poll = await hms.polls.create(
        title="Quiz",
        type="quiz",
        questions=[
            {
                "text": "2 + 2?",
                "type": "single-choice",
                "options": [{"text": "4"}, {"text": "5"}],
                "answer": {"options": [1]},
            }
        ],
    )
    room = await hms.rooms.create(name="quiz-room", polls=[poll.id])
    peer = env.fake.join(room.id, role="host", user_id="ada")
    env.fake.answer_poll(poll.id, peer.id, question=1, options=[1])

    responses = [r async for r in hms.polls.list_responses(poll.id)]
    results = [r async for r in hms.polls.list_results(poll.id)]
    sessions = [s async for s in hms.polls.list_sessions(poll.id)]
    one = await hms.polls.retrieve_response(poll.id, responses[0].id)
    await hms.polls.delete_option(poll.id, 1, 2)
    trimmed = await hms.polls.retrieve(poll.id)
    await hms.polls.update_question(  # a rewrite: what is not sent is gone
        poll.id,
        1,
        text="Two plus two?",
        type="single-choice",
        options=[{"text": "four"}],
    )
    again = await hms.polls.retrieve(poll.id)

    assert len(responses) == 1
    assert one.id == responses[0].id
    assert len(results) == 1
    assert len(sessions) == 1
    assert [o.text for o in trimmed.questions[0].options] == ["4"]
    assert again.questions[0].text == "Two plus two?"
    assert [o.text for o in again.questions[0].options] == ["four"]


async def test_analytics_from_what_happened(env: Env) -> None:
    """Track events, peer stats and webhook history reflect the simulated session."""
    hms = env.hms
    room_id, (ada,) = await _room_with_peers(env, "measured", "ada")
    session_id = (await hms.sessions.retrieve_active(room_id)).id
    env.fake.leave(room_id, ada)

    events = [e async for e in hms.analytics.list_events(room_id=room_id, limit=1)]
    stats = await hms.analytics.retrieve_peer_stats(peer_id=ada, session_id=session_id)
    history = [e async for e in hms.analytics.list_webhook_events(room_id=room_id)]
    replay = await hms.analytics.replay_webhooks(room_id=room_id)
    status = await hms.analytics.retrieve_replay(replay.workflow_id)

    assert len(events) >= 2  # one page per event: every page is walked
    assert {e.type for e in events} >= {"track.add.success"}
    assert stats.peer_id == ada
    delivered = {
        e.payload.original_event_name for e in history if e.payload is not None
    }
    assert delivered >= {"peer.join.success", "peer.leave.success"}
    assert status.workflow_id == replay.workflow_id


async def test_sip_trunk_call_and_dtmf(env: Env) -> None:
    """A SIP trunk is created and updated, a call placed and DTMF sent with a peer token."""
    hms = env.hms
    room = await hms.rooms.create(name="phone")
    codes = await hms.room_codes.create(room.id)
    trunk = await hms.sip.create_trunk(
        username="u", password="p", address="sip.example.com", from_="+15550100"
    )

    updated = await hms.sip.update_trunk(
        trunk.id,
        username="u2",
        password="p2",
        address="sip.example.com",
        from_="+15550101",
    )
    call = await hms.sip.call(
        to="+15550199", room_code=codes[0].code, trunk_id=trunk.id
    )
    await hms.sip.send_dtmf(digits="12#", room_id=room.id, role="host")
    dtmf = [r for r in env.fake.requests if r.path == "/sip/dtmf"][-1]

    assert updated.id == trunk.id
    assert call.id
    claims = jwt.decode(
        dtmf.headers["authorization"].removeprefix("Bearer "),
        env.fake.app_secret,
        algorithms=["HS256"],
    )
    assert claims["type"] == "app"


async def test_expired_or_wrongly_signed_tokens_are_refused() -> None:
    """The fake refuses an expired token and a wrong secret: AuthenticationError."""
    fake = FakeHMS(seed="tokens")
    past = time.time() - 3 * 86400
    async with (
        fake.client(clock=lambda: past) as expired,
        HMSClient(
            fake.access_key, "wrong-secret-" + "x" * 30, transport=fake.transport()
        ) as forged,
    ):
        for client in (expired, forged):
            with pytest.raises(AuthenticationError) as caught:
                await client.rooms.retrieve("anything")
            assert caught.value.message == "Token validation error"


async def test_get_retried_through_gateway_errors(env: Env) -> None:
    """Two 503s then success: the GET is retried, with backoff, and succeeds."""
    room = await env.hms.rooms.create(name="retry")
    env.fake.faults.add("GET", "/rooms/{room_id}", status=503, times=2)

    again = await env.hms.rooms.retrieve(room.id)

    assert again.id == room.id
    assert env.calls("GET", f"/rooms/{room.id}") == 3
    assert len(env.sleeps) == 2


async def test_429_waits_as_told(env: Env) -> None:
    """A 429 with Retry-After is waited out for exactly that long."""
    env.fake.faults.add("GET", "/rooms", status=429, retry_after=3, times=1)

    page = await env.hms.rooms.list()

    assert page.data == []
    assert env.sleeps == [3.0]


async def test_500_and_post_503_are_not_retried(env: Env) -> None:
    """A 500 on GET and a 503 on an action POST are raised at once."""
    room_id, _ = await _room_with_peers(env, "no-retry", "ada")
    env.fake.faults.add("GET", "/sessions", status=500, times=1)
    env.fake.faults.add("POST", "/recordings/room/{room_id}/start", status=503, times=1)

    with pytest.raises(ServerError) as get_error:
        await env.hms.sessions.list()
    with pytest.raises(ServerError) as post_error:
        await env.hms.recordings.start(room_id)

    assert (get_error.value.status_code, post_error.value.status_code) == (500, 503)
    assert env.calls("GET", "/sessions") == 1
    assert env.calls("POST", f"/recordings/room/{room_id}/start") == 1
    assert env.sleeps == []


async def test_malformed_body_is_read_again(env: Env) -> None:
    """A malformed JSON body on a GET is retried; past the retries it is a decode error."""
    env.fake.faults.add("GET", "/rooms", body="malformed", times=1)
    assert (await env.hms.rooms.list()).data == []
    assert env.calls("GET", "/rooms") == 2

    env.fake.faults.add("GET", "/rooms", body="malformed")
    with pytest.raises(ResponseDecodeError) as caught:
        await env.hms.rooms.list()

    assert caught.value.status_code == 200
    assert env.calls("GET", "/rooms") == 2 + 3


async def test_truncated_body_never_passes_as_data(env: Env) -> None:
    """A truncated body is read again, in process and over TCP."""
    room = await env.hms.rooms.create(name="truncated")
    env.fake.faults.add("GET", "/rooms/{room_id}", body="truncated", times=1)

    assert (await env.hms.rooms.retrieve(room.id)).id == room.id
    assert env.calls("GET", f"/rooms/{room.id}") == 2


async def test_dropped_connection(env: Env) -> None:
    """A dropped connection is retried for a GET and raised for an unnamed create."""
    env.fake.faults.add("GET", "/rooms", drop=True, times=1)
    env.fake.faults.add("POST", "/rooms", drop=True, times=1)

    page = await env.hms.rooms.list()
    with pytest.raises(APIConnectionError):
        await env.hms.rooms.create(description="no name: not idempotent")

    assert page.data == []
    assert env.calls("GET", "/rooms") == 2
    assert env.calls("POST", "/rooms") == 1


async def test_latency_beyond_the_timeout_is_a_timeout() -> None:
    """Over loopback, a server slower than the read timeout gives APITimeoutError."""
    fake = FakeHMS(seed="slow")
    # The server finishes the slow answer before it stops: keep it short.
    fake.faults.add("GET", "/rooms", latency=1.0)
    with anyio.fail_after(5):
        async for hms in _open(fake, "loopback", read_timeout=0.2, max_retries=0):
            with pytest.raises(APITimeoutError):
                await hms.rooms.list()


async def test_fractional_faults_repeat_under_a_seed() -> None:
    """The same seed gives the same sequence of faulted calls."""

    async def outcomes() -> list[bool]:
        fake = FakeHMS(seed="flaky")
        fake.faults.add("GET", "/rooms", status=500, rate=0.5)
        results = []
        async with fake.client(max_retries=0) as hms:
            for _ in range(20):
                try:
                    await hms.rooms.list()
                except ServerError:
                    results.append(False)
                else:
                    results.append(True)
        return results

    first, second = await outcomes(), await outcomes()

    assert first == second
    assert 0 < first.count(False) < 20
