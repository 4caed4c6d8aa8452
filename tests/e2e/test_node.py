"""Done-when of the fake as a mock server: a Node script (plain fetch) drives it."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess

import anyio
import anyio.to_thread
import pytest

from hms_async.testing import FakeHMS

from ..testing._receiver import receiver

NODE = shutil.which("node")
SCRIPT = pathlib.Path(__file__).with_name("node_client.mjs")
EVENTS = [
    "session.open.success",
    "peer.join.success",
    "room.end.success",
    "peer.leave.success",
    "session.close.success",
]

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(NODE is None, reason="node is not installed"),
]


async def test_a_node_script_drives_the_fake_and_gets_webhooks() -> None:
    """Create a room, join through the control plane, see it, end it, get hooks."""
    with anyio.fail_after(60):
        async with receiver() as (url, received):
            fake = FakeHMS(webhook_url=url, webhook_retry_delays=(0.05,))
            with fake, fake.server() as server:
                env = os.environ | server.environment()
                done = await anyio.to_thread.run_sync(
                    lambda: subprocess.run(  # noqa: S603
                        [str(NODE), str(SCRIPT)],
                        env=env,
                        capture_output=True,
                        text=True,
                        check=False,
                    )
                )
                await fake.deliver_webhooks()

    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["delivered"] == EVENTS
    assert [body["type"] for body in received] == EVENTS
    assert {body["data"]["room_id"] for body in received} == {report["room_id"]}
