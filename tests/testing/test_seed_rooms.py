"""FakeHMS.seed_rooms: many rooms straight into the state, listed like created ones."""

from __future__ import annotations

import pytest

from hms_async.testing import FakeHMS


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
