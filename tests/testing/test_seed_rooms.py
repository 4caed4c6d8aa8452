"""FakeHMS.seed_rooms: many rooms straight into the state, listed like created ones."""

from __future__ import annotations

import pytest

from hms_async.testing import FakeHMS

from ._helpers import CountingStore


async def test_seeded_rooms_list_and_read_like_created_ones() -> None:
    """Seeded rooms page in order, carry the default template and can be updated."""
    fake = FakeHMS(seed=3)
    ids = fake.seed_rooms(25, prefix="bulk")
    async with fake.client() as hms:
        listed = [room async for room in hms.rooms.list(limit=10)]
        made = await hms.rooms.create(name="made")
        renamed = await hms.rooms.update(ids[3], name="renamed")
        by_name = await hms.rooms.retrieve_by_name("bulk-7")

    assert [r.id for r in listed] == ids
    assert [r.name for r in listed[:2]] == ["bulk-0", "bulk-1"]
    assert {r.template_id for r in listed} == {fake.default_template_id}
    assert made.id > ids[-1]
    assert renamed.name == "renamed"
    assert by_name.id == ids[7]
    assert fake.requests[0].path == "/rooms"  # seeding sent nothing
    assert fake.webhook_events == []


def test_seed_rooms_refuses_bad_input() -> None:
    """A taken name, a bad prefix or a negative count is a ValueError; nothing stored."""
    fake = FakeHMS()
    fake.seed_rooms(2)
    with pytest.raises(ValueError, match="'room-0' already exists"):
        fake.seed_rooms(3)
    with pytest.raises(ValueError, match="prefix may only contain"):
        fake.seed_rooms(1, prefix="no spaces")
    with pytest.raises(ValueError, match="must not be negative"):
        fake.seed_rooms(-1)
    assert len(fake.state.rooms) == 2


async def test_a_page_of_a_big_list_reads_only_that_page() -> None:
    """Deep in 5,000 rooms, a filtered page reads about a page of rooms, not the list."""
    fake = FakeHMS(seed=4)
    ids = fake.seed_rooms(5000)
    fake.state.rooms = counting = CountingStore(fake.state.rooms)
    async with fake.client() as hms:
        await hms.rooms.disable(ids[4002])  # one read by the update itself
        before = counting.reads
        page = await hms.rooms.list(limit=10, start=ids[3999], enabled=True)
        reads = counting.reads - before

    assert [room.id for room in page.data] == ids[4000:4002] + ids[4003:4011]
    assert page.last == ids[4010]
    assert reads <= 12  # the 11 rooms up to the page's end, +1 to know more follow


async def test_rooms_created_between_pages_and_an_unknown_cursor() -> None:
    """Rooms created mid-walk show up at the end; an unknown cursor lists greater ids."""
    fake = FakeHMS(seed=5)
    ids = fake.seed_rooms(15)
    async with fake.client() as hms:
        first = await hms.rooms.list(limit=10)
        made = await hms.rooms.create(name="late")
        rest = [room.id async for room in hms.rooms.list(limit=10, start=first.last)]
        unknown = ids[7] + "x"  # not an id; sorts just after ids[7]
        after_unknown = [r.id async for r in hms.rooms.list(limit=10, start=unknown)]

    assert [room.id for room in first.data] == ids[:10]
    assert rest == [*ids[10:], made.id]
    assert after_unknown == [*ids[8:], made.id]
