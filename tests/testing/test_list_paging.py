"""The fake's session, job and asset lists page in O(page), with unchanged results."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Any

from hms_async.testing import FakeHMS
from hms_async.testing._state import KeyOrder

from ._helpers import CountingStore

T0 = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)


def _sessions(fake: FakeHMS, count: int, rooms: list[str], seed: int) -> list[Any]:
    """``count`` sessions straight into the fake: copies of a real one with their
    own id, room, state and start time (shuffled, so ids and times disagree)."""
    fake.leave(rooms[0], fake.join(rooms[0], role="host").id)
    (model,) = fake.state.sessions.values()
    fake.state.sessions.clear()
    chance = random.Random(seed)  # noqa: S311 - test data, not secrets
    for n in range(count):
        session_id = f"{n:024x}"
        fake.state.sessions[session_id] = {
            **model,
            "id": session_id,
            "room_id": chance.choice(rooms),
            "active": chance.random() < 0.3,
            "created_at": (T0 + dt.timedelta(minutes=chance.randrange(10_000)))
            .isoformat()
            .replace("+00:00", "Z"),
        }
    return list(fake.state.sessions.values())


async def test_filters_and_pages_give_what_the_whole_list_gives() -> None:
    """Every filter combination, walked in pages of 10, lists exactly the stored
    sessions that match, in stored order."""
    fake = FakeHMS(seed=8)
    rooms = fake.seed_rooms(3)
    stored = _sessions(fake, 120, rooms, seed=8)
    after = T0 + dt.timedelta(minutes=2_500)
    before = T0 + dt.timedelta(minutes=7_500)

    async with fake.client() as hms:
        for room_id, active, timed in itertools.product(
            [None, rooms[1]], [None, True, False], [False, True]
        ):
            window = (after, before) if timed else (None, None)
            listed = [
                s.id
                async for s in hms.sessions.list(
                    room_id=room_id,
                    active=active,
                    after=window[0],
                    before=window[1],
                    limit=10,
                )
            ]
            expected = [
                s["id"]
                for s in stored
                if (room_id is None or s["room_id"] == room_id)
                and (active is None or s["active"] is active)
                and (not timed or after <= _at(s) <= before)
            ]
            assert listed == expected, (room_id, active, window)
            assert expected  # each combination matches something


def _at(session: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(session["created_at"])


async def test_a_deep_session_page_reads_only_that_page() -> None:
    """Deep in 5,000 sessions, a page reads about a page of them, not the list."""
    fake = FakeHMS(seed=9)
    rooms = fake.seed_rooms(2)
    stored = _sessions(fake, 5000, rooms, seed=9)
    fake.state.sessions = counting = CountingStore(fake.state.sessions)
    async with fake.client() as hms:
        await hms.sessions.list(limit=10)  # the store's key order, once
        before = counting.reads
        page = await hms.sessions.list(limit=10, start=stored[3999]["id"])
        reads = counting.reads - before

    assert [s.id for s in page.data] == [s["id"] for s in stored[4000:4010]]
    assert reads <= 11  # the page's 10 sessions, +1 to know more follow


async def test_recordings_and_assets_page_by_their_cursor() -> None:
    """Job and asset lists: filters, pages and cursors as before, read lazily."""
    fake = FakeHMS(seed=10)
    (room,) = fake.seed_rooms(1)
    async with fake.client() as hms:
        jobs = []
        for _ in range(12):
            peer = fake.join(room, role="host")
            jobs.append(await hms.recordings.start(room))
            if len(jobs) % 3 == 0:
                await hms.recordings.stop(jobs[-1].id)
            fake.leave(room, peer.id)
        listed = [j.id async for j in hms.recordings.list(limit=10)]
        stopping = [j.id async for j in hms.recordings.list(status="stopping")]
        second = await hms.recordings.list(limit=10, start=listed[9])

    assert listed == [job.id for job in jobs]
    assert stopping == [
        job.id for job in jobs if fake.state.recordings[job.id]["status"] == "stopping"
    ]
    assert stopping
    assert [j.id for j in second.data] == listed[10:]


def test_a_store_that_shrinks_or_is_replaced_is_read_again() -> None:
    """A ``KeyOrder`` starts over when its store gets smaller; ``State.order``
    gives a replaced store an order of its own."""
    order = KeyOrder()
    store: dict[str, Any] = {"a": {}, "b": {}, "c": {}}
    assert list(order.update(store).after("a")) == ["b", "c"]
    del store["b"]
    store["d"] = {}
    del store["a"]
    assert list(order.update(store).after(None)) == ["c", "d"]

    fake = FakeHMS()
    first = fake.state.order(fake.state.sessions)
    assert fake.state.order(fake.state.sessions) is first
    fake.state.sessions = {"s": {}}
    assert list(fake.state.order(fake.state.sessions).after(None)) == ["s"]
